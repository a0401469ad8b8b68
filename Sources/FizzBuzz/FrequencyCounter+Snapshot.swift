/// Why a snapshot could not be restored.
public struct FrequencyCounterSnapshotError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
}

extension FrequencyCounter where Key: Codable {
    /// Everything a counter holds, for saving (it is `Codable`) and restoring with
    /// ``FrequencyCounter/init(restoring:)``.
    public struct Snapshot: Codable, Sendable {
        public var mode: Mode
        public var total: Int
        /// How many keys bounded mode has evicted (0 means every count is exact).
        public var evictions: Int
        /// Every kept key, highest count first, equal counts in the order they reached them.
        public var entries: [SnapshotEntry]
    }

    public struct SnapshotEntry: Codable, Sendable, Equatable {
        public var key: Key
        public var count: Int
        public var maximumOverestimate: Int
    }

    /// The counter's state at this moment, taken under its lock.
    ///
    /// - Complexity: O(d) for d kept keys.
    public func snapshot() -> Snapshot {
        let (entries, total, evictions) = state.withLock { summary in
            (summary.mostCommon(summary.distinctCount), summary.total, summary.evictions)
        }
        return Snapshot(
            mode: mode, total: total, evictions: evictions,
            entries: entries.map { SnapshotEntry(key: $0.key, count: $0.count, maximumOverestimate: $0.overestimate) })
    }

    /// A counter holding exactly what `snapshot` describes: the same counts, the same order among
    /// equal counts, the same mode. Throws when the snapshot is inconsistent (counts out of order or
    /// not positive, repeated keys, more keys than the capacity, a total below the counts).
    ///
    /// - Complexity: O(d) for d keys.
    public convenience init(restoring snapshot: Snapshot) throws(FrequencyCounterSnapshotError) {
        func invalid(_ reason: String) -> FrequencyCounterSnapshotError {
            FrequencyCounterSnapshotError(description: "Invalid frequency counter snapshot: \(reason)")
        }
        if case .bounded(let capacity) = snapshot.mode {
            guard capacity >= 1 else { throw invalid("capacity \(capacity) is below 1") }
            guard snapshot.entries.count <= capacity else {
                throw invalid("\(snapshot.entries.count) keys exceed the capacity of \(capacity)")
            }
        }
        guard snapshot.evictions >= 0 else { throw invalid("negative eviction count") }
        if snapshot.mode == .exact && snapshot.evictions > 0 { throw invalid("an exact counter cannot have evicted keys") }
        var seen = Set<Key>(), trueCountsAtLeast = 0, previousCount = Int.max
        for entry in snapshot.entries {
            guard entry.count >= 1 else { throw invalid("count \(entry.count) is not positive") }
            guard entry.count <= previousCount else { throw invalid("counts are not in descending order") }
            guard (0..<entry.count).contains(entry.maximumOverestimate),
                  snapshot.evictions > 0 || entry.maximumOverestimate == 0 else {
                throw invalid("overestimate \(entry.maximumOverestimate) does not fit count \(entry.count)")
            }
            guard seen.insert(entry.key).inserted else { throw invalid("a key appears twice") }
            previousCount = entry.count
            trueCountsAtLeast += entry.count - entry.maximumOverestimate
        }
        guard snapshot.total >= trueCountsAtLeast else { throw invalid("total \(snapshot.total) is below the counts") }
        if snapshot.evictions == 0 && snapshot.total != trueCountsAtLeast {
            throw invalid("total \(snapshot.total) differs from the sum of exact counts, \(trueCountsAtLeast)")
        }

        self.init(mode: snapshot.mode)
        // Rebuild from the lowest count up; within a count, keep the snapshot's order (who got there first).
        let groups = snapshot.entries.chunked { $0.count == $1.count }
        state.withLock { summary in
            for group in groups.reversed() {
                for entry in group { summary.restore(entry.key, count: entry.count, overestimate: entry.maximumOverestimate) }
            }
            summary.setTotal(snapshot.total, evictions: snapshot.evictions)
        }
    }
}

extension Array {
    /// Consecutive runs of elements for which `belongTogether` holds between neighbours.
    fileprivate func chunked(by belongTogether: (Element, Element) -> Bool) -> [ArraySlice<Element>] {
        var runs: [ArraySlice<Element>] = []
        var start = startIndex
        for index in indices.dropFirst() where !belongTogether(self[index - 1], self[index]) {
            runs.append(self[start..<index])
            start = index
        }
        if start < endIndex { runs.append(self[start...]) }
        return runs
    }
}
