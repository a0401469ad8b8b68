import BigNum

// Lucas sequences U_n(P, Q) and V_n(P, Q):
//   U_0 = 0, U_1 = 1, U_{n+1} = P U_n - Q U_{n-1};   V_0 = 2, V_1 = P, V_{n+1} = P V_n - Q V_{n-1}.
// F(n) = U_n(1, -1) and L(n) = V_n(1, -1); the Pell numbers are U_n(2, -1), the Mersenne numbers
// 2^n - 1 are U_n(3, 2).

/// The bounds of the exact (unreduced) Lucas sequences.
public enum LucasSequenceLimits {
    /// The largest size, in bits, allowed for an exact U_n(P, Q) or V_n(P, Q): a quarter of
    /// ``BigNum/BigInt/maximumBitWidth`` (about 3.4·10¹⁰ bits, 4 GiB), leaving room for the
    /// squares the ladder forms on the way, which are up to twice the size of the result's half.
    public static let maximumResultBits = BigInt.maximumBitWidth / 4

    /// An upper bound on the bits of U_n(P, Q) and V_n(P, Q), found without computing them: what
    /// ``lucasSequence(_:p:q:)`` checks against ``maximumResultBits``, and what a caller can hold to
    /// a smaller bound of its own (a server, say).
    public static func estimatedBits(_ n: Int, p: BigInt, q: BigInt) -> Int {
        lucasSequenceBitsBound(n, p: p, q: q)
    }
}

/// (U_n(P, Q), V_n(P, Q)), exactly, for n >= 0, by a doubling ladder from the top bit of n.
///
/// ```swift
/// let (u, v) = try lucasSequence(100, p: 1, q: -1)   // (F(100), L(100))
/// let pell = try lucasSequence(50, p: 2, q: -1).u
/// ```
///
/// Throws ``FibonacciFamilyError/negativeIndex(_:)`` for n < 0 (U_{-n} = -Q^{-n} U_n is not an
/// integer in general), and ``FibonacciFamilyError/resultTooLarge(estimatedBits:maximumBits:)`` when
/// the result could exceed ``LucasSequenceLimits/maximumResultBits``: |U_n| <= n R^(n-1) and
/// |V_n| <= 2 R^n, R the larger modulus of the roots of x² - Px + Q, so the check is made before any
/// work, and GMP never meets a size it would abort on.
///
/// - Complexity: O(M(b)) for a b-bit result when P and Q are small (the ladder's numbers double at
///   each of its log₂ n steps); O(M(b) log n) at worst, when P or Q has as many bits as the result.
public func lucasSequence(_ n: Int, p: BigInt, q: BigInt) throws(FibonacciFamilyError) -> (u: BigInt, v: BigInt) {
    guard n >= 0 else { throw .negativeIndex(BigInt(n)) }
    let estimatedBits = lucasSequenceBitsBound(n, p: p, q: q)
    guard estimatedBits <= LucasSequenceLimits.maximumResultBits else {
        throw .resultTooLarge(estimatedBits: estimatedBits, maximumBits: LucasSequenceLimits.maximumResultBits)
    }
    let ladder = LucasLadder(p: p, q: q, modulus: nil)
    let (current, next) = ladder.pair(BigInt(n))
    // V_n = 2 U_{n+1} - P U_n.
    return (current, (next << 1) - p * current)
}

/// (U_n(P, Q) mod m, V_n(P, Q) mod m), each in `0 ..< m`, for any n >= 0 and any modulus m >= 1, by
/// the same ladder with every number reduced modulo m: the numbers stay the size of m however
/// large n is.
///
/// ```swift
/// let (u, v) = try lucasSequence(BigInt(10).power(1000), p: 3, q: 2, modulo: 1_000_000_007)
/// ```
///
/// Throws ``FibonacciFamilyError/modulusNotPositive(_:)`` for m < 1 and
/// ``FibonacciFamilyError/negativeIndex(_:)`` for n < 0.
///
/// - Complexity: O(log n) steps of two squarings and one product of numbers of m's size, each
///   reduced modulo m, as for F(n) mod m, when P and Q are small; two more products and reductions a
///   step when P or Q (taken between -m/2 and m/2) is as large as m.
public func lucasSequence(
    _ n: BigInt, p: BigInt, q: BigInt, modulo m: BigInt
) throws(FibonacciFamilyError) -> (u: BigInt, v: BigInt) {
    guard m >= 1 else { throw .modulusNotPositive(m) }
    guard !n.isNegative else { throw .negativeIndex(n) }
    let ladder = LucasLadder(p: symmetricResidue(p, modulo: m), q: symmetricResidue(q, modulo: m), modulus: m)
    let (current, next) = ladder.pair(n)
    // V_n = 2 U_{n+1} - P U_n.
    return (current, ((next << 1) - ladder.p * current).reduced(modulo: m))
}

/// The ladder behind both forms: (U_n, U_{n+1}) from the top bit of n down, reduced modulo `modulus`
/// when there is one. From U_{a+b} = U_a U_{b+1} - Q U_{a-1} U_b and U_{k+1} = P U_k - Q U_{k-1}:
///   U_{2k+1} = U_{k+1}² - Q U_k²,   U_{2k} = U_k (2U_{k+1} - P U_k) = 2 U_k U_{k+1} - P U_k²,
///   U_{2k+2} = P U_{2k+1} - Q U_{2k}.
/// Every step is free of division, so it holds for every modulus, even or not, and any P and Q.
struct LucasLadder {
    let p: BigInt
    let q: BigInt
    let modulus: BigInt?
    /// Whether P (and Q) are small next to the modulus, so that multiplying a square by them before
    /// reducing costs less than reducing first: true when they have at most a quarter of its bits.
    private let coefficientsAreSmall: Bool

    init(p: BigInt, q: BigInt, modulus: BigInt?) {
        self.p = p
        self.q = q
        self.modulus = modulus
        let coefficientBits = max(p.magnitudeBitWidth, q.magnitudeBitWidth)
        coefficientsAreSmall = modulus.map { coefficientBits <= max(64, $0.magnitudeBitWidth / 4) } ?? true
    }

    /// (U_n, U_{n+1}), reduced into `0 ..< modulus` when there is one, for n >= 0.
    func pair(_ n: BigInt) -> (current: BigInt, next: BigInt) {
        var current = BigInt(0)
        var next = reduce(1)
        for bit in stride(from: n.magnitudeBitWidth - 1, through: 0, by: -1) {
            // Invariant: (current, next) = (U_k, U_{k+1}), reduced, with k = n >> (bit + 1).
            let currentSquare = current.squared()
            let nextSquare = next.squared()
            let crossProduct = current * next
            // U_{2k+1} = U_{k+1}² - Q U_k²
            let odd = reduce(nextSquare - times(q, currentSquare))
            // U_{2k} = 2 U_k U_{k+1} - P U_k²
            let even = reduce((crossProduct << 1) - times(p, currentSquare))
            if n.bit(at: bit) {
                // k' = 2k + 1: (U_{2k+1}, U_{2k+2}), with U_{2k+2} = P U_{2k+1} - Q U_{2k}.
                next = reduce(times(p, odd) - times(q, even))
                current = odd
            } else {
                // k' = 2k: (U_{2k}, U_{2k+1}).
                current = even
                next = odd
            }
        }
        return (current, next)
    }

    /// `coefficient · value`, the value reduced first when the coefficient is as large as the modulus
    /// (so the product stays at twice the modulus's size instead of three times).
    @inline(__always)
    private func times(_ coefficient: BigInt, _ value: BigInt) -> BigInt {
        coefficient * (coefficientsAreSmall ? value : reduce(value))
    }

    @inline(__always)
    private func reduce(_ value: BigInt) -> BigInt {
        guard let modulus else { return value }
        return value.reduced(modulo: modulus)
    }
}

/// The residue of `value` modulo m of least magnitude, in (-m/2, m/2]: a small negative coefficient
/// such as Q = -1 stays one limb long instead of becoming m - 1.
func symmetricResidue(_ value: BigInt, modulo m: BigInt) -> BigInt {
    let residue = value.reduced(modulo: m)
    return residue << 1 > m ? residue - m : residue
}

/// An upper bound on the bits of U_n(P, Q), U_{n+1}(P, Q) and V_n(P, Q), for n >= 0: the roots α, β
/// of x² - Px + Q have moduli at most R = (|P| + √(P² + 4|Q|)) / 2, and U_n = Σ α^i β^(n-1-i), so
/// |U_n| <= n R^(n-1) and |V_n| = |α^n + β^n| <= 2 R^n; in bits, (n + 1) log₂ max(R, 1) + log₂(n + 1) + 2.
///
/// The sum is formed in `Double`, whose rounding is far below the margin of two bits, and saturates
/// at `Int.max` rather than overflowing.
func lucasSequenceBitsBound(_ n: Int, p: BigInt, q: BigInt) -> Int {
    let (pMagnitude, qMagnitude) = (Double(p.magnitude), Double(q.magnitude))
    let logRoot: Double
    if pMagnitude.isFinite && qMagnitude.isFinite && (pMagnitude * pMagnitude + 4 * qMagnitude).isFinite {
        let root = (pMagnitude + (pMagnitude * pMagnitude + 4 * qMagnitude).squareRoot()) / 2
        logRoot = root > 1 ? binaryLogarithm(root) : 0
    } else {
        // Beyond Double: R <= |P| + √|Q| < 2^(max(bits(P), bits(Q)/2 + 1) + 1).
        logRoot = Double(max(p.magnitudeBitWidth, q.magnitudeBitWidth / 2 + 1) + 1)
    }
    let bits = (Double(n) + 1) * logRoot + binaryLogarithm(Double(n) + 1) + 2
    return bits >= Double(Int.max) ? .max : Int(bits.rounded(.up))
}

/// log₂ x for x > 0, without Foundation or the C library (the module imports nothing but BigNum):
/// the exponent of the `Double`, plus log₂ of its significand in [1, 2) by the series of the
/// natural logarithm. Within a few units in the last place: ample for a bound with two bits to spare.
@inline(__always)
func binaryLogarithm(_ x: Double) -> Double {
    precondition(x > 0, "log2 of a non-positive value")
    let exponent = Double(x.exponent)
    let significand = x.significand  // in [1, 2)
    // ln(s) = 2 atanh((s - 1)/(s + 1)) = 2 (t + t³/3 + t⁵/5 + ...), t in [0, 1/3): 20 terms reach 1e-19.
    let t = (significand - 1) / (significand + 1)
    var (term, sum) = (t, 0.0)
    for k in 0..<20 {
        sum += term / Double(2 * k + 1)
        term *= t * t
    }
    return exponent + 2 * sum / 0.6931471805599453
}
