import CGMP

// MARK: - From integers

extension BigInt: SignedInteger, ExpressibleByIntegerLiteral {
    public static var isSigned: Bool { true }

    /// Creates a value from a literal of any size: `let x: BigInt = 123456789012345678901234567890`.
    ///
    /// - Complexity: O(n).
    @inlinable
    public init(integerLiteral literal: StaticBigInt) {
        if literal.bitWidth <= Int.bitWidth {
            self.init(Int(bitPattern: literal[0]))
        } else {
            let count = (literal.bitWidth + UInt.bitWidth - 1) / UInt.bitWidth
            self.init(twosComplementWords: (0..<count).lazy.map { literal[$0] }, count: count)
        }
    }

    /// Creates a value equal to `value`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public init(_ value: Int) {
        self.init { __gmpz_set_si($0, value) }
    }

    /// Creates a value equal to `value`.
    ///
    /// - Complexity: O(1).
    @inlinable
    public init(_ value: UInt) {
        self.init { __gmpz_set_ui($0, value) }
    }

    /// Creates a value equal to `source`, for any integer type. Never fails and never traps.
    ///
    /// - Complexity: O(1) for fixed-width integers of up to 64 bits; O(n) otherwise.
    @inlinable
    public init<Source: BinaryInteger>(_ source: Source) {
        if let value = source as? BigInt {
            self = value
        } else if source.bitWidth <= Int.bitWidth {
            // The whole value is in its first word, sign-extended for signed types.
            self = Source.isSigned
                ? BigInt(Int(truncatingIfNeeded: source)) : BigInt(UInt(truncatingIfNeeded: source))
        } else {
            let words = source.words
            self.init(twosComplementWords: words, count: words.count, isSigned: Source.isSigned)
        }
    }

    /// Builds a value from two's-complement words, least significant first.
    @inlinable
    internal init<Words: Sequence<UInt>>(twosComplementWords words: Words, count: Int, isSigned: Bool = true) {
        var isNegative = false
        self.init { result in
            let limbs = Array(words)
            limbs.withUnsafeBufferPointer { buffer in
                // order -1: least significant word first; endian 0: native.
                __gmpz_import(result, count, -1, MemoryLayout<UInt>.stride, 0, 0, buffer.baseAddress)
            }
            isNegative = isSigned && (limbs.last ?? 0) >> (UInt.bitWidth - 1) == 1
        }
        if isNegative {
            // The words read as unsigned are value + 2^(64·count).
            self -= BigInt(1) << (count * UInt.bitWidth)
        }
    }

    /// Always succeeds: every integer fits.
    @inlinable
    public init?<Source: BinaryInteger>(exactly source: Source) {
        self.init(source)
    }

    /// The same as `init(_:)`: every integer fits, so nothing is truncated.
    @inlinable
    public init<Source: BinaryInteger>(truncatingIfNeeded source: Source) {
        self.init(source)
    }

    /// The same as `init(_:)`: every integer fits, so nothing is clamped.
    @inlinable
    public init<Source: BinaryInteger>(clamping source: Source) {
        self.init(source)
    }
}

// MARK: - Strideable

extension BigInt: Strideable {
    public typealias Stride = BigInt

    @inlinable
    public func distance(to other: BigInt) -> BigInt { other - self }

    @inlinable
    public func advanced(by n: BigInt) -> BigInt { self + n }
}

// MARK: - From and to floating point

extension BigInt {
    /// Creates a value from `source`, rounding toward zero: `BigInt(-2.7) == -2`, as for `Int`.
    ///
    /// Traps when `source` is NaN or infinite.
    ///
    /// - Complexity: O(n) in the size of the result.
    @inlinable
    public init<Source: BinaryFloatingPoint>(_ source: Source) {
        precondition(source.isFinite, "\(source) cannot be converted to BigInt: it is not finite")
        if let double = source as? Double {
            self.init { __gmpz_set_d($0, double) }  // mpz_set_d truncates toward zero
            return
        }
        let truncated = source.rounded(.towardZero)
        guard truncated != 0 else {
            self.init()
            return
        }
        // truncated = ±1.significand × 2^exponent, with significandBitCount fraction bits.
        let significand = BigInt(truncated.significandBitPattern) | (BigInt(1) << Source.significandBitCount)
        var magnitude = significand
        magnitude.shiftLeft(by: Int(truncated.exponent) - Source.significandBitCount)
        self = truncated < 0 ? -magnitude : magnitude
    }

    /// Creates a value equal to `source`, or `nil` when `source` has a fraction or is not finite.
    ///
    /// - Complexity: O(n) in the size of the result.
    @inlinable
    public init?<Source: BinaryFloatingPoint>(exactly source: Source) {
        guard source.isFinite, source.rounded(.towardZero) == source else { return nil }
        self.init(source)
    }
}

extension Double {
    /// The `Double` nearest to `value` (ties to even), or ±infinity when `value` is beyond
    /// `Double.greatestFiniteMagnitude`.
    ///
    /// - Complexity: O(1) for values up to 64 bits, O(n) otherwise (one shift and one bit scan).
    public init(_ value: BigInt) {
        let bits = value.magnitudeBitWidth
        if bits <= UInt64.bitWidth {
            let magnitude = value.withUnsafeMPZ { Double(__gmpz_get_ui($0)) }
            self = value.isNegative ? -magnitude : magnitude
            return
        }
        // Keep the top 64 bits and fold every lower bit into the lowest one ("sticky"): 64 bits hold
        // the 53 of a Double plus guard and round bits, so rounding the 64-bit value rounds exactly as
        // rounding the whole would.
        let dropped = bits - UInt64.bitWidth
        var top = (value.magnitude >> dropped).withUnsafeMPZ { UInt64(__gmpz_get_ui($0)) }
        if value.trailingZeroBitCount < dropped { top |= 1 }
        // Scaling by a power of two is exact, or overflows to infinity.
        self.init(sign: value.isNegative ? .minus : .plus, exponent: dropped, significand: Double(top))
    }
}
