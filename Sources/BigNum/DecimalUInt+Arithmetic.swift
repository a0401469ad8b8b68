// Sums, differences and products of DecimalUInt values.

extension DecimalUInt: AdditiveArithmetic {
    public static var zero: DecimalUInt { DecimalUInt() }

    /// - Complexity: O(n).
    public static func + (lhs: DecimalUInt, rhs: DecimalUInt) -> DecimalUInt {
        let result = DecimalStorage(capacity: Swift.max(lhs.storage.count, rhs.storage.count) + 1)
        result.setSum(lhs.storage, rhs.storage)
        return DecimalUInt(storage: result)
    }

    /// Adds in place when `lhs` is not shared.
    ///
    /// - Complexity: O(n).
    public static func += (lhs: inout DecimalUInt, rhs: DecimalUInt) {
        let capacity = Swift.max(lhs.storage.count, rhs.storage.count) + 1
        lhs.uniqueStorage(capacity: capacity).setSum(lhs.storage, rhs.storage)
    }

    /// Traps when `rhs` is larger than `lhs`, as `UInt` does.
    ///
    /// - Complexity: O(n).
    public static func - (lhs: DecimalUInt, rhs: DecimalUInt) -> DecimalUInt {
        precondition(lhs >= rhs, "DecimalUInt subtraction overflow: the result would be negative")
        let result = DecimalStorage(capacity: lhs.storage.count)
        result.setDifference(lhs.storage, rhs.storage)
        return DecimalUInt(storage: result)
    }

    /// Subtracts in place when `lhs` is not shared. Traps when `rhs` is larger than `lhs`.
    ///
    /// - Complexity: O(n).
    public static func -= (lhs: inout DecimalUInt, rhs: DecimalUInt) {
        precondition(lhs >= rhs, "DecimalUInt subtraction overflow: the result would be negative")
        lhs.uniqueStorage().setDifference(lhs.storage, rhs.storage)
    }
}

extension DecimalUInt {
    /// The product: the schoolbook below 24 limbs, number-theoretic transforms from 160 (where the
    /// processor has the vector units), Kronecker substitution over GMP's multiplication between and
    /// otherwise.
    ///
    /// - Complexity: O(M(n)): O(n log n) by the transforms.
    public static func * (lhs: DecimalUInt, rhs: DecimalUInt) -> DecimalUInt {
        if lhs.storage === rhs.storage { return lhs.squared() }
        let result = DecimalStorage(capacity: lhs.storage.count + rhs.storage.count)
        result.setProduct(lhs.storage, rhs.storage, using: DecimalProductWorkspace())
        return DecimalUInt(storage: result)
    }

    public static func *= (lhs: inout DecimalUInt, rhs: DecimalUInt) {
        lhs = lhs * rhs
    }

    /// `self * self`, by a squaring (one operand to pack and transform).
    ///
    /// - Complexity: O(M(n)).
    public func squared() -> DecimalUInt {
        let result = DecimalStorage(capacity: 2 * storage.count)
        result.setSquare(of: storage, using: DecimalProductWorkspace())
        return DecimalUInt(storage: result)
    }

    /// `self * multiplier` for a machine word, in one linear pass.
    ///
    /// - Complexity: O(n).
    public func multiplied(by multiplier: UInt64) -> DecimalUInt {
        guard multiplier < 1 << 62 else { return self * DecimalUInt(multiplier) }
        let result = DecimalStorage(capacity: storage.count + 1)
        result.setMultiple(storage, multiplier)
        return DecimalUInt(storage: result)
    }
}
