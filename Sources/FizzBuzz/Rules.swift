import BigNum

/// FizzBuzz with rules of one's own: an ordered list of (divisor, word) pairs. A number gets the words
/// of every divisor that divides it, concatenated in order, or itself when none does: with 3/Fizz,
/// 5/Buzz, 7/Bazz, 105 gives "FizzBuzzBazz".
public struct FizzBuzzRules: Hashable, Sendable {
    public struct Rule: Hashable, Sendable {
        public let divisor: Int
        public let word: String
    }

    /// Why a list of rules was rejected.
    public enum RuleError: Error, Equatable, Sendable, CustomStringConvertible {
        case divisorNotPositive(index: Int, divisor: Int)
        case emptyWord(index: Int)

        public var description: String {
            switch self {
            case let .divisorNotPositive(index, divisor):
                "Rule \(index + 1): the divisor must be a positive integer, not \(divisor)"
            case let .emptyWord(index):
                "Rule \(index + 1): the word must not be empty"
            }
        }
    }

    /// The classic rules: 3 is Fizz, 5 is Buzz.
    public static let classic = try! FizzBuzzRules([(3, "Fizz"), (5, "Buzz")])

    public let rules: [Rule]

    /// Checks the rules: every divisor positive, every word non-empty.
    public init(_ rules: [(divisor: Int, word: String)]) throws(RuleError) {
        for (index, rule) in rules.enumerated() {
            guard rule.divisor > 0 else { throw .divisorNotPositive(index: index, divisor: rule.divisor) }
            guard !rule.word.isEmpty else { throw .emptyWord(index: index) }
        }
        self.rules = rules.map { Rule(divisor: $0.divisor, word: $0.word) }
    }

    /// The words for `number`, or nil when no divisor divides it.
    ///
    /// - Complexity: O(r) divisibility tests for r rules (each O(n) for an n-limb `BigInt`).
    public func words<Number: BinaryInteger>(for number: Number) -> String? {
        // A divisor the type cannot hold (1000 for Int8) divides only zero.
        words { divisor in Number(exactly: divisor).map { number.isMultiple(of: $0) } ?? (number == 0) }
    }

    /// The words for a `BigInt`, by divisibility tests on its limbs (no temporary values).
    public func words(for number: BigInt) -> String? {
        words { number.isMultiple(of: $0) }
    }

    private func words(dividedBy divides: (Int) -> Bool) -> String? {
        let words = rules.filter { divides($0.divisor) }.map(\.word).joined()
        return words.isEmpty ? nil : words
    }

    /// The words for `number`, or its decimal digits.
    public func classify<Number: BinaryInteger>(_ number: Number) -> String {
        words(for: number) ?? String(number)
    }

    public func classify(_ number: BigInt) -> String {
        words(for: number) ?? String(number)
    }

    /// The rules applied lazily over a sequence of integers.
    public func classify<Numbers: Sequence>(_ numbers: Numbers) -> LazyMapSequence<Numbers, String>
    where Numbers.Element: BinaryInteger {
        numbers.lazy.map { classify($0) }
    }
}
