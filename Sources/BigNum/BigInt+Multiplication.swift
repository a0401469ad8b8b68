import CGMP

// Products, squares and powers.

extension BigInt {
    /// - Complexity: O(M(n)), GMP's multiplication: schoolbook, Toom-Cook or FFT by size.
    @inlinable
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        checkResultSize(productBits(lhs, rhs), "multiplication")
        return apply(__gmpz_mul, lhs, rhs)
    }

    /// Multiplies in place when `lhs` is not shared.
    ///
    /// - Complexity: O(M(n)).
    @inlinable
    public static func *= (lhs: inout BigInt, rhs: BigInt) {
        checkResultSize(productBits(lhs, rhs), "multiplication")
        applyInPlace(__gmpz_mul, &lhs, rhs)
    }

    /// `self` raised to the power `exponent` (`mpz_pow_ui`); `x.power(0) == 1`, including for zero.
    ///
    /// Traps when `exponent` is negative or the result would exceed ``maximumBitWidth``.
    ///
    /// - Complexity: O(M(n·e)): a few squarings of the growing result.
    @inlinable
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "BigInt.power: negative exponent \(exponent)")
        // |self| ≤ 1 never grows; otherwise |self|^e < 2^(bits·e).
        if magnitudeBitWidth > 1 {
            BigInt.checkResultSize(BigInt.multiplyBits(magnitudeBitWidth, exponent), "power")
        }
        return BigInt { result in withUnsafeMPZ { __gmpz_pow_ui(result, $0, UInt(exponent)) } }
    }

    /// `self * self`, by GMP's squaring (faster than a general product).
    ///
    /// - Complexity: O(M(n)), about 2/3 of a multiplication of the same size.
    @inlinable
    public func squared() -> BigInt {
        BigInt.checkResultSize(2 * magnitudeBitWidth, "squaring")
        return BigInt { result in withUnsafeMPZ { __gmpz_mul(result, $0, $0) } }
    }
}
