import CGMP
import Synchronization

// The powers 10^(19·2^i) that the decimal conversion multiplies by, and the reciprocals of those it
// divides by, kept between conversions.

/// A process-wide, thread-safe cache of the chain 10^(19·2^0), 10^(19·2^1), ..., each the square of
/// the one before, and of reciprocals of some of them (``reciprocal(index:of:limbs:)``).
///
/// Bounded: the cache keeps the longest prefix of the chain whose limbs fit in
/// ``BigInt/decimalPowerCacheByteLimit`` (64 MiB by default: the powers and reciprocals for values
/// of up to about 4·10^7 digits; for n digits the chain takes about 0.83·n bytes and the
/// reciprocals 0.4·n to 0.9·n more), then the reciprocals that still fit. Powers and reciprocals
/// above the budget are computed for the conversion that needs them and dropped with it; lowering
/// the budget drops the reciprocals, then the largest cached powers, at once; a power that needs
/// room drops reciprocals. A prefix, because each power is computed from the one below it.
///
/// The lock is held only to read or extend the array, never while squaring: two threads that miss at
/// the same time both square, and the first to finish stores its result.
enum DecimalPowerCache {
    private struct State {
        var powers: [BigInt] = []
        /// reciprocals[i]: the reciprocal of powers[i], when computed and within the budget.
        var reciprocals: [Int: Reciprocal] = [:]
        var bytes = 0
        var byteLimit = 64 << 20
    }

    private static let state = Mutex(State())

    /// Bytes of limbs in a power.
    private static func byteCount(_ value: BigInt) -> Int { value.limbCount * MemoryLayout<UInt>.stride }

    /// 10^(19·2^i) for i in 0...top, from the cache where it has them.
    ///
    /// - Complexity: O(1) when cached; otherwise one squaring per missing power, O(M(n)) in all for
    ///   a top power of n limbs.
    static func chain(upTo top: Int) -> [BigInt] {
        var powers = state.withLock { state in Array(state.powers.prefix(top + 1)) }
        // Invariant: powers[i] == 10^(19·2^i) for every index present.
        if powers.isEmpty { powers.append(BigInt(DecimalRadix.radix)) }
        while powers.count <= top {
            let last = powers[powers.count - 1]
            powers.append(BigInt { result in last.withUnsafeMPZ { __gmpz_mul(result, $0, $0) } })
        }
        state.withLock { state in
            // Keep what fits: extend the cached prefix with the new powers while under the budget,
            // dropping reciprocals (the largest first) to make room: the powers come first.
            while state.powers.count < powers.count {
                let next = powers[state.powers.count]
                while state.bytes + byteCount(next) > state.byteLimit, let index = state.reciprocals.keys.max() {
                    state.bytes -= byteCount(state.reciprocals.removeValue(forKey: index)!.value)
                }
                guard state.bytes + byteCount(next) <= state.byteLimit else { break }
                state.powers.append(next)
                state.bytes += byteCount(next)
            }
        }
        return powers
    }

    /// 10^(19·chunks): the product of the chain's powers for the one bits of `chunks`.
    ///
    /// - Complexity: O(M(n)) for a result of n limbs, on top of ``chain(upTo:)``.
    static func power(chunks: Int, from chain: [BigInt]) -> BigInt {
        precondition(chunks >= 1)
        var result: BigInt? = nil
        var rest = chunks, index = 0
        // Invariant: result == 10^(19·(chunks mod 2^index)) (nil for 1), rest == chunks >> index.
        while rest > 0 {
            if rest & 1 == 1 {
                let factor = chain[index]
                result = result.map { $0 * factor } ?? factor
            }
            rest >>= 1
            index += 1
        }
        return result!
    }

    /// A reciprocal of a power P = 10^(19·2^i) of m limbs, to `limbs` = L >= m limbs: V = B^L + I
    /// with B^(2L)/D - 2 <= V < B^(2L)/D, D = P · 2^shift · B^(L - m) (P normalized: top bit set,
    /// padded with zero limbs to L). So V · 2^shift / B^(L + m) approximates 1/P from below.
    struct Reciprocal {
        let limbs: Int
        let shift: Int
        /// V, L + 1 limbs (its top limb 1).
        let value: BigInt
    }

    /// The reciprocal of `power` (== chain[index]) to at least `limbs` limbs (at least the power's
    /// own), from the cache when it holds one as precise, or computed and cached; nil when it is not
    /// cached and the budget has no room for it (the caller then divides: a reciprocal computed for
    /// one product costs more than the division it replaces).
    ///
    /// - Complexity: O(1) when cached; otherwise one Newton reciprocal of L limbs (GMP's
    ///   mpn_invertappr, about 1.3x a product of L by L limbs), or a division where GMP lacks it.
    static func reciprocal(index: Int, of power: BigInt, limbs: Int) -> Reciprocal? {
        let limbs = Swift.max(limbs, power.limbCount)
        // One look under the lock: a precise enough reciprocal, or whether a new one would fit.
        let (cached, fits): (Reciprocal?, Bool) = state.withLock { state in
            if let cached = state.reciprocals[index], cached.limbs >= limbs { return (cached, true) }
            let freed = state.reciprocals[index].map { byteCount($0.value) } ?? 0
            return (nil, state.bytes - freed + (limbs + 1) * MemoryLayout<UInt>.stride <= state.byteLimit)
        }
        if let cached { return cached }
        guard fits else { return nil }
        let reciprocal = computeReciprocal(of: power, limbs: limbs)
        state.withLock { state in
            let old = state.reciprocals[index]
            guard (old?.limbs ?? 0) < reciprocal.limbs else { return }
            let bytes = state.bytes - (old.map { byteCount($0.value) } ?? 0) + byteCount(reciprocal.value)
            guard bytes <= state.byteLimit else { return }
            state.reciprocals[index] = reciprocal
            state.bytes = bytes
        }
        return reciprocal
    }

    private static func computeReciprocal(of power: BigInt, limbs: Int) -> Reciprocal {
        let powerLimbs = power.limbCount
        precondition(limbs >= powerLimbs && powerLimbs >= 1)
        return power.withUnsafeMPZ { power in
            let p = __gmpz_limbs_read(power)!
            let shift = p[powerLimbs - 1].leadingZeroBitCount
            // D: the power shifted to set its top bit, zero limbs below up to L limbs.
            let divisor = LimbMemory.allocate(limbs, as: UInt.self)
            defer { LimbMemory.free(divisor, count: limbs) }
            divisor.update(repeating: 0, count: limbs - powerLimbs)
            if shift > 0 {
                _ = __gmpn_lshift(divisor + (limbs - powerLimbs), p, powerLimbs, UInt32(shift))
            } else {
                (divisor + (limbs - powerLimbs)).update(from: p, count: powerLimbs)
            }
            let value = BigInt { value in
                if let invert = GMPInternals.reciprocal {
                    let result = __gmpz_limbs_write(value, limbs + 1)!
                    let scratchLimbs = GMPInternals.reciprocalScratch(size: limbs)
                    let scratch = LimbMemory.allocate(scratchLimbs, as: UInt.self)
                    _ = invert(result, divisor, limbs, scratch)
                    LimbMemory.free(scratch, count: scratchLimbs)
                    result[limbs] = 1
                    __gmpz_limbs_finish(value, limbs + 1)
                } else {
                    // floor((B^(2L) - 1) / D): the exact value mpn_invertappr approximates.
                    let d = BigInt { __gmpz_limbs_write($0, limbs)!.update(from: divisor, count: limbs); __gmpz_limbs_finish($0, limbs) }
                    __gmpz_set_ui(value, 1)
                    __gmpz_mul_2exp(value, value, UInt(128 * limbs))
                    __gmpz_sub_ui(value, value, 1)
                    d.withUnsafeMPZ { __gmpz_tdiv_q(value, value, $0) }
                }
            }
            return Reciprocal(limbs: limbs, shift: shift, value: value)
        }
    }

    /// The cache's budget in bytes; setting it drops the reciprocals and the largest powers that no
    /// longer fit.
    static var byteLimit: Int {
        get { state.withLock { $0.byteLimit } }
        set {
            precondition(newValue >= 0, "The power cache's byte limit cannot be negative")
            state.withLock { state in
                state.byteLimit = newValue
                // Invariant: state.bytes is the byte count of state.powers and state.reciprocals.
                // The reciprocals go first, the largest first; then the largest powers.
                for index in state.reciprocals.keys.sorted(by: >) where state.bytes > newValue {
                    state.bytes -= byteCount(state.reciprocals.removeValue(forKey: index)!.value)
                }
                while state.bytes > newValue, let last = state.powers.popLast() {
                    state.bytes -= byteCount(last)
                }
            }
        }
    }

    /// Bytes the cache holds now.
    static var cachedBytes: Int { state.withLock { $0.bytes } }
}

extension BigInt {
    /// The most bytes the decimal conversion keeps between calls for its powers of ten and their
    /// reciprocals (64 MiB by default, enough for values of about 4·10^7 digits). Setting it lower
    /// frees the reciprocals and the largest powers at once; 0 keeps nothing, so every conversion
    /// computes its powers afresh (and divides at its roots).
    public static var decimalPowerCacheByteLimit: Int {
        get { DecimalPowerCache.byteLimit }
        set { DecimalPowerCache.byteLimit = newValue }
    }
}
