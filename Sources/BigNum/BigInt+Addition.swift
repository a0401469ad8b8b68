import CGMP

// AdditiveArithmetic and SignedNumeric: sums, differences, negation and magnitude.

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
