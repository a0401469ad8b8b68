import CGMP

// Limb-level plumbing for the package's own algorithms (the Fibonacci module's doubling loops): GMP
// integers that one computation owns, allocated once at their final size and operated on in place.
// `package` access: shared with the other modules of this package, not part of the public API, and
// no module but this one imports GMP.

/// A GMP integer owned by one computation (see ``ScratchIntegers``): a handle, so copying it copies
/// the reference, not the value.
///
/// Every operation writes its receiver and may read the same integer as an operand (`x.setSum(x, y)`).
/// Two threads may use different integers at once (`@unchecked Sendable`); the caller keeps them apart.
package struct ScratchInteger: @unchecked Sendable {
    @usableFromInline
    let pointer: UnsafeMutablePointer<__mpz_struct>

    @usableFromInline
    init(_ pointer: UnsafeMutablePointer<__mpz_struct>) {
        self.pointer = pointer
    }

    /// Limbs in the magnitude (0 for zero).
    package var limbCount: Int { cgmp_mpz_limb_count(pointer) }

    package func set(_ value: UInt) { __gmpz_set_ui(pointer, value) }

    /// self = a · b; GMP squares when both are the same integer.
    package func setProduct(_ a: ScratchInteger, _ b: ScratchInteger) { __gmpz_mul(pointer, a.pointer, b.pointer) }

    package func setSum(_ a: ScratchInteger, _ b: ScratchInteger) { __gmpz_add(pointer, a.pointer, b.pointer) }

    package func setDifference(_ a: ScratchInteger, _ b: ScratchInteger) { __gmpz_sub(pointer, a.pointer, b.pointer) }

    /// self = a · 2^bits.
    package func setShiftedLeft(_ a: ScratchInteger, by bits: Int) { __gmpz_mul_2exp(pointer, a.pointer, UInt(bits)) }

    package func add(_ value: UInt) { __gmpz_add_ui(pointer, pointer, value) }

    package func subtract(_ value: UInt) { __gmpz_sub_ui(pointer, pointer, value) }

    /// Frees the limbs (the value becomes zero), to lower the peak memory once it is no longer needed.
    package func release() {
        __gmpz_clear(pointer)
        __gmpz_init(pointer)
    }

    /// Frees the limbs and allocates room for `bits` bits at once, so a result of that size is
    /// written without growing (the value becomes zero).
    package func reserve(bits: Int) {
        __gmpz_clear(pointer)
        __gmpz_init2(pointer, UInt(Swift.max(bits, 64)))
    }
}

/// A few GMP integers for one computation, each allocated up front with room for a given number of
/// bits so that the loops never reallocate, and all cleared when the owner goes away.
package struct ScratchIntegers: ~Copyable {
    private let values: UnsafeMutablePointer<__mpz_struct>
    private let count: Int

    /// `count` integers, each zero with room for `bits` bits.
    package init(count: Int, bits: Int) {
        values = .allocate(capacity: count)
        self.count = count
        for index in 0..<count { __gmpz_init2(values + index, UInt(Swift.max(bits, 64))) }
    }

    package subscript(index: Int) -> ScratchInteger {
        precondition((0..<count).contains(index), "ScratchIntegers index \(index) out of 0..<\(count)")
        return ScratchInteger(values + index)
    }

    deinit {
        for index in 0..<count { __gmpz_clear(values + index) }
        values.deallocate()
    }
}

extension BigInt {
    /// Moves a working integer's value into a new `BigInt` without copying its limbs (`mpz_swap`);
    /// the working integer is left zero.
    package init(moving value: ScratchInteger) {
        self.init { __gmpz_swap($0, value.pointer) }
    }

    /// F(n) by GMP's `mpz_fib_ui`: the reference the Fibonacci module's strategies are measured against.
    package static func gmpFibonacci(_ n: UInt) -> BigInt {
        BigInt { __gmpz_fib_ui($0, n) }
    }

    /// L(n) by GMP's `mpz_lucnum_ui`.
    package static func gmpLucas(_ n: UInt) -> BigInt {
        BigInt { __gmpz_lucnum_ui($0, n) }
    }

    /// Bits in one of GMP's limbs (64 on the 64-bit platforms this package supports).
    package static let limbBitWidth = Int(cgmp_limb_bits)
}
