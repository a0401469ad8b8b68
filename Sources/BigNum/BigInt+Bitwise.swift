import CGMP

// Bitwise operations act on the infinite two's-complement form, as for Int: GMP's mpz_and, mpz_ior,
// mpz_xor and mpz_com are defined that way for negative operands.

extension BigInt {
    /// - Complexity: O(n).
    @inlinable
    public static func & (lhs: BigInt, rhs: BigInt) -> BigInt { apply(__gmpz_and, lhs, rhs) }

    /// - Complexity: O(n).
    @inlinable
    public static func &= (lhs: inout BigInt, rhs: BigInt) { applyInPlace(__gmpz_and, &lhs, rhs) }

    /// - Complexity: O(n).
    @inlinable
    public static func | (lhs: BigInt, rhs: BigInt) -> BigInt { apply(__gmpz_ior, lhs, rhs) }

    /// - Complexity: O(n).
    @inlinable
    public static func |= (lhs: inout BigInt, rhs: BigInt) { applyInPlace(__gmpz_ior, &lhs, rhs) }

    /// - Complexity: O(n).
    @inlinable
    public static func ^ (lhs: BigInt, rhs: BigInt) -> BigInt { apply(__gmpz_xor, lhs, rhs) }

    /// - Complexity: O(n).
    @inlinable
    public static func ^= (lhs: inout BigInt, rhs: BigInt) { applyInPlace(__gmpz_xor, &lhs, rhs) }

    /// The bitwise complement, `-self - 1`.
    ///
    /// - Complexity: O(n).
    @inlinable
    public static prefix func ~ (operand: BigInt) -> BigInt {
        BigInt { result in operand.withUnsafeMPZ { __gmpz_com(result, $0) } }
    }
}

// MARK: - Shifts

extension BigInt {
    /// `self` shifted left by `count` bits (right when `count` is negative): `self * 2^count`.
    ///
    /// Traps when the result would exceed ``maximumBitWidth``.
    ///
    /// - Complexity: O(n + count / 64).
    @inlinable
    public static func << (lhs: BigInt, rhs: Int) -> BigInt {
        var result = lhs
        result.shiftLeft(by: rhs)
        return result
    }

    /// `self` shifted right by `count` bits (left when `count` is negative), rounding toward negative
    /// infinity as `Int` does: `-5 >> 1 == -3`.
    ///
    /// - Complexity: O(n).
    @inlinable
    public static func >> (lhs: BigInt, rhs: Int) -> BigInt {
        lhs.shiftedRight(by: rhs)
    }

    /// ⌊self / 2^count⌋ written straight into a new value (`mpz_fdiv_q_2exp`): one pass over the bits
    /// kept, with no copy of the whole value first; a negative count shifts left.
    @usableFromInline
    internal func shiftedRight(by count: Int) -> BigInt {
        guard count >= 0 else {
            var result = self
            result.shiftRight(by: count)
            return result
        }
        return BigInt { result in withUnsafeMPZ { __gmpz_fdiv_q_2exp(result, $0, UInt(count)) } }
    }

    @inlinable
    public static func <<= <RHS: BinaryInteger>(lhs: inout BigInt, rhs: RHS) {
        if let count = Int(exactly: rhs) {
            lhs.shiftLeft(by: count)
        } else {
            // Beyond Int: a left shift cannot fit (unless of zero); a right shift leaves only the sign.
            lhs.shiftLeft(by: rhs < 0 ? Int.min : Int.max)
        }
    }

    @inlinable
    public static func >>= <RHS: BinaryInteger>(lhs: inout BigInt, rhs: RHS) {
        if let count = Int(exactly: rhs) {
            lhs.shiftRight(by: count)
        } else {
            lhs.shiftRight(by: rhs < 0 ? Int.min : Int.max)
        }
    }

    @inlinable
    internal mutating func shiftLeft(by count: Int) {
        guard count >= 0 else {
            // -Int.min overflows; any shift of 2^63 bits clears every bit GMP can hold anyway.
            shiftRight(by: count == .min ? .max : -count)
            return
        }
        if count == 0 || isZero { return }
        BigInt.checkResultSize(BigInt.addBits(magnitudeBitWidth, count), "left shift")
        withUnsafeMutableMPZ { __gmpz_mul_2exp($0, $0, UInt(count)) }
    }

    @inlinable
    internal mutating func shiftRight(by count: Int) {
        guard count >= 0 else {
            shiftLeft(by: count == .min ? .max : -count)
            return
        }
        if count == 0 || isZero { return }
        // Floor division by 2^count: rounds toward negative infinity, as Int's >> does.
        withUnsafeMutableMPZ { __gmpz_fdiv_q_2exp($0, $0, UInt(count)) }
    }
}

// MARK: - Two's-complement view

extension BigInt {
    /// The minimal number of bits of the two's-complement form, sign bit included (as for
    /// `StaticBigInt`): 1 for 0 and -1, 2 for 1 and -2, 9 for 255.
    ///
    /// - Complexity: O(1) for non-negative values, O(n) at worst for negative ones.
    @inlinable
    public var bitWidth: Int {
        let bits = magnitudeBitWidth
        guard isNegative else { return bits + 1 }
        // -2^k needs k + 1 bits; any other negative -m needs bits(m) + 1.
        return isMagnitudePowerOfTwo ? bits : bits + 1
    }

    /// The number of zero bits below the lowest one bit; for zero, ``bitWidth`` (as for `Int`).
    ///
    /// - Complexity: O(n) at worst.
    @inlinable
    public var trailingZeroBitCount: Int {
        if isZero { return bitWidth }
        return withUnsafeMPZ { Int(__gmpz_scan1($0, 0)) }
    }

    /// Whether |self| is 2^k for some k.
    @inlinable
    internal var isMagnitudePowerOfTwo: Bool {
        !isZero && trailingZeroBitCount == magnitudeBitWidth - 1
    }

    /// The words of the two's-complement form, least significant first, as for `Int`: enough words to
    /// hold ``bitWidth`` bits, so the top bit of the last word is the sign.
    ///
    /// - Complexity: O(1) to create; O(1) per element.
    @inlinable
    public var words: Words { Words(self) }

    /// The words of a `BigInt`'s two's-complement form, least significant first.
    public struct Words: RandomAccessCollection, Sendable {
        @usableFromInline let value: BigInt
        /// For a negative value: the index of the lowest non-zero limb of the magnitude. The
        /// two's complement of the magnitude is 0 below it, its negation at it, its complement above.
        @usableFromInline let lowestNonzeroLimb: Int
        @usableFromInline let limbCount: Int
        public let count: Int

        @inlinable
        init(_ value: BigInt) {
            self.value = value
            self.limbCount = value.limbCount
            self.count = (value.bitWidth + UInt.bitWidth - 1) / UInt.bitWidth
            self.lowestNonzeroLimb = value.isNegative ? value.trailingZeroBitCount / UInt.bitWidth : 0
        }

        @inlinable public var startIndex: Int { 0 }
        @inlinable public var endIndex: Int { count }

        @inlinable
        public subscript(position: Int) -> UInt {
            precondition(position >= 0 && position < count, "BigInt.Words index out of range")
            let limb: UInt = position < limbCount
                ? value.withUnsafeMPZ { UInt($0.pointee._mp_d[position]) } : 0
            guard value.isNegative else { return limb }
            if position < lowestNonzeroLimb { return 0 }
            return position == lowestNonzeroLimb ? 0 &- limb : ~limb
        }
    }
}
