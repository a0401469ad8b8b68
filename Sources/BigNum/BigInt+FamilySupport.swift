import CGMP

// Number-theoretic primitives for the Fibonacci module's sequence family (Lucas sequences, residues
// for big moduli, Pisano periods of big moduli): `package` access, so the Fibonacci module reaches
// them without importing GMP, and they stay out of BigNum's public API.

extension BigInt {
    /// `self` modulo `modulus`, in `0 ..< |modulus|` whatever the signs (`mpz_mod`), where `%`
    /// keeps the sign of `self` as for `Int`.
    ///
    /// Traps when `modulus` is zero.
    ///
    /// - Complexity: O(M(n)) for balanced operands.
    @inlinable
    package func reduced(modulo modulus: BigInt) -> BigInt {
        BigInt.checkDivisor(modulus)
        return BigInt.apply(__gmpz_mod, self, modulus)
    }

    /// Bit `index` of the two's-complement form (`mpz_tstbit`): for a non-negative value, bit `index`
    /// of its binary digits. `index` must not be negative.
    ///
    /// - Complexity: O(1).
    @inlinable
    package func bit(at index: Int) -> Bool {
        precondition(index >= 0, "BigInt.bit(at:): negative bit index \(index)")
        return withUnsafeMPZ { __gmpz_tstbit($0, UInt(index)) } != 0
    }

    /// Whether `self` is prime, by GMP's `mpz_probab_prime_p`: a few trial divisions, a Baillie-PSW
    /// test and `rounds - 24` Miller-Rabin rounds. "Definitely" for values below 2^64; above, a
    /// composite passes with probability below 4^-rounds (none is known to pass Baillie-PSW).
    ///
    /// - Complexity: O(M(n) n) per round: a modular power with an n-bit exponent.
    @inlinable
    package func isProbablePrime(rounds: Int = 32) -> Bool {
        if isNegative { return false }
        return withUnsafeMPZ { __gmpz_probab_prime_p($0, Int32(rounds)) } != 0
    }

    /// A non-negative value from its 64-bit limbs, least significant first (`mpz_import`).
    ///
    /// - Complexity: O(n).
    package init(limbs: UnsafeBufferPointer<UInt64>) {
        self.init { result in
            // order -1: least significant word first; endian 0: native.
            __gmpz_import(result, limbs.count, -1, MemoryLayout<UInt64>.stride, 0, 0, limbs.baseAddress)
        }
    }

    /// The limbs of |self|, least significant first, as many as it has (none for zero).
    ///
    /// - Complexity: O(n).
    package var magnitudeLimbs: [UInt64] {
        withUnsafeMPZ { mpz in
            let count = cgmp_mpz_limb_count(mpz)
            guard count > 0 else { return [] }
            // mp_limb_t is 64 bits wide on the platforms this package supports (limbBitWidth).
            let limbs = UnsafeRawPointer(mpz.pointee._mp_d).assumingMemoryBound(to: UInt64.self)
            return Array(UnsafeBufferPointer(start: limbs, count: count))
        }
    }

    /// ⌊self / 2^count⌋ written straight into a new value (`mpz_fdiv_q_2exp`): one pass over the bits
    /// kept, where `>>` first copies the whole value when it is shared. `count` must not be negative.
    ///
    /// - Complexity: O(n - count/64).
    @inlinable
    package func shiftedDown(by count: Int) -> BigInt {
        precondition(count >= 0, "BigInt.shiftedDown(by:): negative count \(count)")
        return BigInt { result in withUnsafeMPZ { __gmpz_fdiv_q_2exp(result, $0, UInt(count)) } }
    }

    /// self mod 2^count, for self >= 0: its lowest `count` bits, written into a new value
    /// (`mpz_fdiv_r_2exp`). `count` must not be negative.
    ///
    /// - Complexity: O(count/64).
    @inlinable
    package func lowBits(_ count: Int) -> BigInt {
        precondition(count >= 0, "BigInt.lowBits: negative count \(count)")
        return BigInt { result in withUnsafeMPZ { __gmpz_fdiv_r_2exp(result, $0, UInt(count)) } }
    }
}
