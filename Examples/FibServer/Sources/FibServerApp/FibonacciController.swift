import Fibonacci
import Foundation
import Hummingbird

/// `/api/fibonacci/{n}`, `/api/lucas/{n}` and `/api/fibonacci?from=&count=`.
struct FibonacciController<Context: RequestContext> {
    let settings: ServerSettings
    let service: ValueService

    /// Up to this |n| a value takes microseconds: it is answered at once, without the pool or the cache.
    static var inlineIndexLimit: Int { 1_000 }

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
        if let modulus = request.query("mod") {
            // n and m of any size up to the family's digit limit: the residue, never F(n) itself.
            return try await FamilyController<Context>(settings: settings, pool: service.pool)
                .residue(kind, nText: nText, modulusText: modulus, plain: prefersPlainText(request))
        }
        let n = try Parse.integer(nText, name: "n")
        let strategy = try strategyOption(request)
        let hexadecimal = try isHexadecimal(request)
        let plain = prefersPlainText(request)
        guard n.magnitude <= settings.maximumIndex else {
            throw APIError.unprocessable(
                "n = \(n) is beyond this server's limit: |n| must be at most \(settings.maximumIndex) (use mod=m for F(n) mod m at any n)")
        }
        if strategy == .iterative, n.magnitude > settings.iterativeIndexLimit {
            throw APIError.unprocessable(
                "The iterative strategy takes O(n²) time; this server runs it for |n| up to \(settings.iterativeIndexLimit), not \(n)")
        }
        let key = ValueService.Key(kind: kind, n: n, strategy: strategy, format: hexadecimal ? .hex : .decimal)
        let value: ComputedValue
        var cached = false
        if n.magnitude <= Self.inlineIndexLimit {
            value = try Self.compute(key, maximumIndex: settings.maximumIndex, isCancelled: { false })
        } else if let hit = service.cached(key) {
            (value, cached) = (hit, true)
        } else {
            let maximumIndex = settings.maximumIndex, metrics = service.metrics, service = service
            let computation = { @Sendable in
                try await service.value(for: key) { isCancelled in
                    let value = try Self.compute(key, maximumIndex: maximumIndex, isCancelled: isCancelled)
                    metrics.recordComputation(strategy: value.strategy, duration: value.elapsed, digits: value.digitCount)
                    return value
                }
            }
            // Heavy work: cancel it when the client goes away (this also closes the connection afterwards).
            value = settings.cancelsOnDisconnect
                ? try await request.body.consumeWithCancellationOnInboundClose { _ in try await computation() }
                : try await computation()
        }
        let digits = value.digits
        if plain { return Self.plainText(digits) }
        var body = ByteBuffer()
        body.reserveCapacity(digits.count + 160)
        body.writeString(#"{"n":\#(n),"value":""#)
        body.writeBytes(digits)
        let digitCount = digits.count - (digits.first == UInt8(ascii: "-") ? 1 : 0)
        body.writeString(#"","digits":\#(digitCount),"format":"\#(hexadecimal ? "hex" : "decimal")","strategy":"\#(value.strategy)","#)
        body.writeString(#""elapsedMicroseconds":\#(value.elapsed.microseconds),"cached":\#(cached)}"#)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }

    /// F(n) or L(n) as digits in the key's format, with the strategy the library used and the time.
    ///
    /// Decimal without a named strategy is the library's digits route (computed in decimal for large
    /// n, nothing to convert); a named strategy, or hexadecimal, computes in binary and converts.
    static func compute(_ key: ValueService.Key, maximumIndex: Int, isCancelled: @escaping () -> Bool) throws -> ComputedValue {
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
                digits = value.utf8Digits(radix: key.format == .hex ? 16 : 10, threads: 2)
                strategyName = strategy.rawValue
            }
        } catch FibonacciError.cancelled {
            throw CancellationError()
        }
        return ComputedValue(digits: digits, strategy: strategyName, elapsed: ContinuousClock.now - start)
    }

    // MARK: - Consecutive terms

    struct SequenceBody: Encodable {
        var from: Int
        var count: Int
        var values: [String]
    }

    func sequence(request: Request) async throws -> Response {
        let limit = settings.maximumIndex
        let from = try Parse.query(request, "from", default: 0, in: -limit...limit)
        let count = try Parse.query(request, "count", default: 10, in: 1...settings.sequenceCountLimit)
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
        return try jsonResponse(SequenceBody(from: from, count: count, values: values))
    }

    // MARK: - Options

    func strategyOption(_ request: Request) throws -> FibonacciStrategy? {
        guard let name = request.query("strategy"), name != "default" else { return nil }
        guard let strategy = FibonacciStrategy(rawValue: name) else {
            let names = FibonacciStrategy.allCases.map(\.rawValue).joined(separator: ", ")
            throw APIError.badRequest("Unknown strategy \"\(name.prefix(40))\"; use one of: default, \(names)")
        }
        return strategy
    }

    func isHexadecimal(_ request: Request) throws -> Bool {
        switch request.query("format") {
        case nil, "decimal": false
        case "hex": true
        case let other?: throw APIError.badRequest("Unknown format \"\(other.prefix(40))\"; use decimal or hex")
        }
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
