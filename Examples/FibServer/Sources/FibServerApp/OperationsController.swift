import Fibonacci
import Foundation
import Hummingbird

/// Health, readiness, information, metrics, the API description and the web pages.
struct OperationsController<Context: RequestContext> {
    let settings: ServerSettings
    let metrics: ServerMetrics
    let pool: ComputePool
    let counts: any CountStore
    let startedAt = ContinuousClock.now

    static var version: String { "0.1.0" }

    func addRoutes(to router: Router<Context>) {
        router.get("/health") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: #"{"status":"ok"}"#)))
        }
        router.get("/ready") { _, _ -> Readiness in
            // Not ready while the counts database is away (the error is a 503).
            try await counts.checkReady()
            let (running, queued) = pool.load
            return Readiness(status: "ready", computing: running, queued: queued)
        }
        router.get("/info") { _, _ in info() }
        router.get("/metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
        }
        let openAPIDocument = OpenAPIDocument.yaml(for: settings)  // written once, with this server's limits
        router.get("/openapi.yaml") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: openAPIDocument)))
        }
        router.get("/docs") { _, _ in Self.html(DocsPage.html) }
        router.get("/") { _, _ in Self.html(WebPage.html) }
    }

    struct Readiness: ResponseEncodable {
        var status: String
        var computing: Int
        var queued: Int
    }

    struct Info: ResponseEncodable {
        struct Limits: Encodable {
            var maximumIndex: Int
            var iterativeIndex: Int
            var sequenceCount: Int
            var sequenceDigits: Int
            var fizzBuzzDigits: Int
            var mostCommonLimit: Int
            var bodyBytes: Int
            var counterCapacity: Int
            var cacheBytes: Int
        }
        struct Pool: Encodable {
            var threads: Int
            var queueLimit: Int
        }
        var name: String
        var version: String
        var gmpVersion: String
        var uptimeSeconds: Double
        var limits: Limits
        var pool: Pool
        var strategies: [String]
    }

    func info() -> Info {
        let uptime = ContinuousClock.now - startedAt
        return Info(
            name: "fib-server", version: Self.version, gmpVersion: BigInt.gmpVersion,
            uptimeSeconds: Double(uptime.nanoseconds) / 1e9,
            limits: .init(maximumIndex: settings.maximumIndex, iterativeIndex: settings.iterativeIndexLimit, sequenceCount: settings.sequenceCountLimit,
                          sequenceDigits: settings.sequenceDigitLimit, fizzBuzzDigits: settings.fizzBuzzDigitLimit,
                          mostCommonLimit: settings.mostCommonLimit, bodyBytes: settings.maximumBodyBytes,
                          counterCapacity: settings.counterCapacity, cacheBytes: settings.cacheBytes),
            pool: .init(threads: pool.threads, queueLimit: pool.queueLimit),
            strategies: ["default"] + FibonacciStrategy.allCases.map(\.rawValue))
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
