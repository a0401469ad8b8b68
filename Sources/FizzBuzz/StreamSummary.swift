/// The counts behind `FrequencyCounter`: the Stream-Summary structure of the Space-Saving algorithm
/// (Metwally, Agrawal and El Abbadi, "Efficient Computation of Frequent and Top-k Elements in Data
/// Streams", 2005).
///
/// Keys with the same count share a bucket; buckets form a list ordered by count, and each bucket
/// lists its keys in the order they reached that count. Recording a key moves it from its bucket to the
/// tail of the next (creating it when the next count is missing), so `record` is O(1) and the leaders
/// are always at the top: reading the k most common visits k keys.
///
/// Nodes and buckets live in arrays linked by index, not in objects, so the hot path does no
/// reference counting.
@usableFromInline
struct StreamSummary<Key: Hashable> {
    @usableFromInline
    struct Node {
        @usableFromInline var bucket: Int32
        @usableFromInline var previous: Int32
        @usableFromInline var next: Int32
        /// How much the count may exceed the key's true count (Space-Saving's ε); 0 while exact.
        @usableFromInline var overestimate: Int

        @inlinable
        init(bucket: Int32, previous: Int32, next: Int32, overestimate: Int) {
            (self.bucket, self.previous, self.next, self.overestimate) = (bucket, previous, next, overestimate)
        }
    }

    @usableFromInline
    struct Bucket {
        @usableFromInline var count: Int
        @usableFromInline var head: Int32
        @usableFromInline var tail: Int32
        /// The bucket with the next lower count, and the next higher.
        @usableFromInline var lower: Int32
        @usableFromInline var higher: Int32

        @inlinable
        init(count: Int, head: Int32, tail: Int32, lower: Int32, higher: Int32) {
            (self.count, self.head, self.tail, self.lower, self.higher) = (count, head, tail, lower, higher)
        }
    }

    @inlinable static var none: Int32 { -1 }

    /// At most this many keys are kept (bounded mode), or nil for every key (exact mode).
    @usableFromInline let capacity: Int?
    @usableFromInline var total = 0
    @usableFromInline var evictions = 0
    @usableFromInline var index: [Key: Int32] = [:]
    @usableFromInline var keys: [Key] = []
    @usableFromInline var nodes: [Node] = []
    @usableFromInline var buckets: [Bucket] = []
    @usableFromInline var freeBuckets: [Int32] = []
    @usableFromInline var lowest = none
    @usableFromInline var highest = none

    @usableFromInline
    init(capacity: Int?) {
        precondition(capacity.map { $0 >= 1 } ?? true, "A bounded counter needs a capacity of at least 1")
        self.capacity = capacity
        if let capacity {
            index.reserveCapacity(capacity)
            keys.reserveCapacity(capacity)
            nodes.reserveCapacity(capacity)
        }
    }

    @inlinable var distinctCount: Int { keys.count }

    /// Counts one more occurrence of `key`.
    @inlinable
    mutating func record(_ key: Key) {
        total += 1
        if let node = index[key] {
            increment(node)
        } else if capacity.map({ keys.count < $0 }) ?? true {
            let node = Int32(keys.count)
            keys.append(key)
            nodes.append(Node(bucket: Self.none, previous: Self.none, next: Self.none, overestimate: 0))
            index[key] = node
            place(node, inBucketWithCount: 1, after: Self.none)
        } else {
            // Space-Saving: the newcomer takes the place of the earliest key with the smallest count m,
            // with count m + 1 and an overestimate of m (it may have occurred up to m times unseen).
            let bucket = lowest
            let node = buckets[Int(bucket)].head
            index.removeValue(forKey: keys[Int(node)])
            keys[Int(node)] = key
            index[key] = node
            nodes[Int(node)].overestimate = buckets[Int(bucket)].count
            evictions += 1
            increment(node)
        }
    }

    /// The count of `key` (0 when not kept) and how much it may overstate the true count.
    @inlinable
    func count(of key: Key) -> (count: Int, overestimate: Int) {
        guard let node = index[key] else { return (0, 0) }
        return (buckets[Int(nodes[Int(node)].bucket)].count, nodes[Int(node)].overestimate)
    }

    /// The `k` highest counts, highest first; equal counts in the order their keys reached them.
    @inlinable
    func mostCommon(_ k: Int) -> [(key: Key, count: Int, overestimate: Int)] {
        var result: [(key: Key, count: Int, overestimate: Int)] = []
        result.reserveCapacity(min(k, keys.count))
        var bucket = highest
        while bucket != Self.none && result.count < k {
            var node = buckets[Int(bucket)].head
            while node != Self.none && result.count < k {
                result.append((keys[Int(node)], buckets[Int(bucket)].count, nodes[Int(node)].overestimate))
                node = nodes[Int(node)].next
            }
            bucket = buckets[Int(bucket)].lower
        }
        return result
    }

    /// Appends a kept entry as restored from a snapshot: entries must come in ascending count order,
    /// and within a count in the order they reached it.
    @inlinable
    mutating func restore(_ key: Key, count: Int, overestimate: Int) {
        let node = Int32(keys.count)
        keys.append(key)
        nodes.append(Node(bucket: Self.none, previous: Self.none, next: Self.none, overestimate: overestimate))
        index[key] = node
        place(node, inBucketWithCount: count, after: highest)
    }

    @inlinable
    mutating func setTotal(_ total: Int, evictions: Int) {
        self.total = total
        self.evictions = evictions
    }

    @inlinable
    func contains(_ key: Key) -> Bool { index[key] != nil }

    // MARK: - Moving nodes between buckets

    /// Moves `node` from its bucket (count c) to the tail of the bucket for c + 1.
    @inlinable
    mutating func increment(_ node: Int32) {
        let bucket = nodes[Int(node)].bucket
        let count = buckets[Int(bucket)].count
        unlink(node, from: bucket)
        // The bucket stays in the list until the node is placed, so "after bucket" still means
        // "right above count c"; it is dropped afterwards if it emptied.
        place(node, inBucketWithCount: count + 1, after: bucket)
        if buckets[Int(bucket)].head == Self.none { removeBucket(bucket) }
    }

    /// Appends `node` to the bucket with `count`, which is either the one just above `after` or a new
    /// one inserted there (`after` = none: at the bottom, or at the top when restoring).
    @inlinable
    mutating func place(_ node: Int32, inBucketWithCount count: Int, after: Int32) {
        let above = after == Self.none ? lowest : buckets[Int(after)].higher
        let target: Int32
        if above != Self.none && buckets[Int(above)].count == count {
            target = above
        } else if after != Self.none && buckets[Int(after)].count == count {
            target = after
        } else {
            target = newBucket(count: count, lower: after, higher: above)
        }
        let tail = buckets[Int(target)].tail
        nodes[Int(node)].bucket = target
        nodes[Int(node)].previous = tail
        nodes[Int(node)].next = Self.none
        if tail == Self.none { buckets[Int(target)].head = node } else { nodes[Int(tail)].next = node }
        buckets[Int(target)].tail = node
    }

    @inlinable
    mutating func unlink(_ node: Int32, from bucket: Int32) {
        let (previous, next) = (nodes[Int(node)].previous, nodes[Int(node)].next)
        if previous == Self.none { buckets[Int(bucket)].head = next } else { nodes[Int(previous)].next = next }
        if next == Self.none { buckets[Int(bucket)].tail = previous } else { nodes[Int(next)].previous = previous }
    }

    @inlinable
    mutating func newBucket(count: Int, lower: Int32, higher: Int32) -> Int32 {
        let bucket = Bucket(count: count, head: Self.none, tail: Self.none, lower: lower, higher: higher)
        let id: Int32
        if let free = freeBuckets.popLast() {
            id = free
            buckets[Int(id)] = bucket
        } else {
            id = Int32(buckets.count)
            buckets.append(bucket)
        }
        if lower == Self.none { lowest = id } else { buckets[Int(lower)].higher = id }
        if higher == Self.none { highest = id } else { buckets[Int(higher)].lower = id }
        return id
    }

    @inlinable
    mutating func removeBucket(_ bucket: Int32) {
        let (lower, higher) = (buckets[Int(bucket)].lower, buckets[Int(bucket)].higher)
        if lower == Self.none { lowest = higher } else { buckets[Int(lower)].higher = higher }
        if higher == Self.none { highest = lower } else { buckets[Int(higher)].lower = lower }
        freeBuckets.append(bucket)
    }
}
