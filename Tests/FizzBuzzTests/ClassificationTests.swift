import BigNum
import Testing
import TestSupport
@testable import FizzBuzz

/// The textbook definition, written the long way round.
func referenceFizzBuzz(_ n: BigInt) -> String {
    let byThree = n % 3 == 0, byFive = n % 5 == 0
    return byThree && byFive ? "FizzBuzz" : byThree ? "Fizz" : byFive ? "Buzz" : n.description
}


@Suite struct ClassificationTests {
    @Test func intsFromMinus10000To10000() {
        for n in -10_000...10_000 {
            let expected = referenceFizzBuzz(BigInt(n))
            #expect(fizzBuzz(n).description == expected, "\(n)")
            #expect(fizzBuzz(BigInt(n)).description == expected, "BigInt(\(n))")
        }
        #expect(fizzBuzz(15) == .fizzBuzz && fizzBuzz(9) == .fizz && fizzBuzz(10) == .buzz && fizzBuzz(7) == .number(7))
        #expect(fizzBuzz(0) == .fizzBuzz && fizzBuzz(-3) == .fizz)
        #expect(fizzBuzz(Int.min).description == referenceFizzBuzz(BigInt(Int.min)))
        #expect(fizzBuzz(UInt8(255)) == .fizzBuzz && fizzBuzz(Int8(-128)) == .number(-128))
    }

    @Test func hugeBigInts() {
        var generator = SeededGenerator(seed: 61)
        for _ in 0..<2_000 {
            let bits = Int.random(in: 64...5_000, using: &generator)
            var value = BigInt(0)
            for _ in 0..<(bits / 64 + 1) { value = (value << 64) | BigInt(generator.next()) }
            value += BigInt(Int.random(in: 0..<15, using: &generator))
            if Bool.random(using: &generator) { value.negate() }
            #expect(fizzBuzz(value).description == referenceFizzBuzz(value))
        }
        let huge = BigInt(10).power(100_000) * 15
        #expect(fizzBuzz(huge) == .fizzBuzz && fizzBuzz(huge + 1) == .number(huge + 1))
    }

    @Test func customRulesConcatenateInOrder() throws {
        let rules = try FizzBuzzRules([(3, "Fizz"), (5, "Buzz"), (7, "Bazz")])
        #expect(rules.classify(105) == "FizzBuzzBazz" && rules.classify(21) == "FizzBazz" && rules.classify(11) == "11")
        #expect(rules.classify(BigInt(105) * BigInt(10).power(50)) == "FizzBuzzBazz")
        let reversed = try FizzBuzzRules([(5, "Buzz"), (3, "Fizz")])
        #expect(reversed.classify(15) == "BuzzFizz", "words follow the order of the rules")
        #expect(try FizzBuzzRules([]).classify(15) == "15")
        #expect(FizzBuzzRules.classic.classify(30) == "FizzBuzz" && FizzBuzzRules.classic.classify(-9) == "Fizz")
        let large = try FizzBuzzRules([(1_000, "Kilo")])
        #expect(large.classify(Int8(100)) == "100" && large.classify(Int8(0)) == "Kilo", "a divisor beyond the type divides only 0")
        for n in -2_000...2_000 {
            #expect(FizzBuzzRules.classic.classify(n) == fizzBuzz(n).description)
        }
    }

    @Test func invalidRulesAreRejectedWhenMade() {
        #expect(throws: FizzBuzzRules.RuleError.divisorNotPositive(index: 1, divisor: 0)) {
            try FizzBuzzRules([(3, "Fizz"), (0, "Zero")])
        }
        #expect(throws: FizzBuzzRules.RuleError.divisorNotPositive(index: 0, divisor: -3)) { try FizzBuzzRules([(-3, "Fizz")]) }
        #expect(throws: FizzBuzzRules.RuleError.emptyWord(index: 0)) { try FizzBuzzRules([(3, "")]) }
        #expect(FizzBuzzRules.RuleError.emptyWord(index: 2).description == "Rule 3: the word must not be empty")
    }

    @Test func lazySequencesOverAnyRange() {
        let first = Array(fizzBuzz(1...15).map(\.description))
        #expect(first == ["1", "2", "Fizz", "4", "Buzz", "Fizz", "7", "8", "Fizz", "Buzz", "11", "Fizz", "13", "14", "FizzBuzz"])
        let start = BigInt(10).power(30)
        let big = Array(fizzBuzz(start...(start + 4)))
        #expect(big.map(\.description) == (0...4).map { referenceFizzBuzz(start + BigInt($0)) })
        // Lazy: an unbounded range is fine, and only what is read is classified.
        var unbounded = fizzBuzz(1...).makeIterator()
        for _ in 1..<100 { _ = unbounded.next() }
        #expect(unbounded.next() == .buzz, "the 100th element of an unbounded range")
        #expect(Array(FizzBuzzRules.classic.classify(stride(from: -15, through: 15, by: 15))) == ["FizzBuzz", "FizzBuzz", "FizzBuzz"])
    }
}
