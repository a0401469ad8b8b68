import CGMP

// MARK: - Building results directly in GMP

extension BigInt {
    /// A GMP function of the shape `f(result, a, b)`, such as `mpz_add`.
    @usableFromInline
    typealias BinaryMPZFunction = (
        UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>
    ) -> Void

    /// `f(a, b)` written into a new value's own storage.
    @inlinable
    internal static func apply(_ f: BinaryMPZFunction, _ a: BigInt, _ b: BigInt) -> BigInt {
        BigInt { result in
            a.withUnsafeMPZ { a in b.withUnsafeMPZ { b in f(result, a, b) } }
        }
    }

    /// `a = f(a, b)`, in place when `a`'s storage is not shared.
    @inlinable
    internal static func applyInPlace(_ f: BinaryMPZFunction, _ a: inout BigInt, _ b: BigInt) {
        b.withUnsafeMPZ { b in
            a.withUnsafeMutableMPZ { a in f(a, a, b) }
        }
    }

    /// An upper bound on the bits of `a ± b`.
    @inlinable
    internal static func sumBits(_ a: BigInt, _ b: BigInt) -> Int {
        Swift.max(a.magnitudeBitWidth, b.magnitudeBitWidth) + 1
    }

    /// An upper bound on the bits of `a × b`.
    @inlinable
    internal static func productBits(_ a: BigInt, _ b: BigInt) -> Int {
        a.magnitudeBitWidth + b.magnitudeBitWidth
    }
}

// MARK: - AdditiveArithmetic, Numeric, SignedNumeric

extension BigInt: SignedNumeric {
    /// Zero.
    public static var zero: BigInt { BigInt() }

    /// - Complexity: O(n).
    @inlinable
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        checkResultSize(sumBits(lhs, rhs), "addition")
        return apply(__gmpz_add, lhs, rhs)
    }

    /// Adds in place when `lhs` is not shared.
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func += (lhs: inout BigInt, rhs: BigInt) {
        checkResultSize(sumBits(lhs, rhs), "addition")
        applyInPlace(__gmpz_add, &lhs, rhs)
    }

    /// - Complexity: O(n).
    @inlinable
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        checkResultSize(sumBits(lhs, rhs), "subtraction")
        return apply(__gmpz_sub, lhs, rhs)
    }

    /// Subtracts in place when `lhs` is not shared.
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func -= (lhs: inout BigInt, rhs: BigInt) {
        checkResultSize(sumBits(lhs, rhs), "subtraction")
        applyInPlace(__gmpz_sub, &lhs, rhs)
    }

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

    /// The absolute value. `BigInt` is its own magnitude type: every magnitude fits.
    ///
    /// - Complexity: O(n) (a copy), O(1) when the value is not negative.
    @inlinable
    public var magnitude: BigInt {
        isNegative ? -self : self
    }

    /// - Complexity: O(n).
    @inlinable
    public static prefix func - (operand: BigInt) -> BigInt {
        BigInt { result in operand.withUnsafeMPZ { __gmpz_neg(result, $0) } }
    }

    /// Negates in place: O(1) when the value is not shared (only the sign changes).
    @inlinable
    public mutating func negate() {
        withUnsafeMutableMPZ { __gmpz_neg($0, $0) }
    }
}

// MARK: - Division (truncating toward zero, as Int does)

extension BigInt {
    /// The quotient truncated toward zero, as for `Int`: `-7 / 2 == -3`.
    ///
    /// Traps when `rhs` is zero.
    ///
    /// - Complexity: O(M(n)) for balanced operands.
    @inlinable
    public static func / (lhs: BigInt, rhs: BigInt) -> BigInt {
        checkDivisor(rhs)
        return apply(__gmpz_tdiv_q, lhs, rhs)
    }

    /// Divides in place, truncating toward zero. Traps when `rhs` is zero.
    @inlinable
    public static func /= (lhs: inout BigInt, rhs: BigInt) {
        checkDivisor(rhs)
        applyInPlace(__gmpz_tdiv_q, &lhs, rhs)
    }

    /// The remainder of truncating division: it has the sign of `lhs`, as for `Int`: `-7 % 2 == -1`.
    ///
    /// Traps when `rhs` is zero.
    ///
    /// - Complexity: O(M(n)) for balanced operands.
    @inlinable
    public static func % (lhs: BigInt, rhs: BigInt) -> BigInt {
        checkDivisor(rhs)
        return apply(__gmpz_tdiv_r, lhs, rhs)
    }

    /// Replaces `lhs` by the remainder of truncating division. Traps when `rhs` is zero.
    @inlinable
    public static func %= (lhs: inout BigInt, rhs: BigInt) {
        checkDivisor(rhs)
        applyInPlace(__gmpz_tdiv_r, &lhs, rhs)
    }

    /// Quotient and remainder in one GMP call: `quotient * rhs + remainder == self`, with
    /// `|remainder| < |rhs|` and `remainder` of the sign of `self`.
    ///
    /// - Complexity: O(M(n)) for balanced operands.
    @inlinable
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        BigInt.checkDivisor(divisor)
        var remainder = BigInt()
        let quotient = BigInt { quotient in
            remainder.withUnsafeMutableMPZ { remainder in
                withUnsafeMPZ { dividend in
                    divisor.withUnsafeMPZ { divisor in __gmpz_tdiv_qr(quotient, remainder, dividend, divisor) }
                }
            }
        }
        return (quotient, remainder)
    }

    /// Whether `self` is a multiple of `other`; as for `Int`, only zero is a multiple of zero.
    ///
    /// - Complexity: O(M(n)).
    @inlinable
    public func isMultiple(of other: BigInt) -> Bool {
        withUnsafeMPZ { value in other.withUnsafeMPZ { other in __gmpz_divisible_p(value, other) != 0 } }
    }

    /// -1, 0 or 1.
    ///
    /// - Complexity: O(1).
    @inlinable
    public func signum() -> BigInt {
        BigInt(sign)
    }
}

// MARK: - Arithmetic beyond the protocols

extension BigInt {
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

    /// The integer square root: the largest `r` with `r * r <= self` (`mpz_sqrt`).
    ///
    /// Traps when `self` is negative.
    ///
    /// - Complexity: O(M(n)).
    @inlinable
    public func squareRoot() -> BigInt {
        precondition(!isNegative, "BigInt.squareRoot of a negative value")
        return BigInt { result in withUnsafeMPZ { __gmpz_sqrt(result, $0) } }
    }

    /// The greatest common divisor, never negative; `gcd(0, 0) == 0`.
    ///
    /// - Complexity: O(M(n) log n) (GMP's subquadratic half-gcd for large operands).
    @inlinable
    public func greatestCommonDivisor(with other: BigInt) -> BigInt {
        BigInt.apply(__gmpz_gcd, self, other)
    }

    /// The least common multiple, never negative; zero when either operand is zero.
    ///
    /// - Complexity: O(M(n) log n).
    @inlinable
    public func leastCommonMultiple(with other: BigInt) -> BigInt {
        BigInt.checkResultSize(BigInt.productBits(self, other), "lcm")
        return BigInt.apply(__gmpz_lcm, self, other)
    }

    /// `self` to the power `exponent`, modulo `modulus` (`mpz_powm`), in `0 ..< |modulus|`.
    ///
    /// A negative exponent uses the modular inverse of `self`. Traps when `modulus` is zero, or when the
    /// exponent is negative and `self` has no inverse modulo `modulus`.
    ///
    /// - Complexity: O(M(m)·log e) for a modulus of m bits.
    @inlinable
    public func power(_ exponent: BigInt, modulo modulus: BigInt) -> BigInt {
        precondition(!modulus.isZero, "BigInt.power(_:modulo:): modulus is zero")
        if exponent.isNegative {
            precondition(
                inverse(modulo: modulus) != nil,
                "BigInt.power(_:modulo:): negative exponent, but \(self) has no inverse modulo \(modulus)")
        }
        return BigInt { result in
            withUnsafeMPZ { base in
                exponent.withUnsafeMPZ { exponent in
                    modulus.withUnsafeMPZ { modulus in __gmpz_powm(result, base, exponent, modulus) }
                }
            }
        }
    }

    /// The inverse of `self` modulo `modulus`, in `0 ..< |modulus|`, or `nil` when none exists.
    ///
    /// Traps when `modulus` is zero.
    ///
    /// - Complexity: O(M(n) log n).
    @inlinable
    public func inverse(modulo modulus: BigInt) -> BigInt? {
        precondition(!modulus.isZero, "BigInt.inverse(modulo:): modulus is zero")
        var exists = false
        let inverse = BigInt { result in
            withUnsafeMPZ { value in
                modulus.withUnsafeMPZ { modulus in exists = __gmpz_invert(result, value, modulus) != 0 }
            }
        }
        return exists ? inverse : nil
    }
}

/// The greatest common divisor of `a` and `b`, never negative; `gcd(0, 0) == 0`.
@inlinable
public func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { a.greatestCommonDivisor(with: b) }

/// The least common multiple of `a` and `b`, never negative.
@inlinable
public func lcm(_ a: BigInt, _ b: BigInt) -> BigInt { a.leastCommonMultiple(with: b) }
