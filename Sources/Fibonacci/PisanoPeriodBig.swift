import BigNum

// Pisano periods of moduli of any size, from their factorization, found within a bounded effort.

/// The Pollard rho iterations ``pisanoPeriod(_:factoringEffort:)`` spends by default on all the
/// factorizations it needs (m, and p - 1 or p + 1 for each prime p of m): about a second at most,
/// enough for every factor below about 10^11 beyond the trial divisions (rho finds a prime factor p
/// in about √p iterations).
public let defaultPisanoFactoringEffort = 1_000_000

/// π(m), the Pisano period, for a modulus of any size: the least k > 0 with F(k) ≡ 0 and
/// F(k+1) ≡ 1 (mod m).
///
/// As for the 64-bit ``pisanoPeriod(_:)`` (which answers moduli up to ``pisanoModulusLimit``): π(m)
/// is the lcm of π(p^e) over the prime powers p^e of m; π(p^e) divides p^(e-1) π(p), and π(p)
/// divides p - 1 when p ≡ ±1 (mod 5), 2(p + 1) when p ≡ ±2 (mod 5), with π(2) = 3 and π(5) = 20.
/// Each such multiple is then reduced by its prime factors while it remains a period, so the result
/// is exact without assuming Wall's conjecture (π(p^e) = p^(e-1) π(p)).
///
/// This needs the factorizations of m and of p ∓ 1 for each prime p of m: trial division by the
/// primes below 2^16, then Pollard's rho (Brent's variant), with `factoringEffort` iterations in all.
/// When they are not enough, it throws
/// ``FibonacciFamilyError/factorizationBeyondEffort(value:iterations:)`` naming the number it could
/// not split, rather than run on. Throws ``FibonacciFamilyError/modulusNotPositive(_:)`` for m < 1.
///
/// - Complexity: the factorizations (at most `factoringEffort` rho iterations on numbers of m's size,
///   plus 6,542 trial divisions each), then O(log² m) period checks of O(log m) modular steps each.
public func pisanoPeriod(
    _ m: BigInt, factoringEffort: Int = defaultPisanoFactoringEffort
) throws(FibonacciFamilyError) -> BigInt {
    guard m >= 1 else { throw .modulusNotPositive(m) }
    if m <= BigInt(pisanoModulusLimit) { return BigInt(pisanoPeriod(UInt64(m))) }
    var factoring = BoundedFactoring(effort: factoringEffort)
    var period = BigInt(1)
    for (prime, exponent) in try factoring.factorization(of: m) {
        let primePower = prime.power(exponent)
        if primePower <= BigInt(pisanoModulusLimit) {
            // Word-sized: the 64-bit computation, without factoring p ∓ 1 here.
            period = lcm(period, BigInt(pisanoPeriod(UInt64(primePower))))
            continue
        }
        // A multiple of π(p^e), as prime factors with exponents: p^(e-1) times a multiple of π(p).
        var bound: [BigInt: Int] = [prime: exponent - 1]
        if prime == 2 {
            bound[3, default: 0] += 1  // π(2) = 3
        } else if prime == 5 {
            bound[2, default: 0] += 2  // π(5) = 20 = 2²·5
            bound[5, default: 0] += 1
        } else {
            let residue = prime.remainder(dividingBy: 5)
            let multiple = residue == 1 || residue == 4 ? prime - 1 : 2 * (prime + 1)
            for (factor, count) in try factoring.factorization(of: multiple) { bound[factor, default: 0] += count }
        }
        let primePowerPeriod = smallestPeriod(dividing: bound, modulo: primePower)
        period = lcm(period, primePowerPeriod)
    }
    return period
}

/// Removes prime factors from a multiple of π(m) while what remains is still a period. The periods
/// of F mod m are exactly the multiples of π(m), so the factors can be tried in any order.
private func smallestPeriod(dividing bound: [BigInt: Int], modulo m: BigInt) -> BigInt {
    var period = bound.reduce(BigInt(1)) { product, entry in product * entry.key.power(entry.value) }
    for (factor, count) in bound {
        for _ in 0..<count {
            let candidate = period / factor
            let (current, next) = fibonacciPair(candidate, modulo: m)
            guard current.isZero && next == BigInt(1).reduced(modulo: m) else { break }
            period = candidate
        }
    }
    return period
}

/// Factorizations within a budget of Pollard rho iterations shared by all of them.
struct BoundedFactoring {
    /// The rho iterations allowed in all.
    let effort: Int
    /// The rho iterations still allowed.
    private(set) var remainingIterations: Int

    init(effort: Int) {
        self.effort = max(0, effort)
        remainingIterations = max(0, effort)
    }

    /// The primes below 2^16, for trial division (6,542 of them).
    static let smallPrimes: [Int] = {
        let limit = 1 << 16
        var isComposite = [Bool](repeating: false, count: limit)
        var primes: [Int] = []
        for candidate in 2..<limit where !isComposite[candidate] {
            primes.append(candidate)
            for multiple in stride(from: candidate * candidate, to: limit, by: candidate) { isComposite[multiple] = true }
        }
        return primes
    }()

    /// The prime factorization of n >= 1, as prime → exponent; throws when the iterations run out.
    mutating func factorization(of n: BigInt) throws(FibonacciFamilyError) -> [BigInt: Int] {
        precondition(n >= 1, "factorization of \(n)")
        var factors: [BigInt: Int] = [:]
        var remaining = n
        for prime in Self.smallPrimes {
            // Once prime² > remaining, what is left is 1 or a prime.
            if BigInt(prime * prime) > remaining { break }
            while remaining.isMultiple(of: prime) {
                factors[BigInt(prime), default: 0] += 1
                remaining /= BigInt(prime)
            }
        }
        // Every prime factor of `remaining` is now at least 2^16 (or the loop ended with it prime).
        var pending = remaining > 1 ? [remaining] : []
        while let value = pending.popLast() {
            if value < BigInt(1 << 32) || value.isProbablePrime() {
                // Below 2^32 with no prime factor below 2^16: prime.
                factors[value, default: 0] += 1
            } else {
                let divisor = try pollardRhoDivisor(of: value)
                pending += [divisor, value / divisor]
            }
        }
        return factors
    }

    /// A divisor of the composite n strictly between 1 and n, by Pollard's rho with Brent's cycle
    /// detection, x -> x² + c mod n, the differences multiplied together in batches of 128 so that
    /// one gcd serves many steps (a batch that overshoots to n is replayed one step at a time).
    /// Tries further constants c when a walk closes without a split.
    private mutating func pollardRhoDivisor(of n: BigInt) throws(FibonacciFamilyError) -> BigInt {
        let batch = 128
        var constant = BigInt(1)
        while true {
            let step = { (x: BigInt) in (x.squared() + constant).reduced(modulo: n) }
            var y = BigInt(2), x = BigInt(2), saved = BigInt(2)
            var divisor = BigInt(1)
            var cycleLength = 1
            var product = BigInt(1)
            walk: while divisor == 1 {
                // Invariant: x is the walk's value at the last power of two; y runs ahead of it.
                x = y
                guard remainingIterations >= cycleLength else {
                    throw .factorizationBeyondEffort(value: n, iterations: effort)
                }
                remainingIterations -= cycleLength
                for _ in 0..<cycleLength { y = step(y) }
                var done = 0
                while done < cycleLength && divisor == 1 {
                    saved = y
                    let count = min(batch, cycleLength - done)
                    guard remainingIterations >= count else {
                        throw .factorizationBeyondEffort(value: n, iterations: effort)
                    }
                    remainingIterations -= count
                    for _ in 0..<count {
                        y = step(y)
                        product = (product * (x - y)).reduced(modulo: n)
                    }
                    divisor = gcd(product, n)
                    done += count
                }
                cycleLength *= 2
                if divisor == n {
                    // The batch multiplied in a zero: replay it from `saved`, one gcd a step.
                    y = saved
                    repeat {
                        y = step(y)
                        divisor = gcd(x - y, n)
                    } while divisor == 1
                    break walk
                }
            }
            if divisor != n { return divisor }
            constant += 1
        }
    }
}
