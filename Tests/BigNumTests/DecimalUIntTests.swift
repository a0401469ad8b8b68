import Testing
import TestSupport
@testable import BigNum
import CDecimalNTT

/// DecimalUInt against BigInt (whose arithmetic is GMP's), and Kronecker and transform products
/// against schoolbook products limb for limb.
@Suite struct DecimalUIntTests {
    /// A random value of `limbs` limbs, each below 10^19 (the top one not zero).
    static func randomLimbs(_ count: Int, using generator: inout SeededGenerator) -> [UInt64] {
        var limbs = (0..<count).map { _ in UInt64.random(in: 0..<DecimalUInt.radix, using: &generator) }
        if count > 0 && limbs[count - 1] == 0 { limbs[count - 1] = 1 }
        return limbs
    }

    /// The ways a workspace multiplies above the schoolbook: Kronecker substitution at two points, and
    /// the number-theoretic transforms where this processor runs them.
    static let productPaths = decimalTransformsAreSupported ? [false, true] : [false]

    /// The schoolbook product and the workspace's of the same limbs, by every path (each also in its
    /// own buffer, on one thread and on two), which must all agree.
    static func products(_ a: [UInt64], _ b: [UInt64], transformPieceLimbs: Int? = nil) -> (schoolbook: [UInt64], workspace: [UInt64]) {
        var schoolbook = [UInt64](repeating: 0, count: a.count + b.count)
        var results: [[UInt64]] = []
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                schoolbookProduct(&schoolbook, a.baseAddress!, a.count, b.baseAddress!, b.count)
                for usesTransforms in productPaths {
                    let workspace = DecimalProductWorkspace()
                    workspace.usesTransforms = usesTransforms
                    if let transformPieceLimbs { workspace.transformPieceLimbs = transformPieceLimbs }
                    var fast = [UInt64](repeating: 0, count: a.count + b.count)
                    if a.baseAddress == b.baseAddress {
                        workspace.square(&fast, a.baseAddress!, a.count)
                    } else {
                        workspace.multiply(&fast, a.baseAddress!, a.count, b.baseAddress!, b.count)
                    }
                    results.append(fast)
                    // The same product in its own buffer: Kronecker's unpacked in place, with the two
                    // points' binary products one after the other and on two threads; the transforms'
                    // with the third prime on the helper thread.
                    for concurrently in [false, true] {
                        let (own, capacity) = workspace.productInOwnBuffer(
                            a.baseAddress!, a.count, b.baseAddress!, b.count, concurrently: concurrently)
                        results.append(Array(UnsafeBufferPointer(start: own, count: a.count + b.count)))
                        LimbMemory.free(own, count: capacity)
                    }
                }
            }
        }
        #expect(results.allSatisfy { $0 == results[0] }, "every path and buffer gives the same product")
        return (schoolbook, results[0])
    }

    @Test func theReciprocalDividesEveryEdgeCase() {
        let radix = DecimalUInt.radix
        var generator = SeededGenerator(seed: 19)
        let highs: [UInt64] = [0, 1, radix - 1, radix / 2] + (0..<2000).map { _ in UInt64.random(in: 0..<radix, using: &generator) }
        let lows: [UInt64] = [0, 1, .max, .max - 1, radix, radix - 1] + (0..<5).map { _ in UInt64.random(in: 0 ... .max, using: &generator) }
        for high in highs {
            for low in lows {
                let expected = radix.dividingFullWidth((high: high, low: low))
                let actual = DecimalRadix.divide(high, low)
                #expect(actual.quotient == expected.quotient && actual.remainder == expected.remainder, "\(high):\(low)")
            }
        }
    }

    @Test func kroneckerProductsEqualSchoolbookProducts() {
        var generator = SeededGenerator(seed: 42)
        var sizes = Array(1...80)
        for threshold in [decimalKroneckerThreshold, decimalTransformThreshold] { sizes += [threshold - 1, threshold, threshold + 1] }
        sizes += (0..<12).map { _ in Int.random(in: 80...3_000, using: &generator) }
        for size in sizes {
            let a = Self.randomLimbs(size, using: &generator)
            let (slow, fast) = Self.products(a, a)
            #expect(slow == fast, "square of \(size) limbs")
            let otherSize = Int.random(in: 1...(2 * size), using: &generator)
            let b = Self.randomLimbs(otherSize, using: &generator)
            let (slowProduct, fastProduct) = Self.products(a, b)
            #expect(slowProduct == fastProduct, "\(size) × \(otherSize) limbs")
        }
    }

    @Test func allNinesZerosAndSingleLimbsCarryExactly() {
        let nines = DecimalUInt.radix - 1
        for size in [1, 2, 23, 24, 25, 100, 1_000, 4_000] {
            let allNines = [UInt64](repeating: nines, count: size)
            let (slow, fast) = Self.products(allNines, allNines)
            #expect(slow == fast, "all nines, \(size) limbs")
            // (10^(19n) - 1)^2 = 10^(38n) - 2·10^(19n) + 1: limbs 1, 0..., 10^19 - 2, nines...
            #expect(fast == [1] + [UInt64](repeating: 0, count: size - 1) + [nines - 1] + [UInt64](repeating: nines, count: size - 1))
            let zeros = [UInt64](repeating: 0, count: size - 1) + [1]  // 10^(19(n-1))
            #expect(Self.products(zeros, allNines).workspace == [UInt64](repeating: 0, count: size - 1) + allNines + [0])
            #expect(Self.products([7], allNines) == Self.products(allNines, [7]))
        }
    }

    /// Products at two points subtract the odd-indexed limbs' packing from the even-indexed ones' or
    /// the reverse, whichever is larger, and take A(-2^v)·B(-2^v)'s sign from both: values with either
    /// half zero or dominant, and equal halves, squared and multiplied by each other.
    @Test func productsAtTwoPointsWithEitherHalfLarger() {
        let nines = DecimalUInt.radix - 1
        var generator = SeededGenerator(seed: 11)
        for size in [24, 25, 26, 27, 100, 101, 1_001, 4_000, 4_001] {
            let evensOnly = (0..<size).map { $0 & 1 == 0 ? nines : 0 }
            let oddsOnly = (0..<size).map { $0 & 1 == 1 ? nines : 1 }
            let lowEvens = (0..<size).map { $0 & 1 == 0 ? UInt64.random(in: 0..<10, using: &generator) : nines }
            let sameHalves = (0..<size).map { UInt64($0 / 2 + 1) }
            let values = [evensOnly, oddsOnly, lowEvens, sameHalves]
            for (index, limbs) in values.enumerated() {
                let (slow, fast) = Self.products(limbs, limbs)
                #expect(slow == fast, "square of \(size) limbs")
                let other = values[(index + 1) % values.count].dropLast(index)  // other sizes too
                let (slowProduct, fastProduct) = Self.products(limbs, Array(other))
                #expect(slowProduct == fastProduct, "\(size) × \(other.count) limbs")
            }
        }
    }

    @Test func productsAtLargeSizes() {
        // Through BigInt (GMP): schoolbook would be too slow here. Sizes on both sides of a transform
        // length (2^17 columns, then 3·2^16).
        var generator = SeededGenerator(seed: 7)
        for size in [20_000, 65_536, 65_537, 100_000] {
            let a = DecimalUInt(limbs: Self.randomLimbs(size, using: &generator))!
            let b = DecimalUInt(limbs: Self.randomLimbs(size / 3, using: &generator))!
            let (square, product) = (BigInt(a).squared(), BigInt(a) * BigInt(b))
            #expect(BigInt(a.squared()) == square)
            #expect(BigInt(a * b) == product)
            for usesTransforms in Self.productPaths {
                let workspace = DecimalProductWorkspace()
                workspace.usesTransforms = usesTransforms
                let (limbs, capacity) = a.limbs.withUnsafeBufferPointer { a in
                    workspace.productInOwnBuffer(a.baseAddress!, a.count, a.baseAddress!, a.count, concurrently: true)
                }
                let limbsArray = Array(UnsafeBufferPointer(start: limbs, count: 2 * size))
                LimbMemory.free(limbs, count: capacity)
                #expect(BigInt(DecimalUInt(limbs: limbsArray)!) == square, "\(size) limbs squared, transforms \(usesTransforms)")
            }
        }
    }

    /// Each instruction set this processor runs the transforms with (AVX2 as well on an AVX-512
    /// machine) against the schoolbook: random limbs and all nines, lengths 2^k and 3·2^k.
    @Test func transformsAgreeOnEveryInstructionSet() {
        defer { decimal_ntt_use_instruction_set(0) }
        let nines = DecimalUInt.radix - 1
        var generator = SeededGenerator(seed: 5)
        for index in 0..<decimal_ntt_instruction_set_count() {
            decimal_ntt_use_instruction_set(index)
            let name = String(cString: decimal_ntt_instruction_set_name(index))
            for size in [decimalTransformThreshold, 200, 257, 1_000, 1_537, 3_000] {
                let a = Self.randomLimbs(size, using: &generator)
                let b = Self.randomLimbs(Int.random(in: decimalTransformThreshold...(2 * size), using: &generator), using: &generator)
                let allNines = [UInt64](repeating: nines, count: size)
                for (x, y) in [(a, a), (a, b), (allNines, allNines)] {
                    let (slow, fast) = Self.products(x, y)
                    #expect(slow == fast, "\(name): \(x.count) × \(y.count) limbs")
                }
            }
        }
    }

    /// A square of a million limbs of nines, every column sum at its largest for that size (up to
    /// 10^6·(10^19 - 1)^2, about 2^146), against its closed form 10^(38n) - 2·10^(19n) + 1.
    @Test func aMillionLimbsOfNinesSquared() {
        let nines = DecimalUInt.radix - 1, size = 1_000_000
        let square = DecimalUInt(limbs: [UInt64](repeating: nines, count: size))!.squared().limbs
        #expect(square.count == 2 * size && square[0] == 1 && square[size] == nines - 1)
        #expect(square[1..<size].allSatisfy { $0 == 0 } && square[(size + 1)...].allSatisfy { $0 == nines })
    }

    /// Products whose shorter operand passes the transforms' limb bound go in pieces of it, each
    /// piece's product added in at its offset: the bound lowered to a few hundred limbs, so that the
    /// schoolbook can check them (squares, other sizes, all nines, a last piece shorter than the rest).
    @Test func productsInPiecesOfTheShorterOperand() {
        guard decimalTransformsAreSupported else { return }
        let nines = DecimalUInt.radix - 1
        var generator = SeededGenerator(seed: 13)
        for (size, otherSize, pieceLimbs) in [(1_000, 1_000, 200), (1_000, 700, 160), (2_001, 1_999, 500), (900, 3_000, 300)] {
            let a = Self.randomLimbs(size, using: &generator), b = Self.randomLimbs(otherSize, using: &generator)
            let allNines = [UInt64](repeating: nines, count: size)
            for (x, y) in [(a, a), (a, b), (allNines, allNines), (allNines, b)] {
                let (slow, fast) = Self.products(x, y, transformPieceLimbs: pieceLimbs)
                #expect(slow == fast, "\(x.count) × \(y.count) limbs in pieces of \(pieceLimbs)")
            }
        }
    }

    /// The Chinese remainder step and the carries at the largest column sums the length function
    /// admits, 13,999,999·(10^19 - 1)^2, and at p0·p1·p2 - 1 (the most it can give back), from
    /// residues made up as the inverse transforms leave them (length·c mod p_i), for a length 2^k and
    /// a length 3·2^k: the limbs must be Σ c_k·10^(19k).
    @Test func columnSumsUpToThePrimesProductComeBackExactly() {
        guard decimalTransformsAreSupported else { return }
        let primes: [BigInt] = [1_125_897_625_141_249, 1_125_896_819_834_881, 1_125_892_793_303_041]
        let radix = BigInt(DecimalUInt.radix)
        let largest = BigInt(13_999_999) * (radix - 1) * (radix - 1)
        let most = primes.reduce(1, *) - 1
        // Two zero columns at the end take the last carries (below 2^88), as a product's top ones do.
        let columnLists: [[BigInt]] = [[largest, largest, largest, 0, 0], [most, 0, 0], [0, most, 1, primes[0], 0, 0],
                                       [primes[0] * primes[1], largest - 1, 0, 0]]
        for length in [8, 24] {
            for columns in columnLists {
                let count = columns.count
                let residues = (0..<3).map { i in
                    (0..<length).map { k in k < count ? Double((columns[k] * BigInt(length)).reduced(modulo: primes[i]).description)! : 0 }
                }
                var (second, third) = (residues[1], residues[2])
                var limbs = [UInt64](repeating: 0, count: count + 1)
                decimal_ntt_first_digits(&limbs, residues[0], count, length)
                decimal_ntt_combine(&limbs, count, &second, &third, length)
                let expected = columns.reversed().reduce(BigInt(0)) { $0 * radix + $1 }
                #expect(BigInt(DecimalUInt(limbs: limbs)!) == expected, "length \(length), columns \(columns)")
            }
        }
    }

    /// The transforms take a product only while its column sums stay below the three primes' product
    /// (about 2^150): min(na, nb)·(10^19 - 1)^2 < p0·p1·p2 holds up to 14,000,000 limbs.
    @Test func transformLengthsAndTheirLimit() {
        #expect(decimal_ntt_length(1, 1) == 8)
        #expect(decimal_ntt_length(24, 24) == 48, "3·2^4 >= 47 columns")
        #expect(decimal_ntt_length(33, 33) == 96, "3·2^5 >= 65 columns")
        #expect(decimal_ntt_length(65_536, 65_537) == 131_072)
        #expect(decimal_ntt_length(65_537, 65_537) == 196_608, "3·2^16 rather than 2^18")
        #expect(decimal_ntt_length(13_999_999, 13_999_999) == 1 << 25)
        #expect(decimal_ntt_length(14_000_000, 14_000_000) == 0)
        #expect(decimal_ntt_length(14_000_000, 100) == 1 << 24, "the shorter operand bounds the columns")
        #expect(decimal_ntt_length(0, 5) == 0)
    }

    @Test func arithmeticAgreesWithBigInt() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<300 {
            let x = generator.nextBigInt(maxBits: 3_000).magnitude, y = generator.nextBigInt(maxBits: 3_000).magnitude
            let a = DecimalUInt(x), b = DecimalUInt(y)
            #expect(BigInt(a) == x)
            #expect(BigInt(a + b) == x + y)
            #expect(BigInt(a * b) == x * y)
            #expect(a.description == x.description)
            #expect(a.decimalDigitCount == x.decimalDigitCount)
            #expect((a < b) == (x < y) && (a == b) == (x == y))
            let (large, small) = x >= y ? (a, b) : (b, a)
            #expect(BigInt(large - small) == (x - y).magnitude)
            let word = UInt64.random(in: 0 ... .max, using: &generator)
            #expect(BigInt(a.multiplied(by: word)) == x * BigInt(word))
            var c = a
            c += b
            c -= b
            #expect(c == a, "add then subtract")
        }
    }

    @Test func parsingIsStrictAndRoundTrips() {
        #expect(DecimalUInt("") == nil && DecimalUInt("-1") == nil && DecimalUInt("+1") == nil && DecimalUInt("1 ") == nil)
        #expect(DecimalUInt("0")?.description == "0" && DecimalUInt("000")?.description == "0")
        #expect(DecimalUInt("0000000000000000000000000012")?.description == "12")
        for digits in [1, 18, 19, 20, 37, 38, 39, 1_000] {
            let text = "9" + String(repeating: "0", count: digits - 1)
            #expect(DecimalUInt(text)?.description == text)
            #expect(DecimalUInt(text)?.decimalDigitCount == digits)
        }
        #expect(DecimalUInt(limbs: [DecimalUInt.radix]) == nil)
        #expect(DecimalUInt(exactly: BigInt(-1)) == nil)
        #expect(DecimalUInt(UInt64.max).description == UInt64.max.description)
    }

    @Test func copiesDoNotShareMutations() {
        let a: DecimalUInt = 123_456_789
        var b = a
        b += 1
        #expect(a.description == "123456789" && b.description == "123456790")
    }
}
