import Synchronization

/// Counts submitted keys and reports the most common ones, safely shared between tasks.
///
/// Two modes:
/// - ``Mode/exact``: every distinct key is kept; every count is exact. Memory grows with the number of
///   distinct keys.
/// - ``Mode/bounded(capacity:)``: at most `capacity` keys are kept, by the Space-Saving algorithm
///   (Metwally, Agrawal and El Abbadi, 2005): a new key arriving at a full table replaces the
///   earliest-recorded key with the smallest count m, and starts at m + 1 with an overestimate of m.
///   Memory is O(capacity) whatever arrives. Guarantees: counts are exact while the distinct keys stay
///   within the capacity; a reported count is never below the true count and exceeds it by at most its
///   ``Entry/maximumOverestimate`` (itself at most total / capacity); every key whose true count
///   exceeds total / capacity is kept.
///
/// ``mostCommon(_:)`` lists counts highest first. Equal counts are ordered by which key reached that
/// count first (its arrival at the count, not its first submission), so the order is deterministic for
/// a given sequence of `record` calls.
///
/// - Complexity: `record` O(1) (amortized, one hash lookup); `mostCommon(k)` O(k), whatever the number
///   of distinct keys; `count(of:)` O(1).
public final class FrequencyCounter<Key: Hashable & Sendable>: Sendable {
    public enum Mode: Hashable, Sendable, Codable {
        case exact
        case bounded(capacity: Int)
    }

    /// One reported key.
    public struct Entry: Sendable {
        public let key: Key
        /// The recorded count: the true count, or in bounded mode at most `maximumOverestimate` above it.
        public let count: Int
        /// How much `count` may exceed the true count; 0 for exact counts.
        public let maximumOverestimate: Int

        @inlinable
        public init(key: Key, count: Int, maximumOverestimate: Int) {
            (self.key, self.count, self.maximumOverestimate) = (key, count, maximumOverestimate)
        }
    }

    public let mode: Mode
    @usableFromInline let state: Mutex<StreamSummary<Key>>

    /// A counter in `mode` (exact by default). Traps for a bounded capacity below 1.
    public init(mode: Mode = .exact) {
        self.mode = mode
        switch mode {
        case .exact: state = Mutex(StreamSummary(capacity: nil))
        case .bounded(let capacity): state = Mutex(StreamSummary(capacity: capacity))
        }
    }

    /// Counts one occurrence of `key`.
    ///
    /// - Complexity: O(1) amortized.
    @inlinable
    public func record(_ key: Key) {
        state.withLock { $0.record(key) }
    }

    /// Counts one occurrence of each key, under a single lock.
    @inlinable
    public func record<Keys: Sequence<Key>>(contentsOf keys: Keys) {
        state.withLock { summary in
            for key in keys { summary.record(key) }
        }
    }

    /// The recorded count of `key`: 0 when it was never recorded (or, in bounded mode, was evicted).
    @inlinable
    public func count(of key: Key) -> Int {
        state.withLock { $0.count(of: key).count }
    }

    /// How many keys were recorded in all, evicted ones included.
    @inlinable
    public var total: Int { state.withLock { $0.total } }

    /// How many distinct keys are kept now.
    @inlinable
    public var distinctCount: Int { state.withLock { $0.distinctCount } }

    /// Whether every count is exact: always in exact mode; in bounded mode, until the first eviction.
    @inlinable
    public var isExact: Bool { state.withLock { $0.evictions == 0 } }

    /// The `k` most common keys with their counts, highest first (ties as described above).
    ///
    /// - Complexity: O(k).
    @inlinable
    public func mostCommon(_ k: Int) -> [(key: Key, count: Int)] {
        precondition(k >= 0, "mostCommon needs a non-negative count, not \(k)")
        return state.withLock { $0.mostCommon(k) }.map { ($0.key, $0.count) }
    }

    /// As ``mostCommon(_:)``, with each count's largest possible overestimate.
    ///
    /// - Complexity: O(k).
    @inlinable
    public func mostCommonEntries(_ k: Int) -> [Entry] {
        precondition(k >= 0, "mostCommon needs a non-negative count, not \(k)")
        return state.withLock { $0.mostCommon(k) }.map {
            Entry(key: $0.key, count: $0.count, maximumOverestimate: $0.overestimate)
        }
    }
}
