import CGMP
#if canImport(Glibc)
import Glibc  // log2
#elseif canImport(Darwin)
import Darwin
#endif

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
        self.init(text, radix: radix, threads: 1)
    }

    /// Parses as ``init(_:radix:)``, on up to `threads` threads: from ``parallelParsingDigitThreshold``
    /// digits (in a radix that is not a power of two) the digits are split in two halves, parsed at
    /// once, and joined as high · radix^k + low.
    ///
    /// Traps when `radix` is not in `2...36` or `threads` is below 1.
    ///
    /// - Complexity: O(n log² n) for n digits, about 0.6 of it in wall time on two threads.
    public init?(_ text: some StringProtocol, radix: Int = 10, threads: Int) {
        precondition((2...36).contains(radix), "Radix must be between 2 and 36, not \(radix)")
        precondition(threads >= 1, "threads must be at least 1, not \(threads)")
        var utf8 = Substring(text).utf8
        let isNegative = utf8.first == UInt8(ascii: "-")
        if isNegative || utf8.first == UInt8(ascii: "+") {
            utf8 = utf8.dropFirst()
        }
        guard !utf8.isEmpty else { return nil }
        // A digit of radix r carries at most log2(r) ≤ 6 bits.
        BigInt.checkResultSize(BigInt.multiplyBits(utf8.count, 6), "parse")

        // Copied once (a memory copy for a native string), then checked and turned into digit values
        // in one tight pass: what mpn_set_str takes, and what mpz_set_str would make in a copy of its own.
        var values = ContiguousArray<UInt8>()
        values.reserveCapacity(utf8.count)
        if utf8.withContiguousStorageIfAvailable({ values.append(contentsOf: $0) }) == nil {
            values.append(contentsOf: utf8)
        }
        let isValid = values.withUnsafeMutableBufferPointer { bytes in
            var isValid = true
            if radix <= 10 {
                // The largest value seen, not a branch per byte: the loop vectorizes.
                var largest: UInt8 = 0
                for index in bytes.indices {
                    let value = bytes[index] &- UInt8(ascii: "0")
                    largest = Swift.max(largest, value)
                    bytes[index] = value
                }
                isValid = largest < UInt8(radix)
            } else {
                for index in bytes.indices {
                    let value = BigInt.digitValue(bytes[index])
                    isValid = isValid && value < radix
                    bytes[index] = UInt8(truncatingIfNeeded: value)
                }
            }
            return isValid
        }
        guard isValid else { return nil }
        let isPowerOfTwo = radix & (radix - 1) == 0
        var parsed = values.withUnsafeBufferPointer { values in
            threads > 1 && values.count >= BigInt.parallelParsingDigitThreshold && !isPowerOfTwo
                ? BigInt.parseInHalves(values, radix: radix)
                : BigInt.parse(values, radix: radix)
        }
        if isNegative { parsed.negate() }
        self = parsed
    }

    /// Digits from which ``init(_:radix:threads:)`` parses on two threads (measured crossover with
    /// `fib-bench --suites parsing`).
    public static let parallelParsingDigitThreshold = 50_000

    /// The value of digit values (each below `radix`, most significant first) by GMP's subquadratic
    /// `mpn_set_str`.
    internal static func parse(_ values: UnsafeBufferPointer<UInt8>, radix: Int) -> BigInt {
        var parsed = BigInt()
        parsed.withUnsafeMutableMPZ { mpz in
            // Room for radix^count - 1, plus the extra limb mpn_set_str asks for (and one for the
            // rounding of log2).
            let limbs = Int(Double(values.count) * log2(Double(radix)) / Double(UInt.bitWidth)) + 3
            let written = __gmpn_set_str(__gmpz_limbs_write(mpz, limbs), values.baseAddress, values.count, Int32(radix))
            __gmpz_limbs_finish(mpz, written)  // drops high zero limbs (leading zero digits)
        }
        return parsed
    }

    /// high · radix^k + low for n digit values, k = n/2 low ones: the high half on one thread, radix^k
    /// and the low half on the other (together about as long as the high half: the power costs a few
    /// products of k digits, parsing O(log k) of them).
    private static func parseInHalves(_ values: UnsafeBufferPointer<UInt8>, radix: Int) -> BigInt {
        let lowCount = values.count / 2
        let split = values.count - lowCount
        var high = BigInt(), low = BigInt(), power = BigInt()
        runConcurrently({ high = parse(UnsafeBufferPointer(rebasing: values[..<split]), radix: radix) },
                        { power = BigInt(radix).power(lowCount)
                          low = parse(UnsafeBufferPointer(rebasing: values[split...]), radix: radix) })
        high *= power
        high += low
        return high
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
    /// - Complexity: O(n log² n), on the calling thread: GMP's subquadratic conversion, or from 10^5
    ///   digits decimal products (where the processor runs BigNum's decimal transforms) or the scaled
    ///   remainder tree (multiplications only, the first by a cached reciprocal of a power of ten).
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
