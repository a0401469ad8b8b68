import Testing
import TestSupport
@testable import Fibonacci

/// Lucas sequences, residues for big indices and moduli, Pisano periods of big moduli, Zeckendorf
/// representations, Fibonacci recognition, and leading and trailing digits.
@Suite struct FamilyTests {
    // MARK: Lucas sequences

    static let coefficients: [BigInt] = [-20, -13, -7, -2, -1, 0, 1, 2, 3, 5, 11, 20]
    static let sampledIndices: [Int] = Array(0...12) + [31, 32, 33, 63, 64, 65, 100, 127, 128, 255, 256, 257, 380, 499, 500]

    @Test func lucasSequencesFollowTheirRecurrence() throws {
        for p in Self.coefficients {
            for q in Self.coefficients {
                // U_{n+1} = P U_n - Q U_{n-1}, V likewise, from (U_0, U_1) = (0, 1), (V_0, V_1) = (2, P).
                var (u, v) = ([BigInt(0), 1], [BigInt(2), p])
                while u.count <= 500 {
                    u.append(p * u[u.count - 1] - q * u[u.count - 2])
                    v.append(p * v[v.count - 1] - q * v[v.count - 2])
                }
                for n in Self.sampledIndices {
                    let (un, vn) = try lucasSequence(n, p: p, q: q)
                    #expect(un == u[n] && vn == v[n], "U, V at n = \(n), P = \(p), Q = \(q)")
                }
            }
        }
    }

    @Test func modularLucasSequencesFollowTheRecurrenceModuloM() throws {
        var generator = SeededGenerator(seed: 101)
        for _ in 0..<60 {
            let p = BigInt(Int.random(in: -20...20, using: &generator))
            let q = BigInt(Int.random(in: -20...20, using: &generator))
            let m = [BigInt(1), 2, 12, 1_000_000_007, BigInt(1) << 70, generator.nextBigInt(maxBits: 300).magnitude + 1]
                .randomElement(using: &generator)!
            var (u, v) = ((BigInt(0), BigInt(1)), (BigInt(2), p))
            for n in 0...300 {
                if n % 23 == 0 || n == 300 {
                    let result = try lucasSequence(BigInt(n), p: p, q: q, modulo: m)
                    #expect(result.u == u.0.reduced(modulo: m) && result.v == v.0.reduced(modulo: m),
                            "U, V mod \(m) at n = \(n), P = \(p), Q = \(q)")
                }
                u = (u.1, p * u.1 - q * u.0)
                v = (v.1, p * v.1 - q * v.0)
            }
        }
        // Coefficients as large as the modulus, and beyond it, take the other product order.
        let m = BigInt(10).power(40) + 9
        let (p, q) = (BigInt(10).power(39) + 12_345, -(BigInt(10).power(45) + 17))
        let exact = try lucasSequence(777, p: p, q: q)
        let reduced = try lucasSequence(777, p: p, q: q, modulo: m)
        #expect(reduced.u == exact.u.reduced(modulo: m) && reduced.v == exact.v.reduced(modulo: m))
    }

    @Test func fibonacciAndLucasAreTheCaseOneMinusOne() throws {
        for n in [0, 1, 2, 93, 94, 1_000, 4_097, 65_536, 100_001] {
            let (u, v) = try lucasSequence(n, p: 1, q: -1)
            #expect(u == fibonacci(n) && v == lucas(n), "F, L at \(n)")
        }
        // Pell numbers U_n(2, -1) and Mersenne numbers U_n(3, 2) = 2^n - 1, V_n(3, 2) = 2^n + 1.
        #expect(try lucasSequence(10, p: 2, q: -1).u == 2_378)
        #expect(try lucasSequence(200, p: 3, q: 2) == ((BigInt(1) << 200) - 1, (BigInt(1) << 200) + 1))
    }

    // MARK: Residues for any index and modulus

    @Test func residuesMatchTheReducedValue() throws {
        var generator = SeededGenerator(seed: 102)
        for _ in 0..<150 {
            let n = Int.random(in: -100_000...100_000, using: &generator) >> Int.random(in: 0...10, using: &generator)
            let m = [BigInt(1), 2, 10, 1_000_000_007, BigInt(1) << 64, (BigInt(1) << 64) + 1,
                     generator.nextBigInt(maxBits: 2_000).magnitude + 1].randomElement(using: &generator)!
            #expect(try fibonacci(BigInt(n), modulo: m) == fibonacci(n).reduced(modulo: m), "F(\(n)) mod \(m)")
            #expect(try lucas(BigInt(n), modulo: m) == lucas(n).reduced(modulo: m), "L(\(n)) mod \(m)")
        }
        // The 64-bit fast path and the general one agree.
        for n in [0, 1, 2, 1_000, 10_000_000_000, Int.max, -7, -8] {
            for m: UInt64 in [1, 2, 1_000_000_007, .max] {
                #expect(try fibonacci(BigInt(n), modulo: BigInt(m)) == BigInt(fibonacci(n, modulo: m)), "F(\(n)) mod \(m)")
            }
        }
    }

    @Test func hugeIndicesSatisfyTheDoublingIdentityAndThePisanoReduction() throws {
        var generator = SeededGenerator(seed: 103)
        for _ in 0..<12 {
            let n = generator.nextBigInt(maxBits: 3_400).magnitude
            let m = generator.nextBigInt(maxBits: 3_400).magnitude + 1
            // F(2n) = F(n) L(n) and L(2n) = L(n)² - 2(-1)^n.
            let (f, l) = (try fibonacci(n, modulo: m), try lucas(n, modulo: m))
            #expect(try fibonacci(2 * n, modulo: m) == (f * l).reduced(modulo: m))
            #expect(try lucas(2 * n, modulo: m) == (l.squared() - (n.bit(at: 0) ? -2 : 2)).reduced(modulo: m))
            // π(10^k) = 15·10^(k-1) for k >= 3.
            let k = Int.random(in: 3...40, using: &generator)
            let power = BigInt(10).power(k)
            let period = 15 * BigInt(10).power(k - 1)
            #expect(try fibonacci(n, modulo: power) == (try fibonacci(n.reduced(modulo: period), modulo: power)))
            #expect(try fibonacci(-n, modulo: power) == (try fibonacci((-n).reduced(modulo: period), modulo: power)))
        }
    }

    // MARK: Pisano periods of big moduli

    @Test func bigPisanoPeriodsAgreeWithTheirPrimePowerParts() throws {
        // Every 64-bit modulus: the same answer as the 64-bit function.
        for m: UInt64 in [1, 2, 10, 1_000_000_007, 10_000_000_000, 1 << 60] {
            #expect(try pisanoPeriod(BigInt(m)) == BigInt(pisanoPeriod(m)))
        }
        // Beyond 2^60: π(ab) = lcm(π(a), π(b)) for coprime a, b.
        let parts: [UInt64] = [1_000_000_007, 998_244_353, 1_000_000_000_000_000_003, 1 << 40, 5 * 5 * 5 * 7 * 7]
        let m = parts.reduce(BigInt(1)) { $0 * BigInt($1) }
        let expected = parts.reduce(BigInt(1)) { lcm($0, BigInt(pisanoPeriod($1))) }
        #expect(try pisanoPeriod(m) == expected)
        // 10^30: 15·10^29.
        #expect(try pisanoPeriod(BigInt(10).power(30)) == 15 * BigInt(10).power(29))
        // A prime above 2^64 (2^89 - 1): the answer is a period and no prime factor can be removed.
        let prime = (BigInt(1) << 89) - 1
        let period = try pisanoPeriod(prime)
        #expect(try fibonacci(period, modulo: prime) == 0 && (try fibonacci(period + 1, modulo: prime)) == 1)
        var factoring = BoundedFactoring(effort: 1_000_000)
        for (factor, _) in try factoring.factorization(of: period) {
            let smaller = period / factor
            #expect(!(try fibonacci(smaller, modulo: prime) == 0 && (try fibonacci(smaller + 1, modulo: prime)) == 1))
        }
    }

    @Test func factoringBeyondTheEffortThrows() {
        let prime: BigInt = 2_305_843_009_213_693_951  // 2^61 - 1
        #expect(throws: FibonacciFamilyError.factorizationBeyondEffort(value: prime * prime, iterations: 50)) {
            try pisanoPeriod(prime * prime, factoringEffort: 50)
        }
        #expect(throws: FibonacciFamilyError.modulusNotPositive(0)) { try pisanoPeriod(BigInt(0)) }
    }

    // MARK: Zeckendorf

    /// The greedy algorithm by a walk down the sequence: the reference.
    static func greedyZeckendorf(_ x: BigInt) -> [Int] {
        var (k, current, previous) = (1, BigInt(1), BigInt(0))  // F(1), F(0)
        while current <= x { (k, current, previous) = (k + 1, current + previous, current) }
        var (remaining, indices) = (x, [Int]())
        while k >= 2 {
            // (current, previous) = (F(k), F(k - 1))
            if current <= remaining { remaining -= current; indices.append(k) }
            (k, current, previous) = (k - 1, previous, current - previous)
        }
        return indices
    }

    static func isZeckendorf(_ indices: [Int]) -> Bool {
        indices.allSatisfy { $0 >= 2 } && zip(indices, indices.dropFirst()).allSatisfy { $0 - $1 >= 2 }
    }

    @Test func zeckendorfMatchesTheGreedyWalk() throws {
        #expect(try zeckendorfRepresentation(of: 0) == [])
        #expect(try zeckendorfRepresentation(of: 100) == [11, 6, 4])
        var generator = SeededGenerator(seed: 104)
        let values = (0..<200).map { _ in generator.nextBigInt(maxBits: 3_000).magnitude }
            + (1...300).map { BigInt($0) } + [fibonacci(2_000), fibonacci(2_000) - 1, fibonacci(2_001) - 1, fibonacci(1_500) + fibonacci(1_498)]
        for x in values {
            #expect(try zeckendorfRepresentation(of: x) == Self.greedyZeckendorf(x), "Zeckendorf of \(x)")
        }
    }

    @Test func zeckendorfRoundTripsForLargeValues() throws {
        var generator = SeededGenerator(seed: 105)
        var values = (0..<6).map { _ in generator.nextBigInt(maxBits: 40_000).magnitude }
        values.append(BigInt(10).power(100_000) - 1)  // 100,000 digits
        values.append(generator.nextBigInt(maxBits: 330_000).magnitude | (BigInt(1) << 330_000))
        values.append(fibonacci(300_000) - 1)  // the longest representation for its size
        for x in values {
            let indices = try zeckendorfRepresentation(of: x)
            #expect(Self.isZeckendorf(indices), "representation of a \(x.magnitudeBitWidth)-bit value")
            #expect(try zeckendorfValue(indices) == x, "round trip of a \(x.magnitudeBitWidth)-bit value")
        }
        // The inverse takes any indices, in any order, repeated.
        #expect(try zeckendorfValue([5, 0, 1, 5, 2, 30_000]) == 5 + 0 + 1 + 5 + 1 + fibonacci(30_000))
        #expect(try zeckendorfValue([]) == 0)
    }

    /// Values whose high parts make ties for pred (c/φ within 2^-64 of an integer): runs
    /// F(j) + F(j + 2) + ... down to F(2) or F(3), as in F(k) - 1, left open and read off the high
    /// half's indices below the top node, settled by the norm at the top node; on both sides of the
    /// sizes from which the top node is planned and split on two threads.
    @Test func zeckendorfOfValuesWithLongRuns() throws {
        var generator = SeededGenerator(seed: 106)
        let (planned, parallel) = (ZeckendorfConversion.plannedIndexBound, ZeckendorfConversion.parallelIndexBound)
        var bounds: [Int] = []
        for top in [3_001, 3_002, planned - 3, planned + 3, parallel - 3, parallel + 2, 300_001] {
            var runs: [Int] = []
            var k = top
            while k >= 2 {
                runs.append(k)
                k -= generator.next() % 8 == 0 ? 3 + Int(generator.next() % 30) : 2
            }
            for indices in [Array(stride(from: top, through: 2, by: -2)), runs] {
                let x = try zeckendorfValue(indices)
                bounds.append(fibonacciIndexBound(bits: x.magnitudeBitWidth))
                #expect(try zeckendorfRepresentation(of: x) == indices, "runs from \(top)")
                for y in [x - 1, x + 1, x + 2] {
                    let found = try zeckendorfRepresentation(of: y)
                    #expect(Self.isZeckendorf(found), "runs from \(top), \(y - x) more")
                    #expect(try zeckendorfValue(found) == y, "runs from \(top), \(y - x) more")
                }
            }
        }
        #expect(bounds.contains { $0 < planned } && bounds.contains { $0 >= planned && $0 < parallel } && bounds.contains { $0 >= parallel })
    }

    /// pred(F(m + 1) - 1) = ⌊F(m + 1)/φ⌋ is F(m) for even m and F(m) - 1 for odd m, with c/φ within
    /// φ^-(m+1) of F(m): a tie for odd m, settled exactly; and 2^(q+1)/φ from F(h - 1)/F(h) agrees
    /// with the square root's.
    @Test func zeckendorfPredecessorSumsSettleTies() {
        for m in [300, 301, 2_000, 2_001] {
            let c = fibonacci(m + 1)
            let q = c.magnitudeBitWidth + 70
            let w = (BigInt(5) << (2 * q)).squareRoot() - (BigInt(1) << q)
            let sum = PredecessorSum(c, precision: q, w: w)
            if !m.isMultiple(of: 2) { #expect(sum.candidate(c: c, product: sum.product).isTie, "m = \(m)") }
            #expect(sum.value(c: c, product: sum.product) == fibonacci(m) - (m.isMultiple(of: 2) ? 0 : 1), "m = \(m)")
            for h in [m, m + 1] {
                let ratio = ZeckendorfConversion.inverseGolden(precision: q, from: fibonacciPair(h), index: h)
                #expect(ratio == w || ratio == w - 1, "2^(q+1)/φ from F(\(h))")
            }
        }
    }

    /// Products modulo B^n - 1 (the remainders and the ties' norms) against the whole product reduced.
    @Test func zeckendorfWrappedProductsMatchTheReducedProduct() {
        var generator = SeededGenerator(seed: 107)
        for limbs in [1, 5, 64, 300, 2_000] {
            let n = BigInt.wrappedProductSize(atLeast: limbs)
            let modulus = (BigInt(1) << (64 * n)) - 1
            for bits in [1, 64 * n / 3, 64 * n - 1, 64 * n, 64 * n + 100, 3 * 64 * n] {
                let (a, b) = (generator.nextBigInt(maxBits: bits).magnitude, generator.nextBigInt(maxBits: 64 * n).magnitude)
                #expect(a.wrappedProduct(b, limbs: n) == (a * b) % modulus, "\(bits) bits modulo B^\(n) - 1")
            }
            #expect(modulus.wrapped(limbs: n) == 0 && modulus.wrappedProduct(modulus - 5, limbs: n) == 0)
        }
    }

    @Test func zeckendorfErrors() {
        #expect(throws: FibonacciFamilyError.negativeValue(-1)) { try zeckendorfRepresentation(of: -1) }
        #expect(throws: FibonacciFamilyError.negativeIndex(-3)) { try zeckendorfValue([4, -3]) }
        let maximum = FibonacciLimits.maximumIndex - 64
        #expect(throws: FibonacciFamilyError.indexTooLarge(index: BigInt(maximum + 1), maximum: BigInt(maximum))) {
            try zeckendorfValue([maximum + 1])
        }
    }

    // MARK: Recognizing Fibonacci numbers

    @Test func fibonacciNumbersAreRecognized() {
        #expect(fibonacciIndex(of: 0) == 0 && fibonacciIndex(of: 1) == 1 && fibonacciIndex(of: 2) == 3)
        #expect(fibonacciIndex(of: 4) == nil && fibonacciIndex(of: -1) == nil && !isFibonacci(-3))
        var generator = SeededGenerator(seed: 106)
        let indices = Array(3...200) + (0..<150).map { _ in Int.random(in: 200...12_000, using: &generator) } + [93, 94, 95, 96, 100_000]
        for k in indices {
            let value = fibonacci(k)
            #expect(fibonacciIndex(of: value) == k, "index of F(\(k))")
            if k >= 5 {
                #expect(!isFibonacci(value + 1) && !isFibonacci(value - 1), "F(\(k)) ± 1")
            }
        }
    }

    // MARK: Leading and trailing digits

    @Test func leadingAndTrailingDigitsOfSmallIndicesAreTheDigitsOfTheValue() throws {
        for n in 0...2_000 {
            let digits = String(fibonacci(n))
            let count = n % 7 == 0 ? 1_000 : 1 + n % 37
            #expect(try fibonacciLeadingDigits(n, count: count) == String(digits.prefix(count)), "leading digits of F(\(n))")
            let trailing = digits.count < count ? digits
                : String(repeating: "0", count: max(0, count - digits.count)) + String(digits.suffix(count))
            #expect(try fibonacciTrailingDigits(n, count: count) == trailing, "trailing digits of F(\(n))")
        }
        #expect(try fibonacciTrailingDigits(15, count: 3) == "610" && (try fibonacciTrailingDigits(75, count: 3)) == "050")
    }

    @Test func leadingDigitsOfLargeIndicesMatchTheValue() throws {
        var generator = SeededGenerator(seed: 107)
        let indices = (0..<16).map { _ in Int.random(in: 20_001...1_000_000, using: &generator) } + [20_001, 20_002]
        for n in indices {
            let digits = String(fibonacci(n))
            for count in [1, 17, 1_000] {
                #expect(try fibonacciLeadingDigits(n, count: count) == String(digits.prefix(count)), "F(\(n)), \(count) digits")
            }
            #expect(try fibonacciDecimalDigitCount(n) == digits.count)
            let part = leadingPart(ofFibonacci: n, keeping: 1)
            #expect(part.droppedDigits + part.part.decimalDigitCount == digits.count)
        }
    }

    @Test func leadingDigitsBeforeRunsOfNinesAndZeros() throws {
        // Indices whose digits after the k-th start with 9999 or 0000, found on the exact values.
        var found = 0
        for n in 20_001...20_400 {
            let digits = Array(String(fibonacci(n)).utf8)
            for run in [Array("9999".utf8), Array("0000".utf8)] {
                guard let k = (1...996).first(where: { Array(digits[$0..<$0 + 4]) == run }) else { continue }
                found += 1
                let expected = String(decoding: digits[..<k], as: UTF8.self)
                #expect(try fibonacciLeadingDigits(n, count: k) == expected, "F(\(n)), \(k) digits before \(run)")
                // From a precision far too low, the retries reach the same digits.
                let part = leadingPart(ofFibonacci: n, keeping: k, startingPrecision: 16)
                #expect(String(String(part.part).prefix(k)) == expected, "F(\(n)) from 16 bits")
            }
        }
        #expect(found >= 40)
    }

    @Test func digitsOfTheLargestIndices() throws {
        let n = fibonacciDigitsIndexLimit
        // ⌊10^18 log₁₀φ - log₁₀√5⌋ + 1, log₁₀φ = 0.20898764024997873376927...
        #expect(try fibonacciDecimalDigitCount(n) == 208_987_640_249_978_734)
        let long = try fibonacciLeadingDigits(n, count: 1_000)
        #expect(long.count == 1_000)
        #expect(try fibonacciLeadingDigits(n, count: 100) == String(long.prefix(100)))
        #expect(try fibonacciTrailingDigits(n, count: 19) == String(fibonacci(n, modulo: 10_000_000_000_000_000_000)).leftPadded(to: 19))
        #expect(try fibonacciDecimalDigitCount(-n) == (try fibonacciDecimalDigitCount(n)))
        // Just beyond FibonacciLimits.maximumIndex the interval route continues the Double one.
        let limit = FibonacciLimits.maximumIndex
        let beyondLimit = try fibonacciDecimalDigitCount(limit + 1)
        #expect(beyondLimit - fibonacciDigitCount(limit) <= 1)
    }

    // MARK: Errors

    @Test func errorsNameTheirCause() {
        #expect(throws: FibonacciFamilyError.modulusNotPositive(0)) { try fibonacci(BigInt(5), modulo: 0) }
        #expect(throws: FibonacciFamilyError.modulusNotPositive(-7)) { try lucas(BigInt(5), modulo: -7) }
        #expect(throws: FibonacciFamilyError.modulusNotPositive(0)) { try lucasSequence(BigInt(5), p: 1, q: -1, modulo: 0) }
        #expect(throws: FibonacciFamilyError.negativeIndex(-1)) { try lucasSequence(BigInt(-1), p: 1, q: -1, modulo: 7) }
        #expect(throws: FibonacciFamilyError.negativeIndex(-1)) { try lucasSequence(-1, p: 1, q: -1) }
        #expect(throws: FibonacciFamilyError.negativeIndex(-1)) { try fibonacciLeadingDigits(-1, count: 3) }
        #expect(throws: FibonacciFamilyError.countOutOfRange(count: 0, range: 1...1_000)) { try fibonacciTrailingDigits(5, count: 0) }
        #expect(throws: FibonacciFamilyError.countOutOfRange(count: 1_001, range: 1...1_000)) { try fibonacciLeadingDigits(5, count: 1_001) }
        let beyond = BigInt(fibonacciDigitsIndexLimit) + 1
        #expect(throws: FibonacciFamilyError.indexTooLarge(index: beyond, maximum: BigInt(fibonacciDigitsIndexLimit))) {
            try fibonacciLeadingDigits(fibonacciDigitsIndexLimit + 1, count: 3)
        }
        #expect(throws: FibonacciFamilyError.self) { try lucasSequence(Int.max, p: 1, q: -1) }
        do {
            _ = try lucasSequence(1 << 40, p: 3, q: 2)
            Issue.record("an exact U_n of 2^40 bits should not be attempted")
        } catch {
            guard case let .resultTooLarge(estimated, maximum) = error else { Issue.record("\(error)"); return }
            #expect(estimated > maximum && maximum == LucasSequenceLimits.maximumResultBits)
            #expect(error.description.contains("bits"))
        }
        #expect(FibonacciFamilyError.modulusNotPositive(BigInt(10).power(60)).description.contains("(61 digits)"))
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        String(repeating: "0", count: max(0, length - count)) + self
    }
}
