/// The largest modulus ``pisanoPeriod(_:)`` accepts: 2^60, so that every period (at most 6m) and every
/// candidate tried on the way fits in 64 bits.
public let pisanoModulusLimit: UInt64 = 1 << 60

/// π(m), the Pisano period: the period of F(n) mod m, the least k > 0 with F(k) ≡ 0 and F(k+1) ≡ 1.
///
/// Computed from the factorization of m, not by walking the sequence:
/// π(m) = lcm of π(p^e) over the prime powers p^e of m. π(p^e) divides p^(e-1)·π(p), and π(p) divides
/// p - 1 when p ≡ ±1 (mod 5), 2(p + 1) when p ≡ ±2 (mod 5); π(2) = 3 and π(5) = 20. Each bound is
/// then reduced by its prime factors while it remains a period.
///
/// Traps when `m` is zero or above ``pisanoModulusLimit``.
///
/// - Complexity: factoring m and p ± 1 (Pollard's rho, about m^(1/4) steps at worst), then
///   O(log² m) checks of O(log m) steps each.
public func pisanoPeriod(_ m: UInt64) -> UInt64 {
    precondition(m >= 1 && m <= pisanoModulusLimit, "pisanoPeriod: the modulus must be in 1...2^60, not \(m)")
    var period: UInt64 = 1
    for (prime, exponent) in primeFactorization(m) {
        var primePower: UInt64 = 1
        for _ in 0..<exponent { primePower *= prime }
        // A multiple of π(p^e), as prime factors with exponents: p^(e-1) times a multiple of π(p).
        var bound = [prime: exponent - 1]
        switch prime {
        case 2: bound[3, default: 0] += 1  // π(2) = 3
        case 5: bound[2, default: 0] += 2; bound[5, default: 0] += 1  // π(5) = 20 = 2²·5
        default:
            let multiple = prime % 5 == 1 || prime % 5 == 4 ? prime - 1 : 2 * (prime + 1)
            for (factor, count) in primeFactorization(multiple) { bound[factor, default: 0] += count }
        }
        let primePeriod = smallestPeriod(dividing: bound, modulo: primePower)
        period = period / greatestCommonDivisor(period, primePeriod) * primePeriod
    }
    return period
}

/// Removes prime factors from the multiple of the period while what remains is still a period.
private func smallestPeriod(dividing bound: [UInt64: Int], modulo m: UInt64) -> UInt64 {
    var period = bound.reduce(1 as UInt64) { product, entry in
        (0..<entry.value).reduce(product) { value, _ in value * entry.key }
    }
    for (factor, count) in bound {
        for _ in 0..<count {
            let candidate = period / factor
            let pair = fibonacciPairModulo(UInt(candidate), m)
            guard pair.current == 0 && pair.next == 1 % m else { break }
            period = candidate
        }
    }
    return period
}

private func greatestCommonDivisor(_ a: UInt64, _ b: UInt64) -> UInt64 {
    var (a, b) = (a, b)
    while b != 0 { (a, b) = (b, a % b) }
    return a
}

// MARK: - Factoring 64-bit integers

/// The prime factorization of n >= 1, as prime → exponent.
func primeFactorization(_ n: UInt64) -> [UInt64: Int] {
    var factors: [UInt64: Int] = [:]
    var remaining = n
    for prime: UInt64 in [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37] {
        while remaining % prime == 0 {
            factors[prime, default: 0] += 1
            remaining /= prime
        }
    }
    var pending = remaining > 1 ? [remaining] : []
    while let value = pending.popLast() {
        if isPrime(value) {
            factors[value, default: 0] += 1
        } else {
            let divisor = pollardRhoDivisor(value)
            pending += [divisor, value / divisor]
        }
    }
    return factors
}

/// Miller–Rabin with the first twelve primes as bases: deterministic for every n < 2^64.
func isPrime(_ n: UInt64) -> Bool {
    let bases: [UInt64] = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
    if n < 2 { return false }
    for base in bases where n % base == 0 { return n == base }
    let modulus = Modulus(n)
    let shift = (n - 1).trailingZeroBitCount
    let odd = (n - 1) >> shift
    witness: for base in bases {
        var x = modulus.power(base, odd)
        if x == 1 || x == n - 1 { continue }
        for _ in 1..<shift {
            x = modulus.multiply(x, x)
            if x == n - 1 { continue witness }
        }
        return false
    }
    return true
}

/// A non-trivial divisor of a composite n with no prime factor below 41, by Pollard's rho with
/// Brent's cycle detection, trying further constants until one succeeds.
private func pollardRhoDivisor(_ n: UInt64) -> UInt64 {
    let modulus = Modulus(n)
    for constant in UInt64(1)... {
        let step = { (x: UInt64) in modulus.add(modulus.multiply(x, x), constant) }
        var (x, y, divisor): (UInt64, UInt64, UInt64) = (2, 2, 1)
        var power: UInt64 = 1, length: UInt64 = 0
        while divisor == 1 {
            if power == length { (x, power, length) = (y, power * 2, 0) }
            y = step(y)
            length += 1
            divisor = greatestCommonDivisor(x > y ? x - y : y - x, n)
        }
        if divisor != n { return divisor }
    }
    fatalError("unreachable: some constant always splits a composite")
}
