import ArgumentParser
import FibServerApp
import Foundation
import Hummingbird
import Logging

/// `fib-server`: the example HTTP server. Each option can also come from the environment variable
/// named in its help (a flag on the command line wins).
@main
struct FibServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fib-server",
        abstract: "Serve exact Fibonacci numbers, FizzBuzz and the most common FizzBuzz numbers over HTTP.",
        discussion: "Stops gracefully on SIGTERM or SIGINT: requests in flight finish first.")

    @Option(help: "Address to listen on (FIB_HOST; default 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (FIB_PORT; default 8080).") var port: Int?
    @Option(help: "Largest |n| for F(n) and L(n) without mod (FIB_MAX_N; default 10000000).") var maxN: Int?
    @Option(help: "Largest |n| for the O(n²) iterative strategy (FIB_MAX_ITERATIVE_N; default 100000).") var maxIterativeN: Int?
    @Option(help: "Threads that compute (FIB_POOL_SIZE; default: the number of cores).") var poolSize: Int?
    @Option(help: "Requests that may wait for a compute thread before 503 (FIB_QUEUE_LIMIT; default 64).") var queueLimit: Int?
    @Option(help: "Bytes of computed values kept for reuse (FIB_CACHE_BYTES; default 67108864).") var cacheBytes: Int?
    @Option(help: "Distinct FizzBuzz numbers the counter keeps (FIB_COUNTER_CAPACITY; default 100000).") var counterCapacity: Int?
    @Option(help: "PostgreSQL for the FizzBuzz counts, shared by replicas: postgres://user@host:port/database (FIB_COUNTS; default: in memory).")
    var counts: String?
    @Option(help: "Longest FizzBuzz number accepted, in digits (FIB_FIZZBUZZ_DIGITS; default 1000).") var fizzBuzzDigits: Int?
    @Option(help: "Largest request body in bytes (FIB_MAX_BODY_BYTES; default 16384).") var maxBodyBytes: Int?
    @Option(help: "Seconds before an idle connection is closed (FIB_IDLE_TIMEOUT; default 30).") var idleTimeout: Int?
    @Option(help: "trace, debug, info, notice, warning, error or critical (FIB_LOG_LEVEL; default info).") var logLevel: String?
    @Option(help: "logfmt or json (FIB_LOG_FORMAT; default logfmt).") var logFormat: String?

    func settings() throws -> ServerSettings {
        let environment = ProcessInfo.processInfo.environment
        func integer(_ flag: Int?, _ variable: String, _ fallback: Int, minimum: Int) throws -> Int {
            let value: Int
            if let flag { value = flag } else if let text = environment[variable] {
                guard let parsed = Int(text) else { throw ValidationError("\(variable)=\(text) is not an integer") }
                value = parsed
            } else { value = fallback }
            guard value >= minimum else { throw ValidationError("\(variable) must be at least \(minimum), not \(value)") }
            return value
        }
        var settings = ServerSettings()
        settings.host = host ?? environment["FIB_HOST"] ?? settings.host
        settings.port = try integer(port, "FIB_PORT", settings.port, minimum: 0)
        settings.maximumIndex = try integer(maxN, "FIB_MAX_N", settings.maximumIndex, minimum: 0)
        settings.iterativeIndexLimit = try integer(maxIterativeN, "FIB_MAX_ITERATIVE_N", settings.iterativeIndexLimit, minimum: 0)
        settings.poolSize = try integer(poolSize, "FIB_POOL_SIZE", settings.poolSize, minimum: 1)
        settings.queueLimit = try integer(queueLimit, "FIB_QUEUE_LIMIT", settings.queueLimit, minimum: 0)
        settings.cacheBytes = try integer(cacheBytes, "FIB_CACHE_BYTES", settings.cacheBytes, minimum: 0)
        settings.counterCapacity = try integer(counterCapacity, "FIB_COUNTER_CAPACITY", settings.counterCapacity, minimum: 1)
        settings.fizzBuzzDigitLimit = try integer(fizzBuzzDigits, "FIB_FIZZBUZZ_DIGITS", settings.fizzBuzzDigitLimit, minimum: 1)
        settings.maximumBodyBytes = try integer(maxBodyBytes, "FIB_MAX_BODY_BYTES", settings.maximumBodyBytes, minimum: 64)
        settings.idleTimeoutSeconds = try integer(idleTimeout, "FIB_IDLE_TIMEOUT", settings.idleTimeoutSeconds, minimum: 1)
        settings.countsURL = counts ?? environment["FIB_COUNTS"]
        settings.logLevel = logLevel ?? environment["FIB_LOG_LEVEL"] ?? settings.logLevel
        guard Logger.Level(rawValue: settings.logLevel) != nil else { throw ValidationError("Unknown log level \(settings.logLevel)") }
        let format = logFormat ?? environment["FIB_LOG_FORMAT"] ?? settings.logFormat.rawValue
        guard let parsedFormat = ServerSettings.LogFormat(rawValue: format) else { throw ValidationError("Unknown log format \(format); use logfmt or json") }
        settings.logFormat = parsedFormat
        return settings
    }

    func run() async throws {
        let settings = try settings()
        let level = Logger.Level(rawValue: settings.logLevel)!
        LoggingSystem.bootstrap { label in
            var handler = LineLogHandler(label: label, format: settings.logFormat)
            handler.logLevel = level
            return handler
        }
        let app = try buildApplication(settings: settings, logger: Logger(label: "fib-server"))
        defer { LineBuffer.standardOutput.flush() }  // the last lines, at shutdown
        try await app.runService()
    }
}
