import Foundation
import Testing
import TestSupport
@testable import BigNum

@Suite struct SerializationTests {
    @Test(arguments: [
        "", "+", "-", " 12", "12 ", "1_0", "1 0", "٣", "１２", "0x10", "0b1", "1e3", "1.0", "--1", "+-1",
        "-+1", "12a", "\u{0}", "1\u{0}", "\n1", "∞", "NaN", "١٢٣",
    ])
    func rejectsMalformedDecimal(text: String) {
        #expect(BigInt(text) == nil, "\(text.debugDescription) must not parse")
    }

    @Test func parsingIsStrictPerRadix() {
        #expect(BigInt("102", radix: 2) == nil && BigInt("8", radix: 8) == nil && BigInt("g", radix: 16) == nil)
        #expect(BigInt("ff", radix: 16) == 255 && BigInt("-FF", radix: 16) == -255 && BigInt("+z", radix: 36) == 35)
        #expect(BigInt("+0") == 0 && BigInt("-0") == 0 && BigInt("000123") == 123)
        let substring = "xx-123456789012345678901234567890yy".dropFirst(2).dropLast(2)
        #expect(BigInt(substring) == -BigInt("123456789012345678901234567890")!)
    }

    @Test func stringRoundTripsInEveryRadix() {
        var generator = SeededGenerator(seed: 21)
        for radix in 2...36 {
            for _ in 0..<20 {
                let value = generator.nextBigInt(maxBits: 3_000)
                let text = String(value, radix: radix)
                #expect(BigInt(text, radix: radix) == value, "radix \(radix)")
                #expect(BigInt(String(value, radix: radix, uppercase: true), radix: radix) == value)
                #expect(text.utf8.allSatisfy { $0 != UInt8(ascii: "+") && $0 != 0 })
            }
        }
        let huge = BigInt(3).power(2_000_000)
        #expect(BigInt(huge.description) == huge && huge.description.utf8.count == huge.decimalDigitCount)
        #expect(String(BigInt(255), radix: 16, uppercase: true) == "FF" && String(BigInt(-255), radix: 16) == "-ff")
    }

    @Test func debugDescriptionAbbreviatesHugeValues() {
        #expect(BigInt(-42).debugDescription == "-42")
        let huge = BigInt(10).power(150) + 7
        #expect(huge.debugDescription == "1" + String(repeating: "0", count: 39) + "…" + String(repeating: "0", count: 39) + "7 (151 digits)")
    }

    @Test func bytesRoundTrip() {
        var generator = SeededGenerator(seed: 22)
        for _ in 0..<2_000 {
            let value = generator.nextBigInt(maxBits: 700)
            #expect(BigInt(bigEndianBytes: value.bigEndianBytes()) == value)
            #expect(BigInt(bigEndianBytes: value.magnitude.bigEndianBytes(isSigned: false), isSigned: false) == value.magnitude)
        }
        // The same bytes as Java's BigInteger.toByteArray().
        #expect(BigInt(0).bigEndianBytes() == [0] && BigInt(-1).bigEndianBytes() == [0xFF])
        #expect(BigInt(128).bigEndianBytes() == [0x00, 0x80] && BigInt(-128).bigEndianBytes() == [0x80])
        #expect(BigInt(-129).bigEndianBytes() == [0xFF, 0x7F] && BigInt(65_536).bigEndianBytes() == [1, 0, 0])
        #expect(BigInt(0).bigEndianBytes(isSigned: false) == [] && BigInt(bigEndianBytes: []) == 0)
        #expect(BigInt(bigEndianBytes: [0xFF, 0xFF], isSigned: false) == 65_535)
        #expect(BigInt(bigEndianBytes: [0x00, 0x00, 0x01]) == 1)
    }

    struct Payload: Codable, Equatable {
        var value: BigInt
        var list: [BigInt]
    }

    @Test func codableUsesDecimalStrings() throws {
        var generator = SeededGenerator(seed: 23)
        for _ in 0..<200 {
            let payload = Payload(value: generator.nextBigInt(maxBits: 2_000), list: [0, -1, generator.nextBigInt(maxBits: 100)])
            let data = try JSONEncoder().encode(payload)
            #expect(try JSONDecoder().decode(Payload.self, from: data) == payload)
        }
        let encoded = String(decoding: try JSONEncoder().encode([BigInt(-12), BigInt(1) << 70]), as: UTF8.self)
        #expect(encoded == #"["-12","1180591620717411303424"]"#)
        let decoded = try JSONDecoder().decode([BigInt].self, from: Data(#"[42, -7, "99", 18446744073709551615]"#.utf8))
        #expect(decoded == [42, -7, 99, BigInt(UInt64.max)])
        for bad in [#"["12x"]"#, #"[1.5]"#, #"[true]"#, #"[null]"#, #"[" 1"]"#] {
            #expect(throws: DecodingError.self, "\(bad)") { try JSONDecoder().decode([BigInt].self, from: Data(bad.utf8)) }
        }
    }
}
