import CGMP
import Testing
import TestSupport
@testable import BigNum

/// GMP's `mpz_get_str` in base 10: the reference for the scaled remainder tree.
private func gmpDecimal(_ value: BigInt) -> String {
    value.withUnsafeMPZ { mpz in
        var buffer = [CChar](repeating: 0, count: Int(__gmpz_sizeinbase(mpz, 10)) + 2)
        __gmpz_get_str(&buffer, 10, mpz)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A value of exactly `digits` random decimal digits (the first nonzero), by GMP's parser.
private func randomDecimal(digits: Int, using generator: inout SeededGenerator) -> BigInt {
    var text = [UInt8](repeating: 0, count: digits)
    for index in 0..<digits { text[index] = UInt8(ascii: "0") + UInt8(generator.next() % 10) }
    text[0] = UInt8(ascii: "1") + UInt8(generator.next() % 9)
    return BigInt(String(decoding: text, as: UTF8.self))!
}

/// The scaled remainder tree itself, whatever size the public routes would hand it from.
private func treeDecimal(_ value: BigInt, threads: Int) -> String {
    let magnitude = value.magnitude
    if magnitude.isZero { return "0" }
    let text = magnitude.withUnsafeMPZ { mpz in
        let estimate = Int(__gmpz_sizeinbase(mpz, 10))
        return String(unsafeUninitializedCapacity: estimate) { buffer in
            DecimalConversion.write(mpz, estimate: estimate, into: buffer.baseAddress!, threads: threads)
        }
    }
    return value.isNegative ? "-" + text : text
}

@Suite struct ConversionTests {
    /// Every way of getting decimal digits, on 1 to 4 threads, for `value` and `-value`, against GMP.
    func expectMatchesGMP(_ value: BigInt, _ label: String, threadCounts: ClosedRange<Int> = 1...4,
                          sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = gmpDecimal(value)
        for threads in 1...2 {
            let tree = treeDecimal(value, threads: threads)
            #expect(tree.utf8.count == expected.utf8.count && tree == expected, "\(label): the tree on \(threads) threads",
                    sourceLocation: sourceLocation)
        }
        let text = String(value)
        #expect(text.utf8.count == expected.utf8.count && text == expected, "\(label): String(x)", sourceLocation: sourceLocation)
        #expect(value.description == expected, "\(label): description", sourceLocation: sourceLocation)
        for threads in threadCounts {
            let threaded = String(value, threads: threads)
            #expect(threaded == expected, "\(label): \(threads) threads", sourceLocation: sourceLocation)
            #expect(value.utf8Digits(threads: threads).elementsEqual(expected.utf8), "\(label): bytes, \(threads) threads",
                    sourceLocation: sourceLocation)
        }
        if !value.isZero {
            let negated = -value
            #expect(String(negated, threads: 2) == "-" + expected, "\(label): negative", sourceLocation: sourceLocation)
            #expect(String(negated) == "-" + expected, "\(label): negative, one thread", sourceLocation: sourceLocation)
        }
    }

    /// Where one thread switches to the tree (tenMillionDigits crosses the two-thread switch).
    static let threshold = DecimalConversion.digitThreshold

    @Test func randomValuesOfEverySize() {
        var generator = SeededGenerator(seed: 14)
        let sizes = [1, 2, 18, 19, 20, 37, 38, 39, 1_000, 20_000, 20_001,
                     19 * DecimalConversion.leafChunks, 19 * DecimalConversion.leafChunks + 1, 30_000, 54_321,
                     19 * DecimalConversion.parallelChunkThreshold, 19 * DecimalConversion.parallelChunkThreshold + 1,
                     19 * 4_096, 19 * 4_096 + 1, 19 * 4_096 - 1, 250_000, Self.threshold - 1, Self.threshold]
        for digits in sizes {
            let value = randomDecimal(digits: digits, using: &generator)
            expectMatchesGMP(value, "random, \(digits) digits", threadCounts: digits > 300_000 ? 1...2 : 1...4)
        }
        for _ in 0..<12 {
            let value = randomDecimal(digits: Int.random(in: 20_000...200_000, using: &generator), using: &generator)
            expectMatchesGMP(value, "random, \(value.decimalDigitCount) digits", threadCounts: 1...2)
        }
        // Random bit patterns with long runs of ones and zeros.
        for _ in 0..<6 {
            let value = generator.nextBigInt(maxBits: 600_000)
            expectMatchesGMP(value.magnitude, "random bits, \(value.magnitudeBitWidth) bits", threadCounts: 1...2)
        }
    }

    @Test func powersOfTenAndTheirNeighbours() {
        let leaf = 19 * DecimalConversion.leafChunks
        for k in [1, 18, 19, 20, 1_000, 19 * 1_100, 19 * 1_100 - 1, 19 * 1_100 + 1,
                  19 * 2_048, 19 * 2_048 + 1, 19 * 2_048 - 1, leaf * 64, leaf * 64 + 18, 200_003] {
            let power = BigInt(10).power(k)
            expectMatchesGMP(power - 1, "10^\(k) - 1", threadCounts: 1...2)
            expectMatchesGMP(power, "10^\(k)", threadCounts: 1...2)
            expectMatchesGMP(power + 1, "10^\(k) + 1", threadCounts: 1...2)
        }
    }

    /// Runs of zeros or nines across every chunk boundary, and so across every split of the tree
    /// (splits fall between chunks of 19 digits counted from the right).
    @Test func runsOfZerosAndNinesAtEverySplit() {
        var generator = SeededGenerator(seed: 1_914)
        let patterns: [String] = [
            String(repeating: "0", count: 19), String(repeating: "9", count: 19),
            "5" + String(repeating: "0", count: 18), "4" + String(repeating: "9", count: 18),
            String(repeating: "0", count: 18) + "1", String(repeating: "9", count: 18) + "8",
            "0000000001000000000", "9999999998999999999",
        ]
        for chunkCount in [1_100, 2_049, 4_000] {
            for mode in 0..<3 {
                var text = "7"
                for _ in 0..<chunkCount {
                    switch mode {
                    case 0: text += patterns[Int(generator.next() % UInt64(patterns.count))]
                    case 1: text += patterns[Int(generator.next() % 2)]  // only zeros or nines
                    default:
                        if generator.next() % 3 == 0 {
                            text += patterns[Int(generator.next() % UInt64(patterns.count))]
                        } else {
                            let digits = String(generator.next() % 10_000_000_000_000_000_000)
                            text += String(repeating: "0", count: 19 - digits.utf8.count) + digits
                        }
                    }
                }
                let value = BigInt(text)!
                #expect(gmpDecimal(value) == text)
                expectMatchesGMP(value, "patterns \(mode), \(chunkCount) chunks", threadCounts: 1...2)
            }
        }
        // (10^a - 1)·10^b and 10^a + 10^b with a and b on, and next to, chunk and split boundaries.
        let ten = BigInt(10)
        for a in [19 * 512, 19 * 512 + 1, 19 * 1_024 - 1, 19 * 1_500] {
            for b in [0, 1, 18, 19, 20, 19 * 40, 19 * 512, 19 * 1_024 + 1, 30_001] {
                expectMatchesGMP((ten.power(a) - 1) * ten.power(b), "(10^\(a) - 1)·10^\(b)", threadCounts: 1...2)
                expectMatchesGMP(ten.power(a + b) + ten.power(b), "10^\(a + b) + 10^\(b)", threadCounts: 1...2)
                expectMatchesGMP(ten.power(a + b) - ten.power(b), "10^\(a + b) - 10^\(b)", threadCounts: 1...2)
            }
        }
    }

    @Test func roundTripThroughParsing() {
        var generator = SeededGenerator(seed: 2_026)
        for digits in [20_000, 77_777, 400_000] {
            let value = randomDecimal(digits: digits, using: &generator)
            for threads in 1...2 {
                #expect(BigInt(String(value, threads: threads)) == value)
                #expect(BigInt(String(-value, threads: threads)) == -value)
            }
        }
    }

    @Test func tenMillionDigits() {
        var generator = SeededGenerator(seed: 10_000_000)
        let value = randomDecimal(digits: 10_000_000, using: &generator)
        let expected = gmpDecimal(value)
        #expect(String(value, threads: 2) == expected)
        #expect(String(value) == expected)
    }

    @Test func writeDigitsStaysInsideItsBuffer() {
        var generator = SeededGenerator(seed: 7)
        for digits in [20_000, 19 * 3_000 + 1, Self.threshold] {
            let value = -randomDecimal(digits: digits, using: &generator)
            for threads in 1...3 {
                let capacity = value.maximumDigitBytes(threads: threads)
                var buffer = [UInt8](repeating: 0xAA, count: capacity + 16)
                let written = buffer.withUnsafeMutableBytes { raw in
                    value.writeDigits(into: UnsafeMutableRawBufferPointer(rebasing: raw[..<capacity]), threads: threads)
                }
                #expect(written == digits + 1 && buffer[0] == UInt8(ascii: "-"))
                #expect(buffer[capacity...].allSatisfy { $0 == 0xAA }, "no byte past the stated capacity")
            }
        }
    }

    /// The three ways to take the middle of a product agree with the whole product to within the
    /// two units below that the tree's error bound allows for (the whole product is exact).
    @Test func middleOfAProductByEveryMethod() {
        var generator = SeededGenerator(seed: 99)
        let chain = DecimalPowerCache.chain(upTo: 12)
        for exponent in [2, 4, 7, 9, 12] {
            let high = 1 << exponent
            for count in [high + 1, high + high / 3 + 1, 2 * high] {
                let limbs = DecimalConversion.fractionLimbs(chunks: count)
                let lowLimbs = DecimalConversion.fractionLimbs(chunks: count - high)
                for topZeros in [0, 1, 3] {
                    // A fraction of `limbs` limbs, the top `topZeros` of them zero.
                    var fraction = BigInt(0)
                    for _ in 0..<(limbs - topZeros) { fraction = (fraction << 64) | BigInt(generator.next()) }
                    let exact = DecimalConversion.middleBits(of: fraction, times: chain[exponent], limbs: limbs,
                                                            lowLimbs: lowLimbs, method: .fullProduct)
                    for method in [DecimalConversion.MiddleBitsMethod.middleProduct, .wrappedProduct] {
                        let bits = DecimalConversion.middleBits(of: fraction, times: chain[exponent], limbs: limbs,
                                                               lowLimbs: lowLimbs, method: method)
                        let modulus = BigInt(1) << (64 * lowLimbs)
                        let shortfall = ((exact - bits) % modulus + modulus) % modulus
                        #expect(shortfall <= 2, "\(method), \(count) chunks, split \(high), \(topZeros) top zero limbs: \(shortfall) short")
                    }
                }
            }
        }
    }

    /// The roots by a cached reciprocal: q · 10^(19·L) + r around the split (L the largest power of
    /// two below the chunk count), r = 0 (where q comes out one short and the division takes over),
    /// 1, 10^(19·L) - 1 and random, on one thread and two.
    @Test func rootsByReciprocal() {
        var generator = SeededGenerator(seed: 4_242)
        for count in [DecimalConversion.reciprocalChunkThreshold, 700, 1_025, 2_048, 2_049, 3_001, 8_193] {
            let low = 1 << (Int.bitWidth - 1 - (count - 1).leadingZeroBitCount)
            let scale = BigInt(10).power(19 * low)
            let high = randomDecimal(digits: 19 * (count - low), using: &generator)
            let rest = randomDecimal(digits: 19 * low - 5, using: &generator)
            for r in [BigInt(0), BigInt(1), scale - 1, rest, scale - rest] {
                expectMatchesGMP(high * scale + r, "\(count) chunks, r \(r.decimalDigitCount) digits", threadCounts: 1...2)
            }
        }
    }

    /// Each reciprocal the cache hands out, cut to any precision from the power's limbs up, is
    /// within 3 below floor(B^(2L) / D).
    @Test func reciprocalsOfThePowers() {
        let chain = DecimalPowerCache.chain(upTo: 9)
        for index in [0, 1, 4, 9] {
            let power = chain[index]
            for limbs in [power.limbCount, power.limbCount + 3, 2 * power.limbCount + 1, power.limbCount + 1] {
                guard let reciprocal = DecimalPowerCache.reciprocal(index: index, of: power, limbs: limbs) else {
                    continue  // no room in the cache (another test lowered its budget)
                }
                #expect(reciprocal.limbs >= limbs)
                let top = reciprocal.value >> (64 * (reciprocal.limbs - limbs))
                let divisor = (power << reciprocal.shift) << (64 * (limbs - power.limbCount))
                #expect(divisor >> (64 * limbs - 1) == 1, "normalized")
                let exact = (BigInt(1) << (128 * limbs)) / divisor
                #expect(top <= exact && exact - top <= 3, "index \(index), \(limbs) limbs: \(exact - top) short")
            }
        }
    }

    @Test func powerCacheStaysWithinItsBudget() {
        let saved = BigInt.decimalPowerCacheByteLimit
        defer { BigInt.decimalPowerCacheByteLimit = saved }
        BigInt.decimalPowerCacheByteLimit = 4_096
        #expect(DecimalPowerCache.cachedBytes <= 4_096)
        var generator = SeededGenerator(seed: 3)
        let value = randomDecimal(digits: 300_000, using: &generator)
        #expect(String(value) == gmpDecimal(value))
        #expect(DecimalPowerCache.cachedBytes <= 4_096)
        // Every power the chain hands out is right, cached or not.
        let chain = DecimalPowerCache.chain(upTo: 6)
        for (index, power) in chain.enumerated() {
            #expect(power == BigInt(10).power(19 << index))
        }
        #expect(DecimalPowerCache.power(chunks: 45, from: chain) == BigInt(10).power(19 * 45))
    }
}
