import BigNum

// Recognizing Fibonacci numbers: the index of x from its size, then one Fibonacci pair to compare.

/// The smallest k >= 0 with F(k) = x, or nil when x is not a Fibonacci number (for instance when
/// x < 0): 0 gives 0, 1 gives 1 (not 2), 5 gives 5, 4 gives nil.
///
/// x of b bits lies in [2^(b-1), 2^b), and F(k) is within 1/2 of φ^k/√5, so only the indices with
/// k log₂φ - log₂√5 in about [b - 1, b) can match: one or two of them, a few with a margin for
/// rounding. A residue test modulo two primes near 2^61 rules most x out in O(b) time; the one or two
/// survivors are checked exactly against a Fibonacci pair computed once.
///
/// x beyond F(``FibonacciLimits/maximumIndex`` - 8) (about 1.37·10¹¹ bits) is answered nil.
///
/// - Complexity: O(M(b)) for x of b bits (one fast-doubling pair), O(b) when the residues already
///   rule x out.
public func fibonacciIndex(of x: BigInt) -> Int? {
    if x.isNegative { return nil }
    if x.magnitudeBitWidth <= UInt64.bitWidth {
        // F(1) = F(2) = 1: the first match in the table is the smallest index.
        let value = UInt64(x)
        return smallFibonacci.firstIndex(of: value)
    }
    // Candidates: from φ^k/√5 >= 2^(b-1) - 1/2 and < 2^b + 1/2, widened by one either side, so the
    // rounding of these few Double operations (relative 1e-15, on k < 2^38) cannot drop the match.
    let bits = Double(x.magnitudeBitWidth)
    let log2Phi = 0.6942419136306174, log2Sqrt5 = 1.1609640474436813
    let lowest = Int((bits - 1 + log2Sqrt5) / log2Phi) - 1
    let highest = Int(((bits + log2Sqrt5) / log2Phi).rounded(.up)) + 1
    guard highest < FibonacciLimits.maximumIndex - 8 else { return nil }
    let candidates = Array(lowest...highest)
    // F(k) mod p against x mod p, for two primes: a match needs both; F(k) = x implies both.
    let primes: [UInt64] = [2_305_843_009_213_693_951, 2_305_843_009_213_693_921]  // 2^61 - 1 and 2^61 - 31
    let residues = primes.map { UInt64(x.remainder(dividingBy: Int($0))) }  // x >= 0: in 0 ..< p
    let survivors = candidates.filter { k in
        zip(primes, residues).allSatisfy { prime, residue in fibonacci(k, modulo: prime) == residue }
    }
    guard let top = survivors.last else { return nil }
    // Walk down from (F(top - 1), F(top)) to the survivors, by F(k - 2) = F(k) - F(k - 1).
    var (previous, current) = fibonacciPair(top)
    var k = top
    while true {
        // Invariant: (previous, current) = (F(k - 1), F(k)).
        if survivors.contains(k) && current == x { return k }
        guard k > survivors[0] else { return nil }
        (previous, current) = (current - previous, previous)
        k -= 1
    }
}

/// Whether x = F(k) for some k >= 0 (so negative values, even the F(-2k) = -F(2k), are not).
///
/// - Complexity: as ``fibonacciIndex(of:)``.
public func isFibonacci(_ x: BigInt) -> Bool {
    fibonacciIndex(of: x) != nil
}
