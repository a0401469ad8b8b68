import BigNum

/// Why a function of the Fibonacci family (Lucas sequences, residues, Pisano periods, Zeckendorf
/// representations, leading and trailing digits) did not return a value.
public enum FibonacciFamilyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The modulus is zero or negative: residues are taken modulo m >= 1.
    case modulusNotPositive(BigInt)
    /// The index is negative where only n >= 0 is defined (or supported).
    case negativeIndex(BigInt)
    /// The value is negative where only x >= 0 is accepted.
    case negativeValue(BigInt)
    /// The index is beyond the largest one the function supports.
    case indexTooLarge(index: BigInt, maximum: BigInt)
    /// A count of digits outside the supported range.
    case countOutOfRange(count: Int, range: ClosedRange<Int>)
    /// The exact result would need about `estimatedBits` bits, more than the `maximumBits` allowed.
    case resultTooLarge(estimatedBits: Int, maximumBits: Int)
    /// `value` could not be factored within the effort bound (Pollard rho iterations), so the answer,
    /// which depends on its prime factors, is not known.
    case factorizationBeyondEffort(value: BigInt, iterations: Int)

    public var description: String {
        switch self {
        case let .modulusNotPositive(modulus):
            "The modulus must be at least 1, not \(abbreviated(modulus))"
        case let .negativeIndex(index):
            "The index must not be negative, not \(abbreviated(index))"
        case let .negativeValue(value):
            "The value must not be negative, not \(abbreviated(value))"
        case let .indexTooLarge(index, maximum):
            "The index \(abbreviated(index)) is too large: it must be at most \(abbreviated(maximum))"
        case let .countOutOfRange(count, range):
            "The digit count must be in \(range.lowerBound)...\(range.upperBound), not \(count)"
        case let .resultTooLarge(estimatedBits, maximumBits):
            "The result would need about \(estimatedBits) bits, more than the \(maximumBits) allowed"
        case let .factorizationBeyondEffort(value, iterations):
            "\(abbreviated(value)) could not be factored within \(iterations) Pollard rho iterations"
        }
    }
}

/// A number as text short enough for an error message: at most 40 digits, then how many there are.
private func abbreviated(_ value: BigInt) -> String {
    let text = String(value)
    guard text.count > 40 else { return text }
    return "\(text.prefix(20))...\(text.suffix(10)) (\(value.decimalDigitCount) digits)"
}
