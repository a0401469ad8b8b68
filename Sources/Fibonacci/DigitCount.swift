import BigNum

/// The exact number of decimal digits of F(n) (of |F(n)| for negative n; 1 for F(0)), without
/// computing F(n).
///
/// For n > 93, F(n) is the integer nearest φ^n/√5, so its digit count is ⌊n·log₁₀φ − log₁₀√5⌋ + 1.
/// A `Double` gives that exactly unless the logarithm lies within its rounding error of an integer;
/// then the bound is settled by comparing φ^n/√5 with the power of ten in interval arithmetic, at a
/// precision that doubles until the intervals separate.
///
/// Traps when |n| exceeds ``FibonacciLimits/maximumIndex``.
///
/// - Complexity: O(1) almost always; O(log n) products of a few hundred bits otherwise.
public func fibonacciDigitCount(_ n: Int) -> Int {
    precondition(n.magnitude <= FibonacciLimits.maximumIndex, "\(FibonacciError.indexTooLarge(index: n, maximum: FibonacciLimits.maximumIndex))")
    let index = Int(n.magnitude)
    if index <= smallFibonacciLimit { return BigInt(smallFibonacci[index]).decimalDigitCount }
    let logarithm = Double(index) * log10Phi - log10Sqrt5
    // The product's rounding error grows with n: about n·2^-53 relative to log₁₀φ, with a wide margin.
    let margin = 1e-9 + Double(index) * 1e-15
    let nearestInteger = logarithm.rounded()
    if abs(logarithm - nearestInteger) > margin { return Int(logarithm.rounded(.down)) + 1 }
    // F(n) has t + 1 digits if F(n) >= 10^t, else t. F(n) is never a power of ten for n > 2.
    let t = Int(nearestInteger)
    return isFibonacciAtLeastPowerOfTen(index, t) ? t + 1 : t
}

/// log₁₀φ and log₁₀√5 in `Double`: F(n) has ⌊n·log₁₀φ − log₁₀√5⌋ + 1 digits (n > 1).
let log10Phi = 0.20898764024997873, log10Sqrt5 = 0.3494850021680094

/// Whether F(n) >= 10^t, for n > 93, by interval arithmetic: F(n) = φ^n/√5 - ψ^n/√5 with
/// |ψ^n/√5| < 1/2, and F(n) ≠ 10^t, so F(n) >= 10^t exactly when φ^n/√5 >= 10^t.
func isFibonacciAtLeastPowerOfTen(_ n: Int, _ t: Int) -> Bool {
    var precision = 128
    while true {
        let (phi, inverseSqrt5) = Interval.phiAndInverseSqrt5(precision: precision)
        let lhs = phi.power(n, precision: precision).times(inverseSqrt5, precision: precision)
        let rhs = Interval(low: 10, high: 10, exponent: 0).power(t, precision: precision)
        if let order = lhs.compare(rhs) { return order >= 0 }
        precision *= 2
    }
}

/// A positive real number known to lie in [low, high] · 2^exponent.
struct Interval {
    var low: BigInt
    var high: BigInt
    var exponent: Int

    /// φ = (1 + √5)/2 and 1/√5 = √5/5, each bracketed to within a unit or two of 2^-precision.
    static func phiAndInverseSqrt5(precision: Int) -> (phi: Interval, inverseSqrt5: Interval) {
        let scaledSqrt5 = (BigInt(5) << (2 * precision)).squareRoot()  // ⌊√5·2^p⌋
        let one = BigInt(1) << precision
        return (Interval(low: (one + scaledSqrt5) >> 1, high: (one + scaledSqrt5 + 2) >> 1, exponent: -precision),
                Interval(low: scaledSqrt5 / 5, high: (scaledSqrt5 + 1) / 5 + 1, exponent: -precision))
    }

    /// The product, with both bounds cut to `precision` bits: low rounded down, high rounded up.
    func times(_ other: Interval, precision: Int) -> Interval {
        var product = Interval(low: low * other.low, high: high * other.high, exponent: exponent + other.exponent)
        let excess = product.high.magnitudeBitWidth - precision
        if excess > 0 {
            product.low >>= excess
            product.high = (product.high >> excess) + 1
            product.exponent += excess
        }
        return product
    }

    func power(_ exponent: Int, precision: Int) -> Interval {
        var result = Interval(low: 1, high: 1, exponent: 0), base = self, remaining = exponent
        while remaining > 0 {
            if remaining & 1 == 1 { result = result.times(base, precision: precision) }
            remaining >>= 1
            if remaining > 0 { base = base.times(base, precision: precision) }
        }
        return result
    }

    /// 1 or -1 when every point of one interval lies above or below every point of the other; nil
    /// when they overlap.
    func compare(_ other: Interval) -> Int? {
        let shift = min(exponent, other.exponent)
        let (low, high) = (self.low << (exponent - shift), self.high << (exponent - shift))
        let (otherLow, otherHigh) = (other.low << (other.exponent - shift), other.high << (other.exponent - shift))
        if low > otherHigh { return 1 }
        if high < otherLow { return -1 }
        return nil
    }
}
