import Testing
import TestSupport
import BigNum
@testable import Fibonacci

/// F(n) and L(n) computed in base 10^19 against the binary values (GMP's), on every route.
@Suite struct DecimalDigitsTests {
    /// The index n at which F(n/2), the operand of the last squarings, first has `limbs` limbs.
    static func index(whereHalfHasLimbs limbs: Int) -> Int {
        2 * Int(Double(limbs * 19) / 0.20898764024997873)
    }

    @Test func everyIndexUpTo3000() {
        for n in 0...3_000 {
            let f = decimalFibonacci(n), l = decimalLucas(n)
            #expect(BigInt(f) == fibonacci(n, using: .gmp), "F(\(n))")
            #expect(BigInt(l) == lucas(n), "L(\(n))")
        }
    }

    @Test func randomIndicesUpToAMillionOnOneAndTwoThreads() {
        var generator = SeededGenerator(seed: 1_000_000)
        let indices = (0..<6).map { _ in Int.random(in: 3_000...1_000_000, using: &generator) }
        for n in indices + [999_999, 1_000_000] {
            let expected = fibonacci(n, using: .gmp).description
            #expect(decimalFibonacci(n).description == expected, "F(\(n)), one thread")
            #expect(decimalFibonacci(n, threads: 2).description == expected, "F(\(n)), two threads")
            let expectedLucas = lucas(n).description
            #expect(decimalLucas(n, threads: 2).description == expectedLucas, "L(\(n)), two threads")
        }
    }

    @Test func indicesAroundEachThreshold() {
        var indices: [Int] = []
        // Where F(n) passes the table (93), where the squarings pass the schoolbook threshold, the
        // two-thread threshold and the transforms' threshold (the last product passes it at half the
        // index), and where the default leaves GMP's route.
        let transforms = Self.index(whereHalfHasLimbs: decimalTransformThreshold)
        for center in [93, 94, Self.index(whereHalfHasLimbs: 24), Self.index(whereHalfHasLimbs: DigitRoute.parallelThresholdLimbs),
                       transforms / 2, transforms, DigitRoute.decimalThreshold] {
            indices += (center - 3)...(center + 3)
        }
        for n in indices {
            let expectedF = fibonacci(n, using: .gmp).description, expectedL = lucas(n).description
            for route in DigitRoute.allCases {
                #expect(fibonacciDigits(n, route: route) == expectedF, "F(\(n)) by \(route)")
                #expect(lucasDigits(n, route: route) == expectedL, "L(\(n)) by \(route)")
            }
        }
    }

    @Test func theLastProductOnTwoThreads() {
        // The last product on two threads (the transforms' two operands, or a square's primes, split
        // between them), from the two-thread threshold to large transforms, for every parity of n
        // and of k = n/2 (the four formulas of F and L).
        for limbs in [DigitRoute.parallelThresholdLimbs, 2_000, 20_000] {
            let center = Self.index(whereHalfHasLimbs: limbs)
            for n in center..<(center + 4) {
                let expected = fibonacci(n, using: .gmp)
                #expect(BigInt(decimalFibonacci(n, threads: 2)) == expected, "F(\(n)) on two threads")
                #expect(BigInt(decimalLucas(n, threads: 2)) == lucas(n), "L(\(n)) on two threads")
            }
        }
    }

    @Test func negativeIndicesFollowTheSignRules() {
        // Every index of the word-sized table (either sign), and beyond it.
        for n in Array(-95...0) + [-40_001, -40_002] {
            for route in DigitRoute.allCases {
                #expect(fibonacciDigits(n, route: route) == fibonacci(n).description, "F(\(n)) by \(route)")
                #expect(lucasDigits(n, route: route) == lucas(n).description, "L(\(n)) by \(route)")
            }
        }
        #expect(fibonacciDigits(-2) == "-1" && lucasDigits(-1) == "-1" && lucasDigits(-2) == "3")
    }

    @Test func consecutiveTermsAcrossZero() {
        for (start, count) in [(-30, 61), (0, 1), (-1, 1), (-5, 3), (93, 5), (-100_000, 3), (99_998, 4)] {
            let expected = FibonacciSequence(startingAt: start).prefix(count).map(\.description)
            #expect(fibonacciDigits(from: start, count: count) == expected, "from \(start), \(count) terms")
        }
        #expect(fibonacciDigits(from: 5, count: 0).isEmpty)
    }

    @Test func theCheckedVariantBoundsAndStops() throws {
        let (digits, route) = try sequenceUTF8Digits(.fibonacci, 100, maximumIndex: 1_000)
        #expect(String(decoding: digits, as: UTF8.self) == "354224848179261915075" && route == .gmp)
        #expect(throws: FibonacciError.indexTooLarge(index: 1_001, maximum: 1_000)) {
            try sequenceUTF8Digits(.lucas, 1_001, maximumIndex: 1_000)
        }
        #expect(throws: FibonacciError.cancelled) {
            try sequenceUTF8Digits(.fibonacci, 1_000_000, route: .decimalDoubling, maximumIndex: 10_000_000) { true }
        }
        #expect(DigitRoute.fastest(for: 10) == .gmp && DigitRoute.fastest(for: -19_999) == .gmp)
        // From the threshold on, either sign of n: two threads where a second core exists.
        let decimal: DigitRoute = HelperThread.isAvailable ? .parallelDecimalDoubling : .decimalDoubling
        for n in [20_000, -20_000, 330_000, 10_000_000] { #expect(DigitRoute.fastest(for: n) == decimal) }
    }
}
