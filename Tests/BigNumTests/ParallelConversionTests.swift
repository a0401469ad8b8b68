import CGMP
import Testing
import TestSupport
@testable import BigNum

/// GMP's own single-threaded conversion: the reference.
func gmpString(_ value: BigInt, radix: Int, uppercase: Bool = false) -> String {
    value.withUnsafeMPZ { mpz in
        var buffer = [CChar](repeating: 0, count: Int(__gmpz_sizeinbase(mpz, Int32(radix))) + 2)
        __gmpz_get_str(&buffer, Int32(uppercase ? -radix : radix), mpz)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

@Suite struct ParallelConversionTests {
    /// Checks every thread count and every way of getting the digits against GMP.
    func expectAllFormsMatchGMP(_ value: BigInt, radix: Int = 10, uppercase: Bool = false, _ label: String,
                                sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = gmpString(value, radix: radix, uppercase: uppercase)
        for threads in 1...4 {
            let text = String(value, radix: radix, uppercase: uppercase, threads: threads)
            #expect(text.utf8.count == expected.utf8.count && text == expected,
                    "\(label), radix \(radix), \(threads) threads", sourceLocation: sourceLocation)
            let bytes = value.utf8Digits(radix: radix, uppercase: uppercase, threads: threads)
            #expect(bytes.elementsEqual(expected.utf8), "\(label) as bytes, \(threads) threads", sourceLocation: sourceLocation)
        }
    }

    static let size = BigInt.parallelConversionDigitThreshold

    @Test func powersOfTheRadixAndTheirNeighbours() {
        for digits in [Self.size, Self.size + 1, 2 * Self.size + 3, 100_001] {
            let power = BigInt(10).power(digits)
            expectAllFormsMatchGMP(power, "10^\(digits)")
            expectAllFormsMatchGMP(power - 1, "10^\(digits) - 1")
            expectAllFormsMatchGMP(power + 1, "10^\(digits) + 1")
            expectAllFormsMatchGMP(-power, "-10^\(digits)")
        }
        expectAllFormsMatchGMP(BigInt(0), "zero")
        expectAllFormsMatchGMP(BigInt(-7), "small negative")
        let power36 = BigInt(36).power(40_000)
        expectAllFormsMatchGMP(power36 - 1, radix: 36, uppercase: true, "36^40000 - 1")
    }

    @Test func lowHalvesOfZerosOrLeadingZeros() {
        let half = 40_000
        let high = BigInt(10).power(half - 1) * 7 + 123
        expectAllFormsMatchGMP(high * BigInt(10).power(half), "low half all zeros")
        expectAllFormsMatchGMP(high * BigInt(10).power(half) + 42, "low half starts with zeros")
        expectAllFormsMatchGMP(high * BigInt(10).power(half) + BigInt(10).power(half / 2), "low half starts with a run of zeros")
        // Zeros at every quarter, for four pieces.
        let quarter = BigInt(10).power(half / 2)
        expectAllFormsMatchGMP(((high * quarter + 5) * quarter + 0) * quarter + 9, "zero quarters")
    }

    @Test func randomValuesInSeveralRadixes() {
        var generator = SeededGenerator(seed: 51)
        for radix in [10, 3, 7, 16, 36] {
            for _ in 0..<3 {
                let value = generator.nextBigInt(maxBits: 400_000)
                expectAllFormsMatchGMP(value, radix: radix, "random \(value.magnitudeBitWidth) bits")
            }
        }
    }

    @Test func tenMillionDigits() {
        let value = BigInt(7).power(11_829_500) + 12_345  // 9,997,... digits: about 10^7
        let expected = gmpString(value, radix: 10)
        #expect(expected.utf8.count > 9_990_000)
        #expect(String(value, threads: 2) == expected)
        #expect(value.utf8Digits(threads: 3).elementsEqual(expected.utf8))
    }

    @Test func writeDigitsStaysInsideItsBuffer() {
        let value = -(BigInt(10).power(70_000) - 1)
        for threads in 1...4 {
            let capacity = value.maximumDigitBytes(threads: threads)
            var buffer = [UInt8](repeating: 0xAA, count: capacity + 16)
            let written = buffer.withUnsafeMutableBytes { raw in
                value.writeDigits(into: UnsafeMutableRawBufferPointer(rebasing: raw[..<capacity]), threads: threads)
            }
            #expect(written == 70_001 && buffer[0] == UInt8(ascii: "-"))
            #expect(buffer[capacity...].allSatisfy { $0 == 0xAA }, "no byte past the stated capacity")
        }
    }
}

/// Binary to base 10^19 by decimal products (`DecimalFromBinary`), against GMP's conversion: around
/// the leaf size and the splits at 2^j words, with runs of zero words (a low piece with leading
/// zeros, a zero piece), on one thread and two.
@Suite struct DecimalFromBinaryTests {
    static func words(_ value: BigInt) -> [UInt64] {
        value.withUnsafeMPZ { mpz in
            (0..<Int(mpz.pointee._mp_size)).map { UInt64(mpz.pointee._mp_d[$0]) }
        }
    }

    @Test func valuesAroundEverySplit() {
        var generator = SeededGenerator(seed: 64)
        let leaf = DecimalFromBinary.leafWords
        var values: [BigInt] = []
        for count in [leaf, leaf + 1, 2 * leaf, 2 * leaf + 1, 4 * leaf - 1, 1_500, 4_097] {
            let power = BigInt(1) << (64 * count)
            values += [power - 1, power + 1, generator.nextBigInt(maxBits: 64 * count).magnitude]
            // Zero words: in the middle (a low piece with leading zeros), and a whole low piece.
            values.append((power - 1) - ((BigInt(1) << (64 * (count / 2))) - 1) + 5)
            values.append(power * (power - 1) + BigInt(1) << (64 * count / 3))
        }
        for value in values where value > 0 {
            let words = Self.words(value)
            let expected = gmpString(value, radix: 10)
            for parallel in [false, true] {
                let storage = words.withUnsafeBufferPointer {
                    DecimalFromBinary.convert($0.baseAddress!, count: $0.count, parallel: parallel)
                }
                #expect(DecimalUInt(storage: storage).description == expected, "\(words.count) words, parallel \(parallel)")
            }
        }
    }
}
