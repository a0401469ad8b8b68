import BigNum

// The first and last decimal digits of F(n), and its digit count, for n up to 10^18: far beyond
// what F(n) itself allows (F(10^18) has about 2·10^17 digits).

/// The largest n the digit functions below accept: 10^18.
public let fibonacciDigitsIndexLimit = 1_000_000_000_000_000_000

/// The digit counts the leading and trailing digit functions accept.
public let fibonacciDigitsCountRange = 1...1_000

/// The first `count` decimal digits of F(n), for 0 <= n <= 10^18 and 1 <= count <= 1,000, without
/// computing F(n); all of F(n)'s digits when it has fewer than `count`.
///
/// ```swift
/// try fibonacciLeadingDigits(1_000_000_000_000_000_000, count: 20)
/// ```
///
/// For n <= 20,000, F(n) is computed and its digits taken. Beyond, F(n) = φ^n/√5 - ψ^n/√5 with
/// |ψ^n/√5| < 10^-4000, and φ^n/√5 · 10^-j is bracketed in interval arithmetic (BigInt mantissas with
/// a binary exponent, each product cut to p bits, its lower bound rounded down and its upper bound
/// up), with j chosen to leave about `count` + 64 digits. When the bracket does not determine the
/// floor (the digits that follow are all 9s or all 0s as far as p bits can tell), p doubles.
/// The floor of φ^n/√5 · 10^-j is that of F(n) · 10^-j: the two differ by less than 1 and only
/// when F(n) is a multiple of 10^j would that cross an integer, which needs 5^j | n, impossible for
/// j > 26 >= log₅ 10^18.
///
/// Throws ``FibonacciFamilyError/negativeIndex(_:)``,
/// ``FibonacciFamilyError/indexTooLarge(index:maximum:)`` (beyond ``fibonacciDigitsIndexLimit``) or
/// ``FibonacciFamilyError/countOutOfRange(count:range:)``.
///
/// - Complexity: O(M(p) log n) with p about 3.3 (count + 128) + 2 log₂ n bits: about 250 products of
///   p bits; O(M(n)) for n <= 20,000.
public func fibonacciLeadingDigits(_ n: Int, count: Int) throws(FibonacciFamilyError) -> String {
    try checkDigitArguments(n, count: count)
    if n <= exactDigitsIndexLimit { return String(String(fibonacci(n)).prefix(count)) }
    return String(String(leadingPart(ofFibonacci: n, keeping: count).part).prefix(count))
}

/// The last `count` decimal digits of F(n), for 0 <= n <= 10^18 and 1 <= count <= 1,000: F(n) mod
/// 10^count written with leading zeros to `count` characters, or all of F(n)'s digits when it has
/// fewer than `count`.
///
/// Throws as ``fibonacciLeadingDigits(_:count:)``.
///
/// - Complexity: O(M(count) log n): F(n) mod 10^count by fast doubling.
public func fibonacciTrailingDigits(_ n: Int, count: Int) throws(FibonacciFamilyError) -> String {
    try checkDigitArguments(n, count: count)
    // F(4,800) has 1,003 digits, so the digit count is exact and cheap wherever it matters here.
    if n <= exactDigitsIndexLimit && fibonacciDigitCount(n) < count { return String(fibonacci(n)) }
    let residue = try fibonacci(BigInt(n), modulo: BigInt(10).power(count))
    let digits = String(residue)
    return String(repeating: "0", count: count - digits.count) + digits
}

/// The number of decimal digits of F(n) (of |F(n)| for n < 0; 1 for F(0)), for |n| <= 10^18: as
/// ``fibonacciDigitCount(_:)`` (which it calls up to ``FibonacciLimits/maximumIndex``), beyond it from
/// the leading digits' interval computation.
///
/// Throws ``FibonacciFamilyError/indexTooLarge(index:maximum:)`` for |n| > ``fibonacciDigitsIndexLimit``.
///
/// - Complexity: O(1) almost always up to ``FibonacciLimits/maximumIndex``, O(M(p) log n) with
///   p ≈ 500 bits beyond.
public func fibonacciDecimalDigitCount(_ n: Int) throws(FibonacciFamilyError) -> Int {
    guard n.magnitude <= UInt(fibonacciDigitsIndexLimit) else {
        throw .indexTooLarge(index: BigInt(n), maximum: BigInt(fibonacciDigitsIndexLimit))
    }
    if n.magnitude <= UInt(FibonacciLimits.maximumIndex) { return fibonacciDigitCount(n) }
    let (part, droppedDigits) = leadingPart(ofFibonacci: Int(n.magnitude), keeping: 1)
    return droppedDigits + part.decimalDigitCount
}

/// Up to this n, the digit functions compute F(n) itself (at most 4,180 digits).
let exactDigitsIndexLimit = 20_000

private func checkDigitArguments(_ n: Int, count: Int) throws(FibonacciFamilyError) {
    guard n >= 0 else { throw .negativeIndex(BigInt(n)) }
    guard n <= fibonacciDigitsIndexLimit else {
        throw .indexTooLarge(index: BigInt(n), maximum: BigInt(fibonacciDigitsIndexLimit))
    }
    guard fibonacciDigitsCountRange.contains(count) else {
        throw .countOutOfRange(count: count, range: fibonacciDigitsCountRange)
    }
}

/// (⌊F(n) / 10^j⌋, j) with ⌊F(n) / 10^j⌋ having at least `keeping` digits, for
/// exactDigitsIndexLimit < n <= 10^18 (so F(n) has over 4,000 digits), from an interval
/// for φ^n/√5 · 10^-j.
///
/// `startingPrecision` replaces the precision chosen from n and `digits` (tests start too low to
/// see the retry work).
func leadingPart(
    ofFibonacci n: Int, keeping digits: Int, startingPrecision: Int? = nil
) -> (part: BigInt, droppedDigits: Int) {
    // The digit count is ⌊n log₁₀φ - log₁₀√5⌋ + 1. In Double, n (rounded to 53 bits, error at most
    // 64 for n <= 10^18), log₁₀φ (relative error 2^-53) and the product (half an ulp of 2·10^17, 16)
    // leave an error below 60 digits: so j leaves between `digits` + 4 and `digits` + 124 digits.
    let estimatedDigitCount = Int(Double(n) * log10Phi - log10Sqrt5) + 1
    let guardDigits = 64
    var dropped = max(0, estimatedDigitCount - digits - guardDigits)
    // Bits to tell apart the ~digits + 124 digits of the quotient, plus the relative error of the
    // bracket, which grows as n 2^-p (the power of φ) and j 2^-p (the power of 1/10): 2 log₂ n bits.
    var precision = startingPrecision
        ?? Int(3.33 * Double(digits + 2 * guardDigits)) + 2 * (Int.bitWidth - n.leadingZeroBitCount) + 64
    while true {
        let (phi, inverseSqrt5) = Interval.phiAndInverseSqrt5(precision: precision)
        let one = BigInt(1) << precision
        let tenth = Interval(low: one / 10, high: one / 10 + 1, exponent: -precision)
        let quotient = phi.power(n, precision: precision)
            .times(inverseSqrt5, precision: precision)
            .times(tenth.power(dropped, precision: precision), precision: precision)
        // ⌊low · 2^e⌋ and ⌊high · 2^e⌋ (a shift either way: e < 0 unless p is below the quotient's
        // size, which only a starting precision given by a test makes possible).
        let (lowFloor, highFloor) = (quotient.low << quotient.exponent, quotient.high << quotient.exponent)
        if lowFloor == highFloor {
            guard lowFloor.decimalDigitCount >= digits else {
                // Not reached while the estimate's error stays below the guard digits; kept so that
                // the result cannot be short whatever the estimate.
                dropped = max(0, dropped - guardDigits)
                continue
            }
            return (lowFloor, dropped)
        }
        // The bracket straddles an integer: the digits after the kept ones are 99...9 or 00...0 as
        // far as p bits can tell. The quotient is irrational, so some precision separates them.
        precision *= 2
    }
}
