import BigNum
import FizzBuzz
import Hummingbird
import Logging

/// The request context of this server.
public typealias AppRequestContext = BasicRequestContext

/// The pieces a running server shares between requests.
public struct AppServices: Sendable {
    public let settings: ServerSettings
    public let metrics: ServerMetrics
    public let pool: ComputePool
    let values: ValueService
    public let counter: FrequencyCounter<BigInt>

    public init(settings: ServerSettings) {
        self.settings = settings
        metrics = ServerMetrics()
        pool = ComputePool(threads: settings.poolSize, queueLimit: settings.queueLimit, metrics: metrics)
        values = ValueService(pool: pool, cacheBytes: settings.cacheBytes, metrics: metrics)
        counter = FrequencyCounter(mode: .bounded(capacity: settings.counterCapacity))
    }
}

/// The application: the router, the HTTP server's limits, and a graceful shutdown on SIGTERM or SIGINT
/// (through swift-service-lifecycle when run with `runService()`).
public func buildApplication(settings: ServerSettings, logger: Logger) -> some ApplicationProtocol {
    let services = AppServices(settings: settings)
    let router = buildRouter(services: services)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(settings.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "fib-server"),
        onServerRunning: { _ in logger.info("fib-server listening", metadata: ["host": .string(settings.host), "port": .stringConvertible(settings.port)]) },
        logger: logger)
}

/// Every route, with the middleware that logs and measures each request and turns errors into JSON.
public func buildRouter(services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestMiddleware(metrics: services.metrics))
    router.add(middleware: JSONErrorMiddleware())
    FibonacciController(settings: services.settings, service: services.values).addRoutes(to: router)
    FizzBuzzController(settings: services.settings, counter: services.counter, metrics: services.metrics).addRoutes(to: router)
    OperationsController(settings: services.settings, metrics: services.metrics, pool: services.pool).addRoutes(to: router)
    // A known path with another method is a 405 naming the allowed ones, not a 404.
    let routes: [(String, [HTTPRequest.Method])] = [
        ("/api/fibonacci/{n}", [.get]), ("/api/lucas/{n}", [.get]), ("/api/fibonacci", [.get]), ("/api/fizzbuzz", [.post]),
        ("/api/most_common", [.get]), ("/health", [.get]), ("/ready", [.get]), ("/info", [.get]), ("/metrics", [.get]),
        ("/openapi.yaml", [.get]), ("/docs", [.get]), ("/", [.get]),
    ]
    for (path, allowed) in routes {
        let allow = (allowed + (allowed.contains(.get) ? [.head] : [])).map(\.rawValue).joined(separator: ", ")
        for method in [HTTPRequest.Method.get, .post, .put, .delete, .patch] where !allowed.contains(method) {
            router.on(RouterPath(path), method: method) { _, _ -> Response in
                throw APIError(.methodNotAllowed, "\(method.rawValue) is not allowed here; use \(allow)", headers: [.allow: allow])
            }
        }
    }
    return router
}

import HTTPTypes
