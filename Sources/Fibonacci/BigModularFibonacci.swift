import BigNum

// F(n) mod m and L(n) mod m for indices and moduli of any size. The 64-bit
// `fibonacci(_:modulo:) -> UInt64` (ModularFibonacci.swift) stays the fast path for word-sized ones.

/// F(n) mod m, in `0 ..< m`, for any n (negative too, by F(-n) = (-1)^(n+1) F(n)) and any m >= 1.
///
/// ```swift
/// let r = try fibonacci(BigInt(10).power(1000), modulo: BigInt(10).power(999) + 7)
/// ```
///
/// Throws ``FibonacciFamilyError/modulusNotPositive(_:)`` when m < 1.
///
/// - Complexity: O(log |n|) steps of one product and two squarings of numbers of m's size, and two
///   reductions modulo m: O(M(log m) log |n|).
public func fibonacci(_ n: BigInt, modulo m: BigInt) throws(FibonacciFamilyError) -> BigInt {
    guard m >= 1 else { throw .modulusNotPositive(m) }
    let magnitude = fibonacciPair(n.magnitude, modulo: m).current
    // F(-n) = (-1)^(n+1) F(n): negated exactly when n is negative and even.
    return n.isNegative && !n.bit(at: 0) ? (-magnitude).reduced(modulo: m) : magnitude
}

/// L(n) mod m, in `0 ..< m`, for any n (negative too, by L(-n) = (-1)^n L(n)) and any m >= 1.
///
/// Throws ``FibonacciFamilyError/modulusNotPositive(_:)`` when m < 1.
///
/// - Complexity: as ``fibonacci(_:modulo:)-(BigInt,BigInt)``, plus one addition.
public func lucas(_ n: BigInt, modulo m: BigInt) throws(FibonacciFamilyError) -> BigInt {
    guard m >= 1 else { throw .modulusNotPositive(m) }
    let (current, next) = fibonacciPair(n.magnitude, modulo: m)
    // L(k) = F(k-1) + F(k+1) = 2F(k+1) - F(k).
    let magnitude = ((next << 1) - current).reduced(modulo: m)
    // L(-n) = (-1)^n L(n): negated exactly when n is negative and odd.
    return n.isNegative && n.bit(at: 0) ? (-magnitude).reduced(modulo: m) : magnitude
}

/// (F(n), F(n+1)) mod m, each in `0 ..< m`, for n >= 0 and m >= 1, by fast doubling from the top
/// bit of n:
///   F(2k) = F(k) (2F(k+1) - F(k)),   F(2k+1) = F(k)² + F(k+1)²,   F(2k+2) = F(2k) + F(2k+1).
///
/// No number outgrows twice m's size plus a bit: the operands are reduced before every product.
/// Word-sized n and m take the 64-bit ladder (`fibonacciPairModulo`) instead: no BigInt per step.
func fibonacciPair(_ n: BigInt, modulo m: BigInt) -> (current: BigInt, next: BigInt) {
    if let word = UInt64(exactly: m), let index = UInt(exactly: n) {
        let (current, next) = fibonacciPairModulo(index, word)
        return (BigInt(current), BigInt(next))
    }
    var current = BigInt(0)
    var next = BigInt(1).reduced(modulo: m)
    for bit in stride(from: n.magnitudeBitWidth - 1, through: 0, by: -1) {
        // Invariant: (current, next) = (F(k), F(k+1)) mod m, with k = n >> (bit + 1).
        // F(2k) = F(k) (2F(k+1) - F(k)); the factor lies in (-m, 2m), the reduction takes any sign.
        let double = (current * ((next << 1) - current)).reduced(modulo: m)
        // F(2k+1) = F(k)² + F(k+1)²
        let doublePlusOne = (current.squared() + next.squared()).reduced(modulo: m)
        if n.bit(at: bit) {
            // k' = 2k + 1: (F(2k+1), F(2k+2)), with F(2k+2) = F(2k) + F(2k+1) < 2m.
            var sum = double + doublePlusOne
            if sum >= m { sum -= m }
            (current, next) = (doublePlusOne, sum)
        } else {
            // k' = 2k: (F(2k), F(2k+1)).
            (current, next) = (double, doublePlusOne)
        }
    }
    return (current, next)
}
