import Hummingbird
import HummingbirdTesting
import Logging
@testable import FibServerApp

/// The tests' one way to a server: the shipped wiring (`buildApplication`), in process.
enum TestApp {
    /// Runs `test` against an application built by `buildApplication` from `settings`, with its
    /// services at hand, and shuts the pool down afterwards.
    static func with(
        _ settings: ServerSettings = RouterTests.settings(),
        _ test: @escaping @Sendable (any TestClientProtocol, AppServices) async throws -> Void
    ) async throws {
        var logger = Logger(label: "fib-server-tests")
        logger.logLevel = .warning
        let services = try AppServices(settings: settings, logger: logger)
        let app = try buildApplication(settings: settings, logger: logger, services: services)
        try await app.test(.router) { client in try await test(client, services) }
        services.pool.shutdown()
    }
}
