import BigNum

/// The FizzBuzz answer for one number: Fizz (a multiple of 3), Buzz (of 5), FizzBuzz (of 15), or the
/// number itself.
public enum FizzBuzzResult<Number: BinaryInteger & Sendable>: Hashable, Sendable, CustomStringConvertible {
    case fizz
    case buzz
    case fizzBuzz
    case number(Number)

    /// Written out (rather than synthesized) so that it inlines into callers: a synthesized `==` on a
    /// generic enum from another module runs unspecialized, about 60 ns a comparison.
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.fizz, .fizz), (.buzz, .buzz), (.fizzBuzz, .fizzBuzz): true
        case let (.number(a), .number(b)): a == b
        default: false
        }
    }

    /// "Fizz", "Buzz", "FizzBuzz", or the number's decimal digits.
    public var description: String {
        switch self {
        case .fizz: "Fizz"
        case .buzz: "Buzz"
        case .fizzBuzz: "FizzBuzz"
        case .number(let value): String(value)
        }
    }
}

/// FizzBuzz for any integer (negative numbers and zero included: 0 is a multiple of 15).
///
/// - Complexity: O(1) for fixed-width integers; O(n) for an n-limb `BigInt` (one division by 15).
@inlinable
public func fizzBuzz<Number: BinaryInteger & Sendable>(_ number: Number) -> FizzBuzzResult<Number> {
    classify(number, remainderBy15: Int(number.magnitude % 15))
}

/// FizzBuzz for a `BigInt`, by one division of the limbs by 15, allocating nothing.
///
/// - Complexity: O(n) for an n-limb value.
public func fizzBuzz(_ number: BigInt) -> FizzBuzzResult<BigInt> {
    classify(number, remainderBy15: abs(number.remainder(dividingBy: 15)))
}

/// The classification from |number| mod 15: multiples of 3 leave 0, 3, 6, 9, 12; of 5 leave 0, 5, 10.
@inlinable
func classify<Number>(_ number: Number, remainderBy15 remainder: Int) -> FizzBuzzResult<Number> {
    switch (remainder % 3 == 0, remainder % 5 == 0) {
    case (true, true): .fizzBuzz
    case (true, false): .fizz
    case (false, true): .buzz
    case (false, false): .number(number)
    }
}

/// FizzBuzz over a sequence of integers, lazily: `fizzBuzz(1...100)`, or a `BigInt` range.
///
/// - Complexity: O(1) to create; each element costs one classification when read.
@inlinable
public func fizzBuzz<Numbers: Sequence>(_ numbers: Numbers) -> LazyMapSequence<Numbers, FizzBuzzResult<Numbers.Element>>
where Numbers.Element: BinaryInteger & Sendable {
    numbers.lazy.map { fizzBuzz($0) }
}
