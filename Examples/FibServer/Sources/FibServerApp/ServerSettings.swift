import Fibonacci

/// Everything the server can be configured with (flags and environment variables in `fib-server`).
public struct ServerSettings: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    /// The largest |n| for F(n) and L(n) without `mod`.
    public var maximumIndex = 10_000_000
    /// The largest |n| for the iterative strategy, whose O(n²) work would take minutes at the maximum.
    public var iterativeIndexLimit = 100_000
    /// Threads that compute; requests beyond them wait in a queue of `queueLimit`, then get 503.
    public var poolSize = System.coreCount
    public var queueLimit = 64
    /// Bytes of computed values (limbs and digits) kept for reuse.
    public var cacheBytes = 64 << 20
    /// Distinct FizzBuzz numbers the counter keeps (Space-Saving beyond that).
    public var counterCapacity = 100_000
    /// PostgreSQL for the FizzBuzz counts (`postgres://user@host:port/database`), shared by replicas;
    /// nil keeps them in this process.
    public var countsURL: String?
    /// The longest FizzBuzz number accepted, in decimal digits.
    public var fizzBuzzDigitLimit = 1_000
    /// The most terms `/api/fibonacci?from=&count=` returns, and their total digits.
    public var sequenceCountLimit = 1_000
    public var sequenceDigitLimit = 2_000_000
    /// The most entries `/api/most_common` returns.
    public var mostCommonLimit = 100
    /// The largest request body accepted, in bytes.
    public var maximumBodyBytes = 16 * 1024
    /// Seconds before an idle connection is closed.
    public var idleTimeoutSeconds = 30
    public var logLevel = "info"
    public var logFormat = LogFormat.logfmt

    public enum LogFormat: String, Sendable, CaseIterable {
        case logfmt, json
    }

    public init() {}
}

/// Facts about the machine the server runs on.
public enum System {
    public static var coreCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
