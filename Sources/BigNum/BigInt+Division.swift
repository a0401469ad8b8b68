import CGMP

// Division truncating toward zero, as Int does.

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

    /// The remainder of truncating division by a machine word, with the sign of `self` as for `Int`
    /// (`-7 .remainder(dividingBy: 2) == -1`), computed without allocating (`mpz_tdiv_ui`).
    ///
    /// Traps when `divisor` is zero.
    ///
    /// - Complexity: O(n) for an n-limb value.
    @inlinable
    public func remainder(dividingBy divisor: Int) -> Int {
        precondition(divisor != 0, "Division by zero in remainder operation")
        // |remainder| < |divisor| <= 2^63, so it fits an Int once its sign is applied.
        let magnitude = Int(withUnsafeMPZ { __gmpz_tdiv_ui($0, divisor.magnitude) })
        return isNegative ? -magnitude : magnitude
    }

    /// Whether `self` is a multiple of a machine word, without allocating (`mpz_divisible_ui_p`); as
    /// for `Int`, only zero is a multiple of zero.
    ///
    /// - Complexity: O(n) for an n-limb value.
    @inlinable
    public func isMultiple(of divisor: Int) -> Bool {
        if divisor == 0 { return isZero }
        return withUnsafeMPZ { __gmpz_divisible_ui_p($0, divisor.magnitude) != 0 }
    }
}
