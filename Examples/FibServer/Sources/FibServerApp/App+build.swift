import BigNum
import Foundation
import FizzBuzz
import Hummingbird
import Logging

/// The request context of this server: Hummingbird's basic one, whose JSON answers have their keys
/// sorted, so that the same answer is always the same bytes.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    public var responseEncoder: JSONEncoder { Self.sortedKeysEncoder }

    /// One encoder for every answer (JSONEncoder is safe to share: its settings are never changed).
    package static let sortedKeysEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()
}

/// The pieces a running server shares between requests.
public struct AppServices: Sendable {
    public let settings: ServerSettings
    public let metrics: ServerMetrics
    public let pool: ComputePool
    let values: ValueService
    public let counts: any CountStore

    /// Throws for a counts URL that is not a PostgreSQL URL.
    public init(settings: ServerSettings, logger: Logger = Logger(label: "fib-server")) throws {
        self.settings = settings
        metrics = ServerMetrics()
        pool = ComputePool(threads: settings.poolSize, queueLimit: settings.queueLimit, metrics: metrics)
        values = ValueService(pool: pool, cacheBytes: settings.cacheBytes, maximumIndex: settings.maximumIndex, metrics: metrics)
        counts = try settings.countsURL.map { try PostgresCountStore(url: $0, logger: logger) }
            ?? InMemoryCountStore(capacity: settings.counterCapacity)
    }
}

/// The application: the router, the HTTP server's limits, and a graceful shutdown on SIGTERM or SIGINT
/// (through swift-service-lifecycle when run with `runService()`).
///
/// `services` are made from `settings` unless given (tests pass their own, to look inside them).
public func buildApplication(settings: ServerSettings, logger: Logger, services: AppServices? = nil) throws -> some ApplicationProtocol {
    let services = try services ?? AppServices(settings: settings, logger: logger)
    let router = buildRouter(services: services)
    return Application(
        router: router,
        server: .http1(configuration: .init(idleTimeout: .seconds(Int64(settings.idleTimeoutSeconds)))),
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "fib-server"),
        services: services.counts.services,
        onServerRunning: { _ in
            logger.info("fib-server listening", metadata: ["host": .string(settings.host), "port": .stringConvertible(settings.port)])
            // Create the counts table now rather than at the first submission (if the database is
            // away, /ready says so and the next use tries again).
            Task { try? await services.counts.checkReady() }
        },
        logger: logger)
}

/// Every route, with the middleware that logs and measures each request and turns errors into JSON.
public func buildRouter(services: AppServices) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: RequestMiddleware(metrics: services.metrics))
    router.add(middleware: JSONErrorMiddleware())
    FibonacciController(settings: services.settings, service: services.values).addRoutes(to: router)
    FamilyController(settings: services.settings, pool: services.pool).addRoutes(to: router)
    FizzBuzzController(settings: services.settings, counts: services.counts, metrics: services.metrics).addRoutes(to: router)
    OperationsController(settings: services.settings, metrics: services.metrics, pool: services.pool, counts: services.counts)
        .addRoutes(to: router)
    // A known path with another method is a 405 naming the allowed ones, not a 404.
    for route in APIRoutes.all {
        let allow = route.allowHeader
        for method in APIRoutes.methodsAnswered where !route.methods.contains(method) {
            router.on(RouterPath(route.path), method: method) { _, _ -> Response in
                throw APIError(.methodNotAllowed, "\(method.rawValue) is not allowed here; use \(allow)", headers: [.allow: allow])
            }
        }
    }
    return router
}

import HTTPTypes
