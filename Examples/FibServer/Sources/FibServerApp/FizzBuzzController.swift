import BigNum
import FizzBuzz
import Foundation
import Hummingbird

/// `POST /api/fizzbuzz` and `GET /api/most_common`.
struct FizzBuzzController<Context: RequestContext> {
    let settings: ServerSettings
    let counts: any CountStore
    let metrics: ServerMetrics

    func addRoutes(to router: Router<Context>) {
        router.post("/api/fizzbuzz") { request, _ -> Answer in
            try await fizzBuzz(request: request)
        }
        router.get("/api/most_common") { request, _ -> MostCommon in
            try await mostCommon(request: request)
        }
    }

    struct Answer: ResponseEncodable {
        var number: String
        var result: String
    }

    func fizzBuzz(request: Request) async throws -> Answer {
        let text = try await numberText(from: request)
        let number = try parseNumber(text)
        let answer = FizzBuzz.fizzBuzz(number).description
        try await counts.record(number)
        if let memory = counts as? InMemoryCountStore { metrics.counterKeys.record(memory.counter.distinctCount) }
        return Answer(number: number.description, result: answer)
    }

    /// The submitted number as text: the JSON body's `number` (an integer literal of any length, kept
    /// exact, or a string of digits), or the form field `number`. Anything else is a 400 that names
    /// the problem.
    func numberText(from request: Request) async throws -> String {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" || mediaType == "application/x-www-form-urlencoded" else {
            throw APIError(.unsupportedMediaType,
                "Send the number as application/json ({\"number\": 15}) or application/x-www-form-urlencoded (number=15), not \(mediaType ?? "no content type")")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: settings.maximumBodyBytes)
        } catch let error as any HTTPResponseError {
            throw error  // too large: 413
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // A broken chunked encoding or a connection that ended mid-body: the request is malformed.
            throw APIError.badRequest("The request body could not be read: it ended early or its transfer encoding is broken")
        }
        guard body.readableBytes > 0 else { throw APIError.badRequest("The request body is empty; send {\"number\": 15}") }
        let bytes = body.readableBytesView
        return mediaType == "application/x-www-form-urlencoded" ? try Self.formNumber(bytes) : try Self.jsonNumber(bytes)
    }

    /// `number` from a JSON body: exactly one key, `number`, whose value is an integer literal or a
    /// string (whose digits `parseNumber` checks).
    static func jsonNumber(_ bytes: some Collection<UInt8>) throws(APIError) -> String {
        let value: StrictJSON.Value
        do {
            value = try StrictJSON.parse(bytes)
        } catch {
            throw .badRequest("The body is not valid JSON: \(error)")
        }
        guard case .object(let members) = value else {
            throw .badRequest("The body must be a JSON object {\"number\": 15}, not \(value.kind)")
        }
        if let other = members.first(where: { $0.key != "number" }) {
            throw .badRequest("Unknown key \"\(other.key.prefix(40))\": the body is {\"number\": 15} and nothing else")
        }
        guard let number = members.first?.value else {
            throw .badRequest("The JSON object has no \"number\"; send {\"number\": 15}")
        }
        switch number {
        case .integer(let text), .string(let text): return text
        default: throw .badRequest("number must be an integer or a string of digits, not \(number.kind)")
        }
    }

    /// `number` from a form body: exactly one `number` field, percent-decoded. Other fields are
    /// ignored (an HTML form may carry its button), unlike other JSON keys.
    static func formNumber(_ bytes: some Collection<UInt8>) throws(APIError) -> String {
        let fields = String(decoding: bytes, as: UTF8.self).split(separator: "&")
            .map { $0.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false) }
            .filter { $0.first == "number" }
        guard let field = fields.first else { throw .badRequest("The form has no number field; send number=15") }
        guard fields.count == 1 else {
            throw .badRequest("The form has \(fields.count) number fields; send one: number=15")
        }
        guard field.count == 2, let decoded = String(field[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
            throw .badRequest("The number field has no value or is not valid percent-encoding; send number=15")
        }
        return decoded
    }

    /// A positive integer of at most `fizzBuzzDigitLimit` digits.
    func parseNumber(_ text: String) throws(APIError) -> BigInt {
        let number = try Parse.bigInteger(text, name: "number", digitLimit: settings.fizzBuzzDigitLimit)
        guard number >= 1 else { throw .unprocessable("number must be at least 1, not \(number)") }
        return number
    }

    struct MostCommon: ResponseEncodable {
        struct Entry: Encodable {
            var number: String
            var count: Int
        }
        var result: [Entry]
        var total: Int
        /// False once the counter has had to drop rarely seen numbers (counts may then overstate).
        var exact: Bool
    }

    func mostCommon(request: Request) async throws -> MostCommon {
        let limit = try Parse.query(request, "limit", default: 3, in: 1...settings.mostCommonLimit)
        let counts = try await counts.mostCommon(limit)
        let entries = counts.entries.map { MostCommon.Entry(number: $0.number, count: $0.count) }
        return MostCommon(result: entries, total: counts.total, exact: counts.exact)
    }
}
