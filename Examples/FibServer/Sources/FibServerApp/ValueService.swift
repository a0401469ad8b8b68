import BigNum
import Fibonacci
import Synchronization

/// The digits of a computed F(n) or L(n), ready to send.
final class ComputedValue: Sendable {
    /// The digits (with a sign), as UTF-8, in the key's format.
    let digits: [UInt8]
    /// The strategy or route the library reports it used.
    let strategy: String
    let elapsed: Duration

    init(digits: [UInt8], strategy: String, elapsed: Duration) {
        self.digits = digits
        self.strategy = strategy
        self.elapsed = elapsed
    }

    /// Bytes this entry holds, for the cache's budget.
    var byteCount: Int { digits.count + 128 }

    /// The number of digits, without the sign.
    var digitCount: Int { digits.count - (digits.first == UInt8(ascii: "-") ? 1 : 0) }
}

/// How a value is written in a response.
enum DigitFormat: String, Sendable {
    case decimal, hex

    var radix: Int { self == .hex ? 16 : 10 }
}

/// Computes values on the pool, shares one computation among concurrent requests for the same value,
/// and keeps recent results in a cache bounded in bytes.
///
/// A request that is cancelled (its client went away) stops waiting at once; the computation itself is
/// cancelled when no request waits for it any more.
final class ValueService: Sendable {
    struct Key: Hashable, Sendable {
        var kind: IntegerSequence
        var n: Int
        /// The requested strategy, or nil for the default (which may be answered from the cache).
        var strategy: FibonacciStrategy?
        var format: DigitFormat = .decimal
    }

    private final class Flight: @unchecked Sendable {
        var waiters: [Int: CheckedContinuation<ComputedValue, any Error>] = [:]
        var task: Task<Void, Never>?
    }

    private struct Flights {
        var byKey: [Key: Flight] = [:]
        var nextWaiter = 0
    }

    let pool: ComputePool
    let metrics: ServerMetrics
    /// The largest |n| computed.
    let maximumIndex: Int
    private let flights = Mutex(Flights())
    private let cache: Mutex<ByteBoundedCache<Key, ComputedValue>>

    /// Up to this |n| a value takes microseconds: it is computed at once, without the pool or the cache.
    static var inlineIndexLimit: Int { 1_000 }

    init(pool: ComputePool, cacheBytes: Int, maximumIndex: Int, metrics: ServerMetrics) {
        self.pool = pool
        self.metrics = metrics
        self.maximumIndex = maximumIndex
        cache = Mutex(ByteBoundedCache(capacity: cacheBytes))
    }

    /// The value for `key` when it can be had at once, and whether it came from the cache: computed
    /// here for |n| up to ``inlineIndexLimit``, or found in the cache (counting as a use; only
    /// default requests are cached). Nil when it needs ``computedValue(for:)``.
    func readyValue(for key: Key) throws -> (value: ComputedValue, cached: Bool)? {
        if key.n.magnitude <= Self.inlineIndexLimit { return (try compute(key, isCancelled: { false }), false) }
        guard key.strategy == nil, let hit = cache.withLock({ $0[key] }) else { return nil }
        return (hit, true)
    }

    /// The value for `key`: from the cache, from a computation already under way, or computed now on
    /// the pool (and recorded in the metrics).
    func computedValue(for key: Key) async throws -> ComputedValue {
        if let (hit, _) = try readyValue(for: key) { return hit }
        let compute = { @Sendable [self] (isCancelled: @escaping @Sendable () -> Bool) throws -> ComputedValue in
            let value = try self.compute(key, isCancelled: isCancelled)
            metrics.recordComputation(strategy: value.strategy, duration: value.elapsed, digits: value.digitCount)
            return value
        }
        let waiter = flights.withLock { flights in
            flights.nextWaiter += 1
            return flights.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let isFirst = flights.withLock { flights in
                    if let flight = flights.byKey[key] {
                        flight.waiters[waiter] = continuation
                        return false
                    }
                    let flight = Flight()
                    flight.waiters[waiter] = continuation
                    flights.byKey[key] = flight
                    return true
                }
                if isFirst {
                    let task = Task { [self] in
                        let result = await Result(catching: { try await self.pool.run(compute) })
                        finish(key, with: result)
                    }
                    flights.withLock { $0.byKey[key]?.task = task }
                }
                // Cancelled before the waiter was registered: the handler below found nothing to remove.
                if Task.isCancelled { leave(key, waiter: waiter) }
            }
        } onCancel: {
            leave(key, waiter: waiter)
        }
    }

    /// F(n) or L(n) as digits in the key's format, with the strategy the library used and the time.
    ///
    /// Decimal without a named strategy is the library's digits route (computed in decimal for large
    /// n, nothing to convert); a named strategy, or hexadecimal, computes in binary and converts.
    func compute(_ key: Key, isCancelled: @escaping () -> Bool) throws -> ComputedValue {
        let start = ContinuousClock.now
        let digits: [UInt8]
        let strategyName: String
        do {
            if key.format == .decimal && key.strategy == nil {
                let result = try sequenceUTF8Digits(key.kind, key.n, maximumIndex: maximumIndex, shouldStop: isCancelled)
                (digits, strategyName) = (result.digits, result.route.rawValue)
            } else {
                // One choice of strategy, made here and reported as made.
                let strategy = key.strategy ?? .fastest(for: key.n)
                let value: BigInt
                switch key.kind {
                case .fibonacci:
                    value = try fibonacci(key.n, using: strategy, maximumIndex: maximumIndex, shouldStop: isCancelled)
                case .lucas:
                    // L(n) = F(n-1) + F(n+1)
                    value = try fibonacci(key.n - 1, using: strategy, maximumIndex: maximumIndex + 1, shouldStop: isCancelled)
                        + fibonacci(key.n + 1, using: strategy, maximumIndex: maximumIndex + 1, shouldStop: isCancelled)
                }
                digits = value.utf8Digits(radix: key.format.radix, threads: 2)
                strategyName = strategy.rawValue
            }
        } catch FibonacciError.cancelled {
            throw CancellationError()
        }
        return ComputedValue(digits: digits, strategy: strategyName, elapsed: ContinuousClock.now - start)
    }

    /// Removes a cancelled waiter, and cancels the computation when it was the last one.
    private func leave(_ key: Key, waiter: Int) {
        let (continuation, task): (CheckedContinuation<ComputedValue, any Error>?, Task<Void, Never>?) = flights.withLock { flights in
            guard let flight = flights.byKey[key], let continuation = flight.waiters.removeValue(forKey: waiter) else { return (nil, nil) }
            return (continuation, flight.waiters.isEmpty ? flight.task : nil)
        }
        continuation?.resume(throwing: CancellationError())
        task?.cancel()
    }

    private func finish(_ key: Key, with result: Result<ComputedValue, any Error>) {
        let waiters = flights.withLock { $0.byKey.removeValue(forKey: key)?.waiters.values.map { $0 } ?? [] }
        if case .success(let value) = result {
            // Stored once, for default requests (whichever strategy computed it): a request that names a
            // strategy computes with it, so its time is that strategy's.
            let bytes = cache.withLock { cache in
                cache.insert(value, for: Key(kind: key.kind, n: key.n, strategy: nil, format: key.format), bytes: value.byteCount)
                return cache.totalBytes
            }
            metrics.cacheBytes.record(bytes)
        }
        for waiter in waiters { waiter.resume(with: result) }
    }
}

/// A least-recently-used cache holding at most `capacity` bytes of values.
struct ByteBoundedCache<Key: Hashable, Value> {
    private final class Node {
        let key: Key
        var value: Value
        var bytes: Int
        var newer: Node?
        weak var older: Node?

        init(key: Key, value: Value, bytes: Int) {
            self.key = key
            self.value = value
            self.bytes = bytes
        }
    }

    let capacity: Int
    private(set) var totalBytes = 0
    private var nodes: [Key: Node] = [:]
    /// The least and the most recently used.
    private var oldest: Node?
    private var newest: Node?

    init(capacity: Int) { self.capacity = capacity }

    var count: Int { nodes.count }

    /// The value for `key`, which becomes the most recently used.
    subscript(key: Key) -> Value? {
        mutating get {
            guard let node = nodes[key] else { return nil }
            moveToNewest(node)
            return node.value
        }
    }

    /// Stores `value`; evicts the least recently used until the total fits. A value larger than the
    /// whole capacity is not stored.
    mutating func insert(_ value: Value, for key: Key, bytes: Int) {
        if let node = nodes.removeValue(forKey: key) { unlink(node) }
        guard bytes <= capacity else { return }
        let node = Node(key: key, value: value, bytes: bytes)
        nodes[key] = node
        link(node)
        while totalBytes > capacity, let victim = oldest {
            nodes.removeValue(forKey: victim.key)
            unlink(victim)
        }
    }

    private mutating func moveToNewest(_ node: Node) {
        guard node !== newest else { return }
        unlink(node)
        link(node)
    }

    private mutating func link(_ node: Node) {
        node.older = newest
        node.newer = nil
        newest?.newer = node
        newest = node
        if oldest == nil { oldest = node }
        totalBytes += node.bytes
    }

    private mutating func unlink(_ node: Node) {
        if let older = node.older { older.newer = node.newer } else { oldest = node.newer }
        if let newer = node.newer { newer.older = node.older } else { newest = node.older }
        node.newer = nil
        node.older = nil
        totalBytes -= node.bytes
    }
}

extension Result where Failure == any Error {
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
