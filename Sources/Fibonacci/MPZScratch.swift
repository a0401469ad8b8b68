import BigNum
import CGMP

/// A pointer to a GMP integer that a computation owns for its duration.
@usableFromInline
typealias MPZPointer = UnsafeMutablePointer<__mpz_struct>

/// A few `mpz_t` working values for one computation, allocated up front at a given size so that the
/// loops never reallocate, and cleared when the computation ends.
@usableFromInline
struct MPZScratch: ~Copyable {
    let values: UnsafeMutablePointer<__mpz_struct>
    let count: Int

    /// `count` values, each with room for `bits` bits.
    init(count: Int, bits: Int) {
        values = .allocate(capacity: count)
        self.count = count
        for index in 0..<count { __gmpz_init2(values + index, UInt(Swift.max(bits, 64))) }
    }

    subscript(index: Int) -> MPZPointer { values + index }

    deinit {
        for index in 0..<count { __gmpz_clear(values + index) }
        values.deallocate()
    }
}

/// Frees the limbs of a working value that is no longer needed, to lower the peak memory.
@inlinable
func releaseLimbs(_ value: MPZPointer) {
    __gmpz_clear(value)
    __gmpz_init(value)
}

extension BigInt {
    /// Moves a working value into a new `BigInt` without copying its limbs (`mpz_swap`).
    @inlinable
    init(movingFrom value: MPZPointer) {
        self.init { __gmpz_swap($0, value) }
    }
}

/// An upper bound on the bits of F(n): F(n) < φ^n, and log2(φ) = 0.6942419136306174...
/// The two extra limbs absorb the rounding of the product and the ± 2 of the doubling formulas.
@inlinable
func fibonacciBitsBound(_ n: UInt) -> Int {
    Int((Double(n) * 0.6942419136306174).rounded(.up)) + 128
}

/// Runs two closures at once when the second core is free (see `HelperThread`); both have finished
/// when it returns.
@inline(__always)
func runConcurrently(_ first: () -> Void, _ second: () -> Void) {
    HelperThread.shared.run(first, second)
}
