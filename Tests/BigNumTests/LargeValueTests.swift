import Foundation
import Testing
import TestSupport
@testable import BigNum

/// Identities on values of hundreds to millions of bits, where no Int reference exists.
@Suite struct LargeValueTests {
    static let sizes = [65, 128, 500, 4_000, 70_000]

    func forRandomPairs(seed: UInt64, count: Int = 60, maxBits: [Int] = sizes, _ check: (BigInt, BigInt) -> Void) {
        var generator = SeededGenerator(seed: seed)
        for bits in maxBits {
            for _ in 0..<count {
                check(generator.nextBigInt(maxBits: bits), generator.nextBigInt(maxBits: bits))
            }
        }
    }

    @Test func additionAndMultiplicationUndo() {
        forRandomPairs(seed: 11) { a, b in
            #expect((a + b) - b == a)
            #expect(a + b == b + a && a * b == b * a)
            if !b.isZero { #expect((a * b) / b == a) }
            #expect(a * (b + 1) == a * b + a)
            var c = a
            c += b; c -= b
            #expect(c == a)
            c *= b
            #expect(c == a * b)
        }
    }

    @Test func identitiesAtMillionsOfBits() throws {
        var generator = SeededGenerator(seed: 10)
        for bits in [1_000_000, 3_000_000] {
            let a = generator.nextBigInt(maxBits: bits) | (BigInt(1) << (bits - 1))
            let b = generator.nextBigInt(maxBits: bits / 2) | 1
            #expect((a + b) - b == a && (a * b) / b == a)
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(q * b + r == a && r.magnitude < b.magnitude && (r.isZero || r.signum() == a.signum()))
            #expect(BigInt(a.description) == a && BigInt(String(a, radix: 36), radix: 36) == a)
            #expect(BigInt(bigEndianBytes: a.bigEndianBytes()) == a)
            let decoded = try JSONDecoder().decode(BigInt.self, from: JSONEncoder().encode(a))
            #expect(decoded == a)
        }
    }

    @Test func divisionIdentity() {
        forRandomPairs(seed: 12) { a, b in
            guard !b.isZero else { return }
            let (q, r) = a.quotientAndRemainder(dividingBy: b)
            #expect(q * b + r == a)
            #expect(r.magnitude < b.magnitude)
            #expect(r.isZero || r.signum() == a.signum(), "the remainder has the sign of the dividend")
            #expect(q == a / b && r == a % b)
        }
    }

    @Test func shiftsAreMultiplicationsByPowersOfTwo() {
        var generator = SeededGenerator(seed: 13)
        for _ in 0..<300 {
            let a = generator.nextBigInt(maxBits: 5_000), k = Int.random(in: 0...3_000, using: &generator)
            #expect((a << k) >> k == a)
            #expect(a << k == a * BigInt(2).power(k))
            // >> is floor division by 2^k.
            let (q, r) = a.quotientAndRemainder(dividingBy: BigInt(1) << k)
            #expect(a >> k == (r.isNegative ? q - 1 : q))
        }
    }

    @Test func bitwiseIdentities() {
        forRandomPairs(seed: 14) { a, b in
            #expect(~(~a) == a && ~a == -a - 1)
            #expect((a ^ b) ^ b == a)
            #expect((a & b) + (a | b) == a + b)
            #expect(a & ~a == 0 && a | ~a == -1)
        }
    }

    @Test func wordsRebuildTheValue() {
        forRandomPairs(seed: 15) { a, _ in
            // Rebuild from words through the generic (non-BigInt) path: Words is a two's complement.
            var rebuilt = BigInt(0)
            for (index, word) in a.words.enumerated() { rebuilt |= BigInt(word) << (64 * index) }
            let width = 64 * a.words.count
            if a.isNegative { rebuilt -= BigInt(1) << width }
            #expect(rebuilt == a)
            #expect(a.words.count == (a.bitWidth + 63) / 64)
            #expect(a.trailingZeroBitCount == (a.isZero ? 1 : (a.magnitude ^ (a.magnitude - 1)).magnitudeBitWidth - 1))
        }
        #expect(Array(BigInt(-1 << 64 as Int128).words) == [0, UInt.max])
        #expect(Array((BigInt(1) << 64).words) == [0, 1], "2^64 needs a sign bit, so two words")
        #expect(Array((BigInt(1) << 63).words) == [1 << 63, 0])
    }

    @Test func int128ConversionsUseTheGenericPath() {
        var generator = SeededGenerator(seed: 16)
        for _ in 0..<2_000 {
            let value = Int128(truncatingIfNeeded: generator.next()) << 64 | Int128(generator.next())
            let shifted = value >> Int.random(in: 0..<127, using: &generator)
            let big = BigInt(shifted)
            #expect(Int128(exactly: big) == shifted && String(big) == String(shifted))
            #expect(UInt128(exactly: big) == UInt128(exactly: shifted))
            #expect(Int64(clamping: big) == Int64(clamping: shifted))
            #expect(BigInt(UInt128(truncatingIfNeeded: shifted)) == BigInt(String(UInt128(truncatingIfNeeded: shifted))))
        }
    }

    @Test func doubleRoundsToNearest() {
        var generator = SeededGenerator(seed: 17)
        for _ in 0..<2_000 {
            let a = generator.nextBigInt(maxBits: 1_200)
            // The standard library's generic conversion rounds correctly: ours must agree.
            #expect(Double(a) == (a.isNegative ? -1 : 1) * genericDouble(a.magnitude), "Double(\(a))")
        }
        let tie = (BigInt(1) << 53) + 1 // halfway between two Doubles once shifted
        #expect(Double(tie << 100) == Double(sign: .plus, exponent: 153, significand: 1))
        #expect(Double((tie + 2) << 100) == Double(sign: .plus, exponent: 100, significand: Double((1 << 53) + 4)))
        #expect(Double(BigInt(1) << 1024) == .infinity && Double(-(BigInt(1) << 2000)) == -.infinity)
        #expect(BigInt(Double.greatestFiniteMagnitude) == BigInt(exactly: Double.greatestFiniteMagnitude))
        #expect(Double(BigInt(Double.greatestFiniteMagnitude)) == .greatestFiniteMagnitude)
    }

    /// The standard library's own BinaryInteger-to-Double conversion, for comparison.
    func genericDouble<T: BinaryInteger>(_ value: T) -> Double { Double(value) }

    @Test func arithmeticBeyondTheProtocols() {
        forRandomPairs(seed: 18, count: 20, maxBits: [64, 300, 3_000]) { a, b in
            let root = a.magnitude.squareRoot()
            #expect(root.squared() <= a.magnitude && (root + 1).squared() > a.magnitude)
            #expect(a.squared() == a * a && a.power(3) == a * a * a && a.power(0) == 1)
            let g = gcd(a, b)
            #expect(g >= 0)
            if !g.isZero {
                #expect(a.isMultiple(of: g) && b.isMultiple(of: g))
                #expect(gcd(a / g, b / g) == 1)
                #expect(lcm(a, b) * g == (a * b).magnitude)
            }
            let modulus = b.magnitude + 2
            let exponent = a.magnitude % 1_000
            let expected = a.power(Int(exponent)) % modulus
            #expect(a.power(exponent, modulo: modulus) == (expected.isNegative ? expected + modulus : expected))
            if let inverse = a.inverse(modulo: modulus) {
                #expect(((a * inverse) % modulus + modulus) % modulus == 1)
                #expect(a.power(-1, modulo: modulus) == inverse)
            } else {
                #expect(gcd(a, modulus) != 1)
            }
        }
        #expect(gcd(0, 0) == 0 && lcm(0, 5) == 0 && BigInt(0).power(0) == 1 && BigInt(-1).power(1_000_001) == -1)
        #expect(BigInt(6).inverse(modulo: 9) == nil && BigInt(3).inverse(modulo: 7) == 5)
    }

    @Test func decimalDigitCountIsExact() {
        for k in [1, 2, 18, 19, 20, 21, 100, 1_000, 12_345] {
            let power = BigInt(10).power(k)
            #expect(power.decimalDigitCount == k + 1, "10^\(k)")
            #expect((power - 1).decimalDigitCount == k, "10^\(k) - 1")
            #expect((-power - 1).decimalDigitCount == k + 1)
        }
        var generator = SeededGenerator(seed: 19)
        for _ in 0..<300 {
            let a = generator.nextBigInt(maxBits: 3_000)
            #expect(a.decimalDigitCount == String(a.magnitude).utf8.count)
        }
        #expect(BigInt(0).decimalDigitCount == 1 && BigInt(UInt64.max).decimalDigitCount == 20)
    }

    @Test func literalsOfAnySize() {
        let big: BigInt = 1_000_000_000_000_000_000_000_000_000_000
        #expect(big == BigInt(10).power(30))
        let negative: BigInt = -340_282_366_920_938_463_463_374_607_431_768_211_456
        #expect(negative == -(BigInt(1) << 128))
        let small: BigInt = -42
        #expect(small == BigInt(-42))
    }

    @Test func strideable() {
        let start: BigInt = 1 << 100
        let values = Array(stride(from: start, to: start + 10, by: 3))
        #expect(values == [start, start + 3, start + 6, start + 9])
        #expect(start.distance(to: -start) == -(start * 2))
        #expect(Array(BigInt(-2)...BigInt(2)) == [-2, -1, 0, 1, 2])
    }
}
