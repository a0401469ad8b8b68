import CGMP
import Testing
import TestSupport
@testable import BigNum

/// Parsing on one to four threads against GMP's own `mpz_set_str`, and round trips through printing.
@Suite struct ParallelParsingTests {
    /// GMP's parse of checked digits (it takes no "+"): the reference.
    func gmpValue(_ text: String, radix: Int) -> BigInt {
        var value = BigInt()
        let result = value.withUnsafeMutableMPZ { __gmpz_set_str($0, text.hasPrefix("+") ? String(text.dropFirst()) : text, Int32(radix)) }
        precondition(result == 0)
        return value
    }

    func expectEveryThreadCountParses(_ text: String, radix: Int = 10, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = gmpValue(text, radix: radix)
        for threads in 1...4 {
            #expect(BigInt(text, radix: radix, threads: threads) == expected, "\(label), radix \(radix), \(threads) threads",
                    sourceLocation: sourceLocation)
        }
    }

    static let size = BigInt.parallelParsingDigitThreshold

    @Test func aroundTheThresholdAndTheSplit() {
        for digits in [Self.size - 1, Self.size, Self.size + 1, 2 * Self.size + 3] {
            let power = BigInt(10).power(digits)
            for (value, label) in [(power, "10^\(digits)"), (power - 1, "10^\(digits) - 1"), (power + 1, "10^\(digits) + 1")] {
                expectEveryThreadCountParses(String(value), label)
                expectEveryThreadCountParses(String(-value), "-(\(label))")
                expectEveryThreadCountParses("+" + String(value), "+(\(label))")
            }
        }
    }

    @Test func zerosWhereTheHalvesMeet() {
        let half = Self.size
        // All zeros in the low half; a low half that starts with zeros; leading zeros in the whole text
        // (the high half is then zero, or starts with zeros).
        expectEveryThreadCountParses("7" + String(repeating: "0", count: 2 * half - 1), "low half all zeros")
        expectEveryThreadCountParses("9" + String(repeating: "0", count: half + 10) + "42", "low half starts with zeros")
        expectEveryThreadCountParses(String(repeating: "0", count: half + 5) + "123456789", "high half all zeros")
        expectEveryThreadCountParses(String(repeating: "0", count: 3 * half), "zero written long")
        expectEveryThreadCountParses("-" + String(repeating: "0", count: 2 * half), "minus zero written long")
    }

    @Test func randomValuesRoundTripInSeveralRadixes() {
        var generator = SeededGenerator(seed: 77)
        for radix in [10, 3, 7, 16, 36] {
            for _ in 0..<3 {
                let value = generator.nextBigInt(maxBits: 600_000)
                let text = String(value, radix: radix, uppercase: radix == 36)
                expectEveryThreadCountParses(text, radix: radix, "random \(value.magnitudeBitWidth) bits")
                #expect(BigInt(text, radix: radix, threads: 2) == value, "round trip, radix \(radix)")
            }
        }
    }

    @Test func badDigitsAnywhereAreRefusedOnEveryThreadCount() {
        let digits = String(repeating: "31415926535", count: Self.size / 5)
        let middle = digits.utf8.count / 2
        for bad in ["x", " ", "_", "٣", "\u{0}"] {
            for position in [0, 1, middle, digits.utf8.count - 1] {
                var text = digits
                text.insert(contentsOf: bad, at: text.utf8.index(text.startIndex, offsetBy: position))
                for threads in [1, 2] { #expect(BigInt(text, threads: threads) == nil, "\(bad.debugDescription) at \(position)") }
            }
        }
        #expect(BigInt(digits + "a", radix: 10, threads: 2) == nil)
        #expect(BigInt(digits + "a", radix: 11, threads: 2) != nil)
        #expect(BigInt("", threads: 2) == nil && BigInt("-", threads: 2) == nil && BigInt("+-1", threads: 2) == nil)
    }
}
