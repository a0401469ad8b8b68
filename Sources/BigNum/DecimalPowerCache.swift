import CGMP
import Synchronization

// The powers 10^(19·2^i) that the decimal conversion multiplies by, kept between conversions.

/// A process-wide, thread-safe cache of the chain 10^(19·2^0), 10^(19·2^1), ..., each the square of
/// the one before.
///
/// Bounded: the cache keeps the longest prefix of the chain whose limbs fit in
/// ``BigInt/decimalPowerCacheByteLimit`` (64 MiB by default: the chain for values of up to about
/// 7·10^7 digits; the chain for n digits takes about 0.83·n bytes). Powers above the budget are
/// computed for the conversion that needs them and dropped with it; lowering the budget drops the
/// largest cached powers at once. A prefix, because each power is computed from the one below it.
///
/// The lock is held only to read or extend the array, never while squaring: two threads that miss at
/// the same time both square, and the first to finish stores its result.
enum DecimalPowerCache {
    private struct State {
        var powers: [BigInt] = []
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
            // Keep what fits: extend the cached prefix with the new powers while under the budget.
            while state.powers.count < powers.count {
                let next = powers[state.powers.count]
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

    /// The cache's budget in bytes; setting it drops the largest powers that no longer fit.
    static var byteLimit: Int {
        get { state.withLock { $0.byteLimit } }
        set {
            precondition(newValue >= 0, "The power cache's byte limit cannot be negative")
            state.withLock { state in
                state.byteLimit = newValue
                // Invariant: state.bytes is the byte count of state.powers.
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
    /// The most bytes the decimal conversion keeps between calls for its powers of ten (64 MiB by
    /// default, enough for values of about 7·10^7 digits). Setting it lower frees the largest powers at
    /// once; 0 keeps nothing, so every conversion computes its powers afresh.
    public static var decimalPowerCacheByteLimit: Int {
        get { DecimalPowerCache.byteLimit }
        set { DecimalPowerCache.byteLimit = newValue }
    }
}
