import CGMP
import Testing
import TestSupport
@_spi(Benchmarks) @testable import Fibonacci

/// GMP's mpz_fib_ui, with F(-n) = (-1)^(n+1) F(n): the reference every strategy must match.
func referenceFibonacci(_ n: Int) -> BigInt {
    let magnitude = BigInt { __gmpz_fib_ui($0, n.magnitude) }
    return n < 0 && n % 2 == 0 ? -magnitude : magnitude
}


@Suite struct StrategyAgreementTests {
    @Test func smallTableMatchesGMP() {
        for n in 0...93 { #expect(BigInt(smallFibonacci[n]) == referenceFibonacci(n), "F(\(n))") }
        #expect(referenceFibonacci(94) > BigInt(UInt64.max), "F(94) does not fit a UInt64")
    }

    @Test(arguments: FibonacciStrategy.allCases)
    func everyStrategyAgreesOnEveryIndexFromMinus300To3000(strategy: FibonacciStrategy) {
        for n in -300...3000 {
            #expect(fibonacci(n, using: strategy) == referenceFibonacci(n), "F(\(n)) by \(strategy)")
        }
    }

    @Test(arguments: FibonacciStrategy.allCases)
    func everyStrategyAgreesOnRandomLargeIndices(strategy: FibonacciStrategy) {
        var generator = SeededGenerator(seed: 31 &+ UInt64(strategy.rawValue.utf8.count))
        let maximum = strategy == .iterative ? 100_000 : 1_000_000
        let count = strategy == .iterative ? 6 : 25
        for _ in 0..<count {
            let n = Int.random(in: -maximum...maximum, using: &generator)
            #expect(fibonacci(n, using: strategy) == referenceFibonacci(n), "F(\(n)) by \(strategy)")
        }
    }

    @Test func doublingStrategiesAgreeWithGMPUpTo10Million() {
        // Around the parallel threshold, at the bit patterns that take each branch, and at 10^7.
        var indices = [10_000_000, 9_999_999, (1 << 23) - 1, 1 << 23, 4_000_001, 1_234_567]
        let threshold = FibonacciStrategy.parallelThresholdLimbs * 64 * 2 * 10_000 / 6942
        indices += [threshold - 1, threshold, threshold + 1, 2 * threshold + 1]
        for n in indices {
            let expected = referenceFibonacci(n)
            #expect(fibonacci(n, using: .fastDoubling) == expected, "F(\(n)) fast doubling")
            #expect(fibonacci(n, using: .parallelFastDoubling) == expected, "F(\(n)) parallel")
        }
        #expect(fibonacci(3_000_000, using: .matrix) == referenceFibonacci(3_000_000))
        #expect(fibonacci(2_000_001) == referenceFibonacci(2_000_001), "the default strategy")
    }

    @Test func negativeIndicesAlternateInSign() {
        for n in 1...200 {
            let sign: BigInt = n % 2 == 1 ? 1 : -1
            #expect(fibonacci(-n) == sign * fibonacci(n), "F(-\(n)) = (-1)^(n+1) F(n)")
            #expect(lucas(-n) == (n % 2 == 0 ? 1 : -1) * lucas(n), "L(-\(n)) = (-1)^n L(n)")
        }
        #expect(fibonacci(0) == 0 && fibonacci(-1) == 1 && fibonacci(-2) == -1 && fibonacci(-6) == -8)
        #expect(lucas(0) == 2 && lucas(1) == 1 && lucas(-1) == -1 && lucas(10) == 123)
    }
}

@Suite struct TextbookDoublingTests {
    @Test func textbookDoublingAgreesWithGMP() {
        for n in Array(0...500) + [1_000, 65_535, 65_536, 123_457, 1_000_000] {
            let matches = textbookFastDoubling(UInt(n)) == referenceFibonacci(n)
            #expect(matches, "F(\(n))")
        }
    }
}
