import CoreMetrics
import Metrics
import Prometheus
import Synchronization

/// The server's metrics: swift-metrics objects backed by a Prometheus registry of this server's own
/// (not the process-wide metrics system, so several servers, as in tests, never mix their counts).
public final class ServerMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()
    let factory: PrometheusMetricsFactory

    let poolRunning: CoreMetrics.Gauge
    let poolQueued: CoreMetrics.Gauge
    let poolRejections: CoreMetrics.Counter
    let counterKeys: CoreMetrics.Gauge
    let cacheBytes: CoreMetrics.Gauge

    public init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        // Request latencies from 50 µs to 30 s; computations from 1 µs to 60 s; results in digits.
        factory.durationHistogramBuckets = [
            "http_request_duration_seconds": [50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000,
                                              100_000, 250_000, 500_000, 1_000_000, 5_000_000, 30_000_000].map { .microseconds($0) },
            "fib_computation_seconds": [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 60_000_000].map { .microseconds($0) },
        ]
        factory.valueHistogramBuckets = ["fib_result_digits": [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000]]
        self.factory = factory
        poolRunning = CoreMetrics.Gauge(label: "compute_pool_running", factory: factory)
        poolQueued = CoreMetrics.Gauge(label: "compute_pool_queued", factory: factory)
        poolRejections = CoreMetrics.Counter(label: "compute_pool_rejections_total", factory: factory)
        counterKeys = CoreMetrics.Gauge(label: "fizzbuzz_counter_keys", factory: factory)
        cacheBytes = CoreMetrics.Gauge(label: "fib_cache_bytes", factory: factory)
    }

    /// The request metrics of one route, method and status, made once: making them through the factory
    /// looks them up in the registry, which cost more than the rest of a small request.
    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }
    private let requestMetrics = Mutex<[RequestKey: (count: CoreMetrics.Counter, duration: CoreMetrics.Timer)]>([:])

    /// One answered request.
    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = RequestKey(route: route, method: method, status: status)
        let metrics = requestMetrics.withLock { cache in
            if let known = cache[key] { return known }
            let made = (
                count: CoreMetrics.Counter(label: "http_requests_total",
                                           dimensions: [("route", route), ("method", method), ("status", "\(status)")], factory: factory),
                duration: CoreMetrics.Timer(label: "http_request_duration_seconds", dimensions: [("route", route)], factory: factory))
            cache[key] = made
            return made
        }
        metrics.count.increment()
        metrics.duration.recordNanoseconds(duration.nanoseconds)
    }

    /// One computation, by the strategy that ran, and the size of its result.
    func recordComputation(strategy: String, duration: Duration, digits: Int) {
        CoreMetrics.Timer(label: "fib_computation_seconds", dimensions: [("strategy", strategy)], factory: factory)
            .recordNanoseconds(duration.nanoseconds)
        CoreMetrics.Recorder(label: "fib_result_digits", factory: factory).record(digits)
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> String {
        registry.emitToString()
    }

    /// The metric names this server exports (for checking dashboards and alert rules against).
    public static let names = [
        "http_requests_total", "http_request_duration_seconds", "fib_computation_seconds", "fib_result_digits",
        "compute_pool_running", "compute_pool_queued", "compute_pool_rejections_total", "fizzbuzz_counter_keys",
        "fib_cache_bytes",
    ]
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    var microseconds: Int { Int(nanoseconds / 1_000) }
}
