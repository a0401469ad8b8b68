import Fibonacci
import Foundation
import Hummingbird

/// `/api/fibonacci/{n}`, `/api/lucas/{n}` and `/api/fibonacci?from=&count=`.
struct FibonacciController<Context: RequestContext> {
    let settings: ServerSettings
    let service: ValueService

    func addRoutes(to router: Router<Context>) {
        router.get("/api/fibonacci/{n}") { request, context in
            try await single(.fibonacci, request: request, context: context)
        }
        router.get("/api/lucas/{n}") { request, context in
            try await single(.lucas, request: request, context: context)
        }
        router.get("/api/fibonacci") { request, _ in
            try await sequence(request: request)
        }
    }

    // MARK: - One value

    func single(_ kind: IntegerSequence, request: Request, context: Context) async throws -> Response {
        let nText = context.parameters.get("n") ?? ""
        let query = request.uri.queryParameters  // parsed once for every option
        let strategy = try strategyOption(query)
        let format = try formatOption(query)
        let plain = prefersPlainText(request)
        if let modulus = query.query("mod") {
            // n and m of any size up to the family's digit limit: the residue, never F(n) itself (it has
            // one method, which the answer names, whatever strategy was asked for).
            return try await FamilyController<Context>(settings: settings, pool: service.pool)
                .residue(kind, nText: nText, modulusText: modulus, format: format, plain: plain, request: request, context: context)
        }
        let n = try Parse.integer(nText, name: "n")
        guard n.magnitude <= settings.maximumIndex else {
            throw APIError.unprocessable(
                "n = \(n) is beyond this server's limit: |n| must be at most \(settings.maximumIndex) (use mod=m for F(n) mod m at any n)")
        }
        if strategy == .iterative, n.magnitude > settings.iterativeIndexLimit {
            throw APIError.unprocessable(
                "The iterative strategy takes O(n²) time; this server runs it for |n| up to \(settings.iterativeIndexLimit), not \(n)")
        }
        let key = ValueService.Key(kind: kind, n: n, strategy: strategy, format: format)
        let value: ComputedValue
        var cached = false
        if let ready = try service.readyValue(for: key) {
            (value, cached) = ready
        } else {
            // Heavy work: cancel it when the client goes away.
            value = try await Self.cancellingOnDisconnect(request, bodyLimit: settings.maximumBodyBytes) {
                try await service.computedValue(for: key)
            }
        }
        let digits = value.digits
        if plain { return Self.plainText(digits) }
        return ValueAnswer.response(n: n, digits: digits, format: format.rawValue, strategy: value.strategy,
                                    elapsedMicroseconds: value.elapsed.microseconds, cached: cached)
    }

    /// Runs `operation`, cancelling it when the client closes its side of the connection (Hummingbird's
    /// inbound-close watch, which also closes the connection after the response).
    ///
    /// The request's body (empty for these GETs; at most `bodyLimit` bytes, else 413) is read to its end
    /// first. The watch hands the operation a new body stream and finishes it when it reads the
    /// request's end; if the operation returned before that, the watch is cancelled with the stream
    /// unfinished, and NIO traps (Docs/Server.md, "Cancel on disconnect"). Reading the end first
    /// makes that ordering impossible.
    static func cancellingOnDisconnect<Value: Sendable>(
        _ request: Request, bodyLimit: Int, _ operation: () async throws -> Value
    ) async throws -> Value {
        try await request.body.consumeWithCancellationOnInboundClose { body in
            _ = try await body.collect(upTo: bodyLimit)
            return try await operation()
        }
    }

    // MARK: - Consecutive terms

    func sequence(request: Request) async throws -> Response {
        let limit = settings.maximumIndex
        let query = request.uri.queryParameters
        let from = try Parse.query(query, "from", default: 0, in: -limit...limit)
        let count = try Parse.query(query, "count", default: 10, in: 1...settings.sequenceCountLimit)
        let last = from + count - 1
        guard last <= limit else {
            throw APIError.unprocessable("from + count - 1 = \(last) is beyond this server's limit of \(limit)")
        }
        // Every term has at most as many digits as the one of largest |index|.
        let widest = fibonacciDigitCount(max(from.magnitude, last.magnitude) > UInt(limit) ? limit : Int(max(from.magnitude, last.magnitude)))
        guard widest * count <= settings.sequenceDigitLimit else {
            throw APIError.unprocessable(
                "\(count) terms from F(\(from)) hold up to \(widest * count) digits, more than this server's limit of \(settings.sequenceDigitLimit) a response")
        }
        let terms = { @Sendable (_: () -> Bool) in fibonacciDigits(from: from, count: count) }
        let values = widest * count <= 10_000 ? terms { false } : try await service.pool.run(terms)
        return TermsAnswer.response(from: from, count: count, values: values)
    }

    // MARK: - Options

    func strategyOption(_ query: some QueryReading) throws -> FibonacciStrategy? {
        guard let name = query.query("strategy"), name != "default" else { return nil }
        guard let strategy = FibonacciStrategy(rawValue: name) else {
            let names = FibonacciStrategy.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.badRequest("Unknown strategy \"\(name.prefix(40))\"; use one of: default, \(names)")
        }
        return strategy
    }

    func formatOption(_ query: some QueryReading) throws -> DigitFormat {
        guard let name = query.query("format") else { return .decimal }
        guard let format = DigitFormat(rawValue: name) else {
            throw APIError.badRequest("Unknown format \"\(name.prefix(40))\"; use decimal or hex")
        }
        return format
    }

    /// Whether the client asked for `text/plain` ahead of JSON.
    func prefersPlainText(_ request: Request) -> Bool {
        guard let accept = request.headers[.accept] else { return false }
        for item in accept.split(separator: ",") {
            let type = item.split(separator: ";")[0].trimmingCharacters(in: .whitespaces).lowercased()
            if type == "text/plain" { return true }
            if type == "application/json" || type == "*/*" || type == "application/*" { return false }
        }
        return false
    }

    static func plainText(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

}
