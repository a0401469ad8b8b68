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


    /// ⌊self / 2^count⌋ (`>>`, which writes into a new value) for a count that must not be negative.
    package func shiftedDown(by count: Int) -> BigInt {
        precondition(count >= 0, "BigInt.shiftedDown(by:): negative count \(count)")
        return self >> count
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

// MARK: - Products modulo B^n - 1

extension BigInt {
    /// A size n >= `limbs` at which products modulo B^n - 1 (B = 2^64) are fast: GMP's
    /// `mpn_mulmod_bnm1_next_size`, or `limbs` itself where this GMP lacks the wrapped product.
    ///
    /// - Complexity: O(1).
    package static func wrappedProductSize(atLeast limbs: Int) -> Int {
        precondition(limbs >= 1, "BigInt.wrappedProductSize: \(limbs) limbs")
        guard let wrapped = GMPInternals.wrappedProduct else { return limbs }
        return wrapped.size(limbs)
    }

    /// self mod (B^n - 1), in 0 ..< B^n - 1, for self >= 0: its n-limb pieces added up (B^n ≡ 1).
    ///
    /// - Complexity: O(size of self).
    package func wrapped(limbs n: Int) -> BigInt {
        precondition(!isNegative && n >= 1, "BigInt.wrapped(limbs:): negative value or \(n) limbs")
        let bits = 64 * n
        var sum = self
        while sum.magnitudeBitWidth > bits {
            // Invariant: sum ≡ self (mod B^n - 1), and sum >= 0.
            var folded = sum.lowBits(bits)
            var piece = sum.shiftedDown(by: bits)
            while !piece.isZero {
                folded += piece.lowBits(bits)
                piece = piece.shiftedDown(by: bits)
            }
            sum = folded
        }
        // sum < B^n now: only B^n - 1 itself is not yet reduced.
        return sum.magnitudeBitWidth == bits && sum + 1 == BigInt(1) << bits ? 0 : sum
    }

    /// self · other mod (B^n - 1), in 0 ..< B^n - 1, for self, other >= 0: the product of the
    /// operands reduced first (``wrapped(limbs:)``), by GMP's `mpn_mulmod_bnm1`, which takes the
    /// wrap-around into its transforms. n must come from ``wrappedProductSize(atLeast:)``.
    ///
    /// - Complexity: about 0.45 M(n) against M(n) for a whole product of two n-limb numbers; where
    ///   GMP lacks the wrapped product, the whole product (`mpz_mul`) and a fold.
    package func wrappedProduct(_ other: BigInt, limbs n: Int) -> BigInt {
        let (a, b) = (wrapped(limbs: n), other.wrapped(limbs: n))
        let (aLimbs, bLimbs) = (a.limbCount, b.limbCount)
        // mpn_mulmod_bnm1 wants a longer operand first and a product of more than n/2 limbs; a
        // shorter product does not wrap at all.
        guard let product = GMPInternals.wrappedProduct, aLimbs > 0, bLimbs > 0, aLimbs + bLimbs > n / 2 + 1 else {
            return (a * b).wrapped(limbs: n)
        }
        let (long, short) = aLimbs >= bLimbs ? (a, b) : (b, a)
        let (longLimbs, shortLimbs) = (Swift.max(aLimbs, bLimbs), Swift.min(aLimbs, bLimbs))
        let resultLimbs = Swift.min(n, longLimbs + shortLimbs)
        let scratchLimbs = GMPInternals.wrappedProductScratch(size: n)
        let scratch = LimbMemory.allocate(scratchLimbs, as: UInt.self)
        defer { LimbMemory.free(scratch, count: scratchLimbs) }
        let result = BigInt { result in
            long.withUnsafeMPZ { long in
                short.withUnsafeMPZ { short in
                    let limbs = __gmpz_limbs_write(result, Swift.max(n, longLimbs + shortLimbs))
                    product.product(limbs, n, __gmpz_limbs_read(long), longLimbs, __gmpz_limbs_read(short), shortLimbs, scratch)
                    __gmpz_limbs_finish(result, resultLimbs)
                }
            }
        }
        // The result may be B^n - 1 itself, another form of zero.
        return result.wrapped(limbs: n)
    }
}
