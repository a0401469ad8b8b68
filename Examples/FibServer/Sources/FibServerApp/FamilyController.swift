import Fibonacci
import Foundation
import Hummingbird

/// The rest of the Fibonacci family: F(n) and L(n) modulo m for big n and m, Lucas sequences,
/// Zeckendorf representations, the index of a Fibonacci number, leading and trailing digits.
/// Each handler parses, calls the library (on the pool when the work can be large) and encodes.
struct FamilyController<Context: RequestContext> {
    let settings: ServerSettings
    let pool: ComputePool

    /// Digits allowed in n, m, P and Q where the numbers are reduced modulo m.
    static var modularDigitLimit: Int { 10_000 }
    /// Digits allowed in P and Q without a modulus.
    static var coefficientDigitLimit: Int { 1_000 }
    /// The largest |n| for leading and trailing digits, and the most digits asked for.
    static var digitsIndexLimit: BigInt { BigInt(10).power(18) }
    static var digitCountRange: ClosedRange<Int> { 1...1_000 }

    func addRoutes(to router: Router<Context>) {
        router.get("/api/lucas-sequence/{n}") { request, context -> LucasSequenceBody in
            try await lucasSequence(request: request, context: context)
        }
        router.get("/api/zeckendorf/{x}") { _, context -> ZeckendorfBody in
            try await zeckendorf(context: context)
        }
        router.get("/api/fibonacci-index/{x}") { _, context -> IndexBody in
            try await fibonacciIndex(context: context)
        }
        router.get("/api/fibonacci/{n}/leading") { request, context -> EndDigitsBody in
            try await endDigits(request: request, context: context, leading: true)
        }
        router.get("/api/fibonacci/{n}/trailing") { request, context -> EndDigitsBody in
            try await endDigits(request: request, context: context, leading: false)
        }
    }

    // MARK: - F(n), L(n) modulo m

    struct Residue: ResponseEncodable {
        var n: String
        var modulus: String
        var value: String
        var digits: Int
        var format = "decimal"
        var strategy = "fastDoublingModulo"
        var elapsedMicroseconds: Int
        var cached = false
    }

    /// F(n) mod m or L(n) mod m, n and m of up to ``modularDigitLimit`` digits.
    func residue(_ sequence: IntegerSequence, nText: String, modulusText: String, format: DigitFormat, plain: Bool,
                 request: Request, context: Context) async throws -> Response {
        let n = try Parse.bigInteger(nText, name: "n", digitLimit: Self.modularDigitLimit)
        let m = try Parse.bigInteger(modulusText, name: "mod", digitLimit: Self.modularDigitLimit)
        guard m >= 1 else { throw APIError.unprocessable("mod must be at least 1, not \(Self.abbreviated(m))") }
        let start = ContinuousClock.now
        // Word-sized n and m take microseconds; anything larger goes to the pool.
        let isSmall = n.magnitudeBitWidth < 64 && m.magnitudeBitWidth <= 64
        let residue = try await run(inline: isSmall) { _ in
            switch sequence {
            case .fibonacci: try fibonacci(n, modulo: m)
            case .lucas: try lucas(n, modulo: m)
            }
        }
        let text = String(residue, radix: format.radix)
        if plain { return FibonacciController<Context>.plainText(Array(text.utf8)) }
        return try Residue(n: n.description, modulus: m.description, value: text, digits: text.count,
                           format: format.rawValue, elapsedMicroseconds: (ContinuousClock.now - start).microseconds)
            .response(from: request, context: context)
    }

    // MARK: - Lucas sequences

    struct LucasSequenceBody: ResponseEncodable {
        var n: String
        var p: String
        var q: String
        var modulus: String?
        var u: String
        var v: String
    }

    func lucasSequence(request: Request, context: Context) async throws -> LucasSequenceBody {
        let nText = context.parameters.get("n") ?? ""
        let query = request.uri.queryParameters  // parsed once for mod, p and q
        let modulus = try query.query("mod").map { try Parse.bigInteger($0, name: "mod", digitLimit: Self.modularDigitLimit) }
        let coefficientLimit = modulus == nil ? Self.coefficientDigitLimit : Self.modularDigitLimit
        guard let pText = query.query("p"), let qText = query.query("q") else {
            throw APIError.badRequest("Give both coefficients: /api/lucas-sequence/{n}?p=P&q=Q")
        }
        let p = try Parse.bigInteger(pText, name: "p", digitLimit: coefficientLimit)
        let q = try Parse.bigInteger(qText, name: "q", digitLimit: coefficientLimit)
        let body: LucasSequenceBody
        if let modulus {
            let n = try Parse.bigInteger(nText, name: "n", digitLimit: Self.modularDigitLimit)
            guard !n.isNegative else { throw APIError.unprocessable("n must not be negative, not \(Self.abbreviated(n))") }
            guard modulus >= 1 else { throw APIError.unprocessable("mod must be at least 1, not \(Self.abbreviated(modulus))") }
            let isSmall = n.magnitudeBitWidth < 64 && modulus.magnitudeBitWidth <= 64
            let (u, v) = try await run(inline: isSmall) { _ in try Fibonacci.lucasSequence(n, p: p, q: q, modulo: modulus) }
            body = LucasSequenceBody(n: n.description, p: p.description, q: q.description, modulus: modulus.description,
                                     u: u.description, v: v.description)
        } else {
            let n = try Parse.integer(nText, name: "n")
            guard n >= 0 else { throw APIError.unprocessable("n must not be negative, not \(n)") }
            guard n <= settings.maximumIndex else {
                throw APIError.unprocessable("n = \(n) is beyond this server's limit of \(settings.maximumIndex) without a modulus; use mod=m")
            }
            // The size limit of F(n): the bound for F(maximum n) = U(maximum n)(1, -1); a faster growing
            // sequence is held to the same number of bits.
            let maximumBits = LucasSequenceLimits.estimatedBits(settings.maximumIndex, p: 1, q: -1)
            let estimate = LucasSequenceLimits.estimatedBits(n, p: p, q: q)
            guard estimate <= maximumBits else {
                throw APIError.unprocessable(
                    "U_n and V_n for n = \(n) would have about \(estimate) bits, beyond this server's limit of \(maximumBits) (that of F(\(settings.maximumIndex))); use mod=m")
            }
            let (u, v) = try await run(inline: n <= ValueService.inlineIndexLimit) { _ in
                try Fibonacci.lucasSequence(n, p: p, q: q)
            }
            body = LucasSequenceBody(n: String(n), p: p.description, q: q.description, u: u.description, v: v.description)
        }
        return body
    }

    // MARK: - Zeckendorf and the index of a Fibonacci number

    struct ZeckendorfBody: ResponseEncodable {
        var value: String
        var indices: [Int]
    }

    func zeckendorf(context: Context) async throws -> ZeckendorfBody {
        let x = try naturalNumber(context.parameters.get("x") ?? "")
        let indices = try await run(inline: x.magnitudeBitWidth <= 4_096) { _ in try zeckendorfRepresentation(of: x) }
        return ZeckendorfBody(value: x.description, indices: indices)
    }

    struct IndexBody: ResponseEncodable {
        var value: String
        var isFibonacci: Bool
        /// Encoded as null when x is not a Fibonacci number.
        var index: Int?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
            try container.encode(isFibonacci, forKey: .isFibonacci)
            try container.encode(index, forKey: .index)  // null, not absent
        }

        enum CodingKeys: String, CodingKey { case value, isFibonacci, index }
    }

    func fibonacciIndex(context: Context) async throws -> IndexBody {
        let x = try naturalNumber(context.parameters.get("x") ?? "")
        let index = try await run(inline: x.magnitudeBitWidth <= 4_096) { _ in Fibonacci.fibonacciIndex(of: x) }
        return IndexBody(value: x.description, isFibonacci: index != nil, index: index)
    }

    /// x >= 0 with at most as many digits as F(maximum n).
    func naturalNumber(_ text: String) throws -> BigInt {
        let limit = fibonacciDigitCount(settings.maximumIndex)
        let x = try Parse.bigInteger(text, name: "x", digitLimit: limit)
        guard !x.isNegative else { throw APIError.unprocessable("x must not be negative, not \(Self.abbreviated(x))") }
        return x
    }

    // MARK: - Leading and trailing digits

    struct EndDigitsBody: ResponseEncodable {
        var n: String
        var digits: Int
        var leading: String?
        var trailing: String?
        var digitCount: String
    }

    func endDigits(request: Request, context: Context, leading: Bool) async throws -> EndDigitsBody {
        let n = try Parse.bigInteger(context.parameters.get("n") ?? "", name: "n", digitLimit: 40)
        guard n.magnitude <= Self.digitsIndexLimit else {
            throw APIError.unprocessable("|n| must be at most 10^18 for leading and trailing digits, not \(Self.abbreviated(n))")
        }
        let count = try Parse.query(request, "digits", default: 10, in: Self.digitCountRange)
        // The digits of |F(n)|: F(-n) = ±F(n).
        let index = Int(n.magnitude)
        let (digits, digitCount) = try await run(inline: true) { _ in
            (leading ? try fibonacciLeadingDigits(index, count: count) : try fibonacciTrailingDigits(index, count: count),
             try fibonacciDecimalDigitCount(index))
        }
        return EndDigitsBody(n: n.description, digits: count, leading: leading ? digits : nil,
                             trailing: leading ? nil : digits, digitCount: String(digitCount))
    }

    // MARK: - Shared

    /// `work` at once when it takes microseconds, else on the pool; the library's own errors become
    /// 422s that name the problem.
    func run<Value: Sendable>(inline: Bool, _ work: @escaping @Sendable (_ isCancelled: @escaping @Sendable () -> Bool) throws -> Value) async throws -> Value {
        do {
            return inline ? try work { false } : try await pool.run(work)
        } catch let error as FibonacciFamilyError {
            throw APIError.unprocessable(error.description)
        }
    }

    static func abbreviated(_ value: BigInt) -> String {
        let text = value.description
        return text.count <= 40 ? text : "\(text.prefix(20))...\(text.suffix(10)) (\(value.decimalDigitCount) digits)"
    }
}
