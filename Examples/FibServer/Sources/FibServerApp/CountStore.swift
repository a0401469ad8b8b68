import BigNum
import FizzBuzz
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle

/// Where the FizzBuzz counts live: in this process (the default), or in PostgreSQL, shared by every
/// replica of the server and kept across restarts.
public protocol CountStore: Sendable {
    /// Counts one accepted submission.
    func record(_ number: BigInt) async throws
    /// The `limit` most common numbers, most common first (equal counts: first to reach the count first).
    func mostCommon(_ limit: Int) async throws -> MostCommonCounts
    /// Throws when the store cannot take submissions now.
    func checkReady() async throws
    /// Services the store needs running (a connection pool), for the application's service group.
    var services: [any Service] { get }
}

public struct MostCommonCounts: Sendable {
    public var entries: [(number: String, count: Int)]
    public var total: Int
    /// False once counts may overstate (the in-memory store's bounded mode has evicted numbers).
    public var exact: Bool
}

/// The counts in this process: a bounded `FrequencyCounter`.
public struct InMemoryCountStore: CountStore {
    public let counter: FrequencyCounter<BigInt>

    public init(capacity: Int) {
        counter = FrequencyCounter(mode: .bounded(capacity: capacity))
    }

    public func record(_ number: BigInt) async throws { counter.record(number) }

    public func mostCommon(_ limit: Int) async throws -> MostCommonCounts {
        MostCommonCounts(entries: counter.mostCommon(limit).map { ($0.key.description, $0.count) },
                         total: counter.total, exact: counter.isExact)
    }

    public func checkReady() async throws {}

    public var services: [any Service] { [] }
}

/// The counts in PostgreSQL, shared by every server that uses the same database.
///
/// Schema (created when missing):
///
///     CREATE TABLE fizzbuzz_counts (number text PRIMARY KEY, count bigint NOT NULL, reached bigint NOT NULL);
///     CREATE INDEX fizzbuzz_counts_rank ON fizzbuzz_counts (count DESC, reached);
///     CREATE SEQUENCE fizzbuzz_reached;
///
/// `reached` orders equal counts by who reached the count first, as the in-memory counter does. An
/// increment is one atomic upsert, so concurrent replicas never lose or double one; the top k is an
/// index scan. Every statement runs under a short timeout: while the database is away, submissions and
/// readiness fail fast with a 503, and the connection pool reconnects when it returns.
public final class PostgresCountStore: CountStore {
    let client: PostgresClient
    let logger: Logger
    let timeout: Duration
    private let schemaReady = Mutex(false)

    public var services: [any Service] { [client] }

    /// A store for `url` (`postgres://user[:password]@host[:port]/database`).
    public init(url: String, logger: Logger, timeout: Duration = .seconds(2)) throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme),
              let host = components.host, let user = components.user, !user.isEmpty else {
            throw StoreError.invalidURL(url)
        }
        let database = String(components.path.drop { $0 == "/" })
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: database.isEmpty ? nil : database, tls: .disable)
        configuration.options.connectTimeout = timeout
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.timeout = timeout
    }

    public enum StoreError: Error, CustomStringConvertible {
        case invalidURL(String)
        case timedOut
        /// The database did not answer, or failed: the caller should retry shortly (a 503).
        case unavailable

        public var description: String {
            switch self {
            case .invalidURL(let url): "Not a PostgreSQL URL (postgres://user@host:port/database): \(url)"
            case .timedOut: "The counts database did not answer in time"
            case .unavailable: "The counts database is unavailable; retry shortly"
            }
        }
    }

    public func record(_ number: BigInt) async throws {
        try await run { [logger] client in
            try await client.query("""
                INSERT INTO fizzbuzz_counts (number, count, reached) VALUES (\(number.description), 1, nextval('fizzbuzz_reached'))
                ON CONFLICT (number) DO UPDATE SET count = fizzbuzz_counts.count + 1, reached = nextval('fizzbuzz_reached')
                """, logger: logger)
        }
    }

    public func mostCommon(_ limit: Int) async throws -> MostCommonCounts {
        try await run { [logger] client in
            var entries: [(number: String, count: Int)] = []
            let rows = try await client.query(
                "SELECT number, count FROM fizzbuzz_counts ORDER BY count DESC, reached LIMIT \(limit)", logger: logger)
            for try await (number, count) in rows.decode((String, Int).self) { entries.append((number, count)) }
            var total = 0
            for try await (sum,) in try await client.query("SELECT coalesce(sum(count), 0)::bigint FROM fizzbuzz_counts", logger: logger)
                .decode((Int,).self) { total = sum }
            return MostCommonCounts(entries: entries, total: total, exact: true)
        }
    }

    public func checkReady() async throws {
        try await run { [logger] client in try await client.query("SELECT 1", logger: logger) }
    }

    /// Runs `body` once the schema exists, within the timeout; any failure is logged and becomes
    /// ``StoreError/unavailable``.
    @discardableResult
    private func run<Value: Sendable>(_ body: @escaping @Sendable (PostgresClient) async throws -> Value) async throws -> Value {
        do {
            return try await withTimeout(timeout) { [self] in
                try await ensureSchema()
                return try await body(client)
            }
        } catch {
            logger.warning("counts database unavailable", metadata: ["error": "\(String(reflecting: error).prefix(200))"])
            throw StoreError.unavailable
        }
    }

    /// Creates the table, index and sequence when missing (once per process, retried until it works).
    private func ensureSchema() async throws {
        if schemaReady.withLock({ $0 }) { return }
        // Two replicas starting together may race on CREATE ... IF NOT EXISTS; an advisory lock
        // serializes them; it is released with the transaction.
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("SELECT pg_advisory_xact_lock(727100)", logger: logger)
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS fizzbuzz_counts (number text PRIMARY KEY, count bigint NOT NULL, reached bigint NOT NULL)",
                    logger: logger)
                try await connection.query(
                    "CREATE INDEX IF NOT EXISTS fizzbuzz_counts_rank ON fizzbuzz_counts (count DESC, reached)", logger: logger)
                try await connection.query("CREATE SEQUENCE IF NOT EXISTS fizzbuzz_reached", logger: logger)
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
        schemaReady.withLock { $0 = true }
    }
}

/// `body`'s value, or `PostgresCountStore.StoreError.timedOut` after `limit`.
func withTimeout<Value: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
    try await withThrowingTaskGroup(of: Value.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw PostgresCountStore.StoreError.timedOut
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}

import Synchronization
