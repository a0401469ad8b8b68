import CGMP

// MARK: - Parsing

extension BigInt: LosslessStringConvertible {
    /// Parses an optional sign (`+` or `-`) followed by one or more decimal digits, nothing else.
    ///
    /// - Complexity: O(n log² n) for n digits (GMP's subquadratic conversion).
    @inlinable
    public init?(_ description: String) {
        self.init(description, radix: 10)
    }

    /// Parses an optional sign (`+` or `-`) followed by one or more ASCII digits of `radix` (letters in
    /// either case stand for 10...35), nothing else. Returns `nil` for anything else, including white
    /// space, underscores, prefixes such as `0x`, and non-ASCII digits, unlike GMP's `mpz_set_str`,
    /// which skips white space.
    ///
    /// Traps when `radix` is not in `2...36`, as `Int(_:radix:)` does.
    ///
    /// - Complexity: O(n log² n) for n digits; O(n) for a power-of-two radix.
    public init?(_ text: some StringProtocol, radix: Int = 10) {
        precondition((2...36).contains(radix), "Radix must be between 2 and 36, not \(radix)")
        var utf8 = Substring(text).utf8
        let isNegative = utf8.first == UInt8(ascii: "-")
        if isNegative || utf8.first == UInt8(ascii: "+") {
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty, utf8.allSatisfy({ BigInt.digitValue($0) < radix }) else { return nil }
        // A digit of radix r carries at most log2(r) ≤ 6 bits.
        BigInt.checkResultSize(BigInt.multiplyBits(utf8.count, 6), "parse")

        // mpz_set_str wants a NUL-terminated C string; the digits were checked above, so it succeeds.
        var digits = ContiguousArray(utf8)
        digits.append(0)
        var parsed = BigInt()
        let result = parsed.withUnsafeMutableMPZ { mpz in
            digits.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { __gmpz_set_str(mpz, $0.baseAddress, Int32(radix)) }
            }
        }
        guard result == 0 else { return nil }
        if isNegative { parsed.negate() }
        self = parsed
    }

    /// The value of an ASCII digit or letter (either case), or 36 for anything else.
    @inlinable
    internal static func digitValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 10
        default: 36
        }
    }
}

// MARK: - Formatting

extension BigInt: CustomStringConvertible, CustomDebugStringConvertible {
    /// The decimal digits, with a leading `-` when negative.
    ///
    /// - Complexity: O(n log² n), on the calling thread: GMP's subquadratic conversion, or from
    ///   ``decimalTreeDigitThreshold`` digits on the scaled remainder tree (multiplications only
    ///   below one division at the top).
    public var description: String {
        String(self)
    }

    /// The decimal digits, abbreviated in the middle beyond 100 digits (with the digit count), so that a
    /// huge value stays readable in a debugger or a test failure.
    ///
    /// - Complexity: O(n log² n).
    public var debugDescription: String {
        let text = description
        let digitCount = text.utf8.count - (isNegative ? 1 : 0)
        guard digitCount > 100 else { return text }
        return "\(text.prefix(40 + (isNegative ? 1 : 0)))…\(text.suffix(40)) (\(digitCount) digits)"
    }

    /// The exact number of decimal digits of |self|; 1 for zero.
    ///
    /// - Complexity: O(1) up to 64 bits; otherwise one power of ten and one comparison, O(M(n)),
    ///   well below the cost of converting to decimal.
    public var decimalDigitCount: Int {
        if magnitudeBitWidth <= UInt64.bitWidth {
            var magnitude = withUnsafeMPZ { UInt64(__gmpz_get_ui($0)) }
            var count = 1
            while magnitude >= 10 {
                magnitude /= 10
                count += 1
            }
            return count
        }
        // mpz_sizeinbase(10) is exact or one too large; |self| < 10^(estimate - 1) tells which.
        let estimate = withUnsafeMPZ { Int(__gmpz_sizeinbase($0, 10)) }
        let lowerBound = BigInt { __gmpz_ui_pow_ui($0, 10, UInt(estimate - 1)) }
        let isBelow = withUnsafeMPZ { value in lowerBound.withUnsafeMPZ { __gmpz_cmpabs(value, $0) < 0 } }
        return isBelow ? estimate - 1 : estimate
    }
}

extension String {
    /// The digits of `value` in `radix` (2...36), with a leading `-` when negative; letters are
    /// lowercase unless `uppercase` is true. Written straight into the string's storage, on the
    /// calling thread, by GMP or (radix 10, from ``BigInt/decimalTreeDigitThreshold`` digits on) by
    /// the scaled remainder tree.
    ///
    /// Traps when `radix` is not in `2...36`.
    ///
    /// - Complexity: O(n log² n); O(n) for a power-of-two radix.
    public init(_ value: BigInt, radix: Int = 10, uppercase: Bool = false) {
        self.init(value, radix: radix, uppercase: uppercase, threads: 1)
    }
}
