import Testing
import TestSupport
@testable import Fibonacci

@Suite struct IdentityTests {
    static let randomIndices: [Int] = {
        var generator = SeededGenerator(seed: 41)
        return (0..<12).map { _ in Int.random(in: 100...400_000, using: &generator) } + [94, 95, 1_000_001]
    }()

    @Test(arguments: randomIndices)
    func cassini(n: Int) {
        // F(n-1) F(n+1) - F(n)^2 = (-1)^n
        let product = fibonacci(n - 1) * fibonacci(n + 1) - fibonacci(n).squared()
        #expect(product == (n % 2 == 0 ? 1 : -1))
    }

    @Test(arguments: randomIndices)
    func lucasIdentities(n: Int) {
        #expect(fibonacci(2 * n) == fibonacci(n) * lucas(n), "F(2n) = F(n) L(n)")
        #expect(lucas(n).squared() - 5 * fibonacci(n).squared() == (n % 2 == 0 ? 4 : -4), "L(n)^2 - 5F(n)^2 = 4(-1)^n")
    }

    @Test func gcdOfFibonacciNumbersIsFibonacciOfGcd() {
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<30 {
            let common = Int.random(in: 1...300, using: &generator)
            let m = common * Int.random(in: 1...300, using: &generator), n = common * Int.random(in: 1...300, using: &generator)
            #expect(gcd(fibonacci(m), fibonacci(n)) == fibonacci(Int(gcd(BigInt(m), BigInt(n)))), "gcd(F(\(m)), F(\(n)))")
        }
    }

    @Test func pairsAndSequences() {
        for n in [-50, -2, -1, 0, 1, 2, 93, 94, 95, 1_000, 123_457] {
            let pair = fibonacciPair(n)
            #expect(pair.previous == fibonacci(n - 1) && pair.current == fibonacci(n), "pair at \(n)")
        }
        for start in [-10, 0, 90, 5_000] {
            let terms = Array(FibonacciSequence(startingAt: start).prefix(40))
            #expect(terms == (start..<start + 40).map { fibonacci($0) }, "sequence from \(start)")
        }
    }

    @Test func publishedDigitCountsOfPowersOfTen() {
        let published = [1, 2, 21, 209, 2090, 20899, 208988, 2089877, 20898764]
        for (k, digits) in published.enumerated() {
            #expect(fibonacciDigitCount(Int(BigInt(10).power(k))) == digits, "digits of F(10^\(k))")
        }
        #expect(fibonacci(10_000_000).decimalDigitCount == 2089877)
    }

    @Test func digitCountMatchesTheComputedValueForEveryIndexUpTo100000() {
        // Walk F(n) by additions and the power of ten along with it.
        var (previous, current) = (BigInt(1), BigInt(0))  // F(-1), F(0)
        var nextPowerOfTen = BigInt(10), digits = 1
        for n in 0...100_000 {
            while current >= nextPowerOfTen { nextPowerOfTen *= 10; digits += 1 }
            if fibonacciDigitCount(n) != digits || fibonacciDigitCount(-n) != digits {
                Issue.record("digits of F(\(n)): \(fibonacciDigitCount(n)), expected \(digits)")
                return
            }
            previous += current
            swap(&previous, &current)
        }
    }

    @Test func digitCountForLargeIndices() {
        var generator = SeededGenerator(seed: 43)
        for _ in 0..<6 {
            let n = Int.random(in: 100_000...3_000_000, using: &generator)
            #expect(fibonacciDigitCount(n) == fibonacci(n).decimalDigitCount, "digits of F(\(n))")
        }
    }

    @Test func moduloAgreesWithTheBigIntResult() {
        var generator = SeededGenerator(seed: 44)
        for _ in 0..<300 {
            let n = Int.random(in: -20_000...20_000, using: &generator)
            let m = [UInt64.random(in: 1...1_000, using: &generator), UInt64.random(in: 1...UInt64.max, using: &generator),
                     UInt64.max, 1, 2, 1_000_000_007][Int.random(in: 0..<6, using: &generator)]
            var expected = fibonacci(n) % BigInt(m)
            if expected < 0 { expected += BigInt(m) }
            #expect(BigInt(fibonacci(n, modulo: m)) == expected, "F(\(n)) mod \(m)")
        }
        #expect(fibonacci(10_000_000_000, modulo: 1_000_000_007) == 815_449_418)
        #expect(fibonacci(Int.max, modulo: 1) == 0)
    }

    @Test func pisanoPeriods() {
        // OEIS A001175 for m = 1...24.
        let known: [UInt64] = [1, 3, 8, 6, 20, 24, 16, 12, 24, 60, 10, 24, 28, 48, 40, 24, 36, 24, 18, 60, 16, 30, 48, 24]
        for (index, period) in known.enumerated() {
            #expect(pisanoPeriod(UInt64(index + 1)) == period, "π(\(index + 1))")
        }
        // Against the definition, for more moduli: the first k > 0 with F(k) ≡ 0 and F(k+1) ≡ 1.
        for m in UInt64(25)...400 {
            var (a, b, k): (UInt64, UInt64, UInt64) = (0, 1, 0)
            repeat { (a, b) = (b, (a + b) % m); k += 1 } while !(a == 0 && b == 1)
            #expect(pisanoPeriod(m) == k, "π(\(m))")
        }
        #expect(pisanoPeriod(1_000_000_007) == 2_000_000_016)
        #expect(pisanoPeriod(10_000_000_000) == 15_000_000_000)
        let large: UInt64 = 1_000_000_000_000_000_003 // prime
        let period = pisanoPeriod(large)
        #expect(fibonacci(Int(period), modulo: large) == 0 && fibonacci(Int(period) + 1, modulo: large) == 1)
    }
}
