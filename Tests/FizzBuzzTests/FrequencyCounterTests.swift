import Foundation
import Testing
import TestSupport
@testable import FizzBuzz

/// A plain reference: counts in a dictionary, and for ties the time each key last reached its count.
struct ReferenceCounter {
    var counts: [Int: Int] = [:]
    var reachedAt: [Int: Int] = [:]
    var clock = 0

    mutating func record(_ key: Int) {
        counts[key, default: 0] += 1
        reachedAt[key] = clock
        clock += 1
    }

    func mostCommon(_ k: Int) -> [(key: Int, count: Int)] {
        counts.sorted { ($0.value, -reachedAt[$0.key]!) > ($1.value, -reachedAt[$1.key]!) }
            .prefix(k).map { ($0.key, $0.value) }
    }
}

/// A skewed stream: key i drawn with probability proportional to 1 / (i + 1) (Zipf, s = 1).
func zipfStream(count: Int, keys: Int, seed: UInt64) -> [Int] {
    var generator = SeededGenerator(seed: seed)
    let weights = (0..<keys).map { 1 / Double($0 + 1) }
    var cumulative: [Double] = []
    var sum = 0.0
    for weight in weights { sum += weight; cumulative.append(sum) }
    return (0..<count).map { _ in
        let target = Double.random(in: 0..<sum, using: &generator)
        var (low, high) = (0, keys - 1)
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

@Suite struct FrequencyCounterTests {
    @Test(arguments: [(1, 50), (2, 1_000), (3, 20_000)])
    func exactModeMatchesADictionary(seed: UInt64, distinct: Int) {
        var generator = SeededGenerator(seed: seed)
        let counter = FrequencyCounter<Int>()
        var reference = ReferenceCounter()
        for step in 0..<60_000 {
            let key = Int.random(in: 0..<distinct, using: &generator)
            counter.record(key)
            reference.record(key)
            if step % 7_919 == 0 {
                #expect(counter.mostCommon(5).elementsEqual(reference.mostCommon(5)) { $0 == $1 })
            }
        }
        #expect(counter.total == 60_000 && counter.distinctCount == reference.counts.count && counter.isExact)
        for k in [0, 1, 3, 10, reference.counts.count, reference.counts.count + 5] {
            let expected = reference.mostCommon(k), actual = counter.mostCommon(k)
            #expect(actual.count == expected.count && actual.elementsEqual(expected) { $0 == $1 }, "top \(k)")
        }
        for key in 0..<distinct { #expect(counter.count(of: key) == reference.counts[key, default: 0]) }
        #expect(counter.count(of: -1) == 0)
    }

    @Test func tiesGoToWhoeverReachedTheCountFirst() {
        let counter = FrequencyCounter<String>()
        for key in ["a", "b", "c", "b", "a"] { counter.record(key) }
        // b reached 2 before a; c is alone at 1.
        #expect(counter.mostCommon(3).map(\.key) == ["b", "a", "c"])
        counter.record("c")
        #expect(counter.mostCommon(3).map(\.key) == ["b", "a", "c"], "c reached 2 last")
    }

    @Test(arguments: [(10, UInt64(4)), (100, 5), (1_000, 6)])
    func boundedModeKeepsTheSpaceSavingGuarantees(capacity: Int, seed: UInt64) {
        let stream = zipfStream(count: 200_000, keys: 50_000, seed: seed)
        let counter = FrequencyCounter<Int>(mode: .bounded(capacity: capacity))
        var truth: [Int: Int] = [:]
        for key in stream {
            counter.record(key)
            truth[key, default: 0] += 1
        }
        #expect(counter.total == stream.count && counter.distinctCount == capacity && !counter.isExact)
        let entries = counter.mostCommonEntries(capacity)
        let kept = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0) })
        let bound = stream.count / capacity
        for entry in entries {
            let actual = truth[entry.key]!
            #expect(entry.count >= actual, "never below the true count")
            #expect(entry.count - actual <= entry.maximumOverestimate, "within the stated error")
            #expect(entry.maximumOverestimate <= bound, "the error is at most total / capacity")
        }
        for (key, count) in truth where count > bound {
            #expect(kept[key] != nil, "key \(key) with \(count) > \(bound) must be kept")
        }
        #expect(entries.map(\.count) == entries.map(\.count).sorted(by: >))
    }

    @Test func boundedModeIsExactWithinItsCapacity() {
        let counter = FrequencyCounter<Int>(mode: .bounded(capacity: 100))
        var reference = ReferenceCounter()
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            let key = Int.random(in: 0..<100, using: &generator)
            counter.record(key)
            reference.record(key)
        }
        #expect(counter.isExact)
        #expect(counter.mostCommonEntries(100).allSatisfy { $0.maximumOverestimate == 0 })
        #expect(counter.mostCommon(100).elementsEqual(reference.mostCommon(100)) { $0 == $1 })
    }

    @Test func eightTasksLoseNothing() async {
        let counter = FrequencyCounter<Int>()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    for i in 0..<100_000 { counter.record((i * 7 + task) % 1_000) }
                }
            }
        }
        #expect(counter.total == 800_000)
        #expect((0..<1_000).reduce(0) { $0 + counter.count(of: $1) } == 800_000)
        let bounded = FrequencyCounter<Int>(mode: .bounded(capacity: 64))
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask { bounded.record(contentsOf: (0..<100_000).map { ($0 + task) % 5_000 }) }
            }
        }
        #expect(bounded.total == 800_000 && bounded.distinctCount == 64)
    }

    @Test func snapshotsRoundTripThroughJSON() throws {
        for mode in [FrequencyCounter<Int>.Mode.exact, .bounded(capacity: 50)] {
            let counter = FrequencyCounter<Int>(mode: mode)
            for key in zipfStream(count: 5_000, keys: 300, seed: 9) { counter.record(key) }
            let data = try JSONEncoder().encode(counter.snapshot())
            let restored = try FrequencyCounter(restoring: JSONDecoder().decode(FrequencyCounter<Int>.Snapshot.self, from: data))
            #expect(restored.mode == mode && restored.total == counter.total && restored.isExact == counter.isExact)
            #expect(restored.mostCommonEntries(1_000).map { [$0.key, $0.count, $0.maximumOverestimate] }
                    == counter.mostCommonEntries(1_000).map { [$0.key, $0.count, $0.maximumOverestimate] })
            // The restored counter goes on counting like the original.
            for key in [299, 5, 5, 1_000] { counter.record(key); restored.record(key) }
            #expect(restored.mostCommon(1_000).elementsEqual(counter.mostCommon(1_000)) { $0 == $1 })
        }
    }

    @Test func inconsistentSnapshotsAreRejected() {
        typealias Counter = FrequencyCounter<String>
        func snapshot(_ mode: Counter.Mode = .exact, total: Int, evictions: Int = 0, _ entries: [(String, Int, Int)]) -> Counter.Snapshot {
            Counter.Snapshot(mode: mode, total: total, evictions: evictions,
                             entries: entries.map { Counter.SnapshotEntry(key: $0.0, count: $0.1, maximumOverestimate: $0.2) })
        }
        let bad = [
            snapshot(total: 3, [("a", 1, 0), ("b", 2, 0)]),                 // not descending
            snapshot(total: 2, [("a", 1, 0), ("a", 1, 0)]),                 // repeated key
            snapshot(total: 0, [("a", 0, 0)]),                              // count not positive
            snapshot(total: 1, [("a", 2, 0)]),                              // total below the counts
            snapshot(total: 5, [("a", 2, 0)]),                              // exact but total differs
            snapshot(.bounded(capacity: 1), total: 2, [("a", 1, 0), ("b", 1, 0)]), // over capacity
            snapshot(.bounded(capacity: 0), total: 0, []),                  // capacity below 1
            snapshot(total: 2, evictions: 1, [("a", 2, 0)]),                // exact cannot evict
            snapshot(.bounded(capacity: 2), total: 9, evictions: 1, [("a", 2, 2)]), // overestimate >= count
        ]
        for snapshot in bad {
            #expect(throws: FrequencyCounterSnapshotError.self) { try Counter(restoring: snapshot) }
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Counter.Snapshot.self, from: Data(#"{"mode":{"exact":{}},"total":"x","evictions":0,"entries":[]}"#.utf8))
        }
    }
}
