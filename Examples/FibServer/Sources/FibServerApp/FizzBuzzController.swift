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
        router.post("/api/fizzbuzz") { request, _ in
            try await fizzBuzz(request: request)
        }
        router.get("/api/most_common") { request, _ in
            try await mostCommon(request: request)
        }
    }

    struct Answer: Codable {
        var number: String
        var result: String
    }

    func fizzBuzz(request: Request) async throws -> Response {
        let text = try await numberText(from: request)
        let number = try parseNumber(text)
        let answer = FizzBuzz.fizzBuzz(number).description
        try await counts.record(number)
        if let memory = counts as? InMemoryCountStore { metrics.counterKeys.record(memory.counter.distinctCount) }
        return try jsonResponse(Answer(number: number.description, result: answer))
    }

    /// The submitted number as text: the JSON body's `number` (a string of digits, or an integer that
    /// fits 64 bits), or the form field `number`.
    func numberText(from request: Request) async throws -> String {
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/json" || mediaType == "application/x-www-form-urlencoded" else {
            throw APIError(.unsupportedMediaType,
                "Send the number as application/json ({\"number\": 15}) or application/x-www-form-urlencoded (number=15), not \(mediaType ?? "no content type")")
        }
        let body = try await request.body.collect(upTo: settings.maximumBodyBytes)
        guard body.readableBytes > 0 else { throw APIError.badRequest("The request body is empty; send {\"number\": 15}") }
        let bytes = Data(buffer: body)
        if mediaType == "application/x-www-form-urlencoded" {
            let fields = String(decoding: bytes, as: UTF8.self).split(separator: "&").map { $0.split(separator: "=", maxSplits: 1) }
            guard let field = fields.first(where: { $0.first == "number" }) else {
                throw APIError.badRequest("The form has no number field; send number=15")
            }
            let value = field.count > 1 ? String(field[1]).replacingOccurrences(of: "+", with: " ") : ""
            guard let decoded = value.removingPercentEncoding else { throw APIError.badRequest("The number field is not valid percent-encoding") }
            return decoded
        }
        return try JSONNumber.text(from: bytes)
    }

    /// A positive integer of at most `fizzBuzzDigitLimit` digits.
    func parseNumber(_ text: String) throws(APIError) -> BigInt {
        let digits = text.utf8.count - (text.hasPrefix("-") || text.hasPrefix("+") ? 1 : 0)
        guard digits <= settings.fizzBuzzDigitLimit else {
            throw .unprocessable("The number has \(digits) digits; this server accepts at most \(settings.fizzBuzzDigitLimit)")
        }
        guard let number = BigInt(text) else {
            throw .badRequest("number must be an integer written with ASCII digits, not \"\(text.prefix(40))\"")
        }
        guard number >= 1 else { throw .unprocessable("number must be at least 1, not \(number)") }
        return number
    }

    struct MostCommon: Codable {
        struct Entry: Codable {
            var number: String
            var count: Int
        }
        var result: [Entry]
        var total: Int
        /// False once the counter has had to drop rarely seen numbers (counts may then overstate).
        var exact: Bool
    }

    func mostCommon(request: Request) async throws -> Response {
        let limit = try Parse.query(request, "limit", default: 3, in: 1...settings.mostCommonLimit)
        let counts = try await counts.mostCommon(limit)
        let entries = counts.entries.map { MostCommon.Entry(number: $0.number, count: $0.count) }
        return try jsonResponse(MostCommon(result: entries, total: counts.total, exact: counts.exact))
    }
}

/// Reads `{"number": ...}` from a JSON body, keeping big numbers exact.
enum JSONNumber {
    private struct Body: Decodable {
        let number: Value

        enum Value: Decodable {
            case text(String)
            case integer(String)

            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if container.decodeNil() {
                    throw APIError.badRequest("number must be an integer or a string of digits, not null")
                } else if let text = try? container.decode(String.self) {
                    self = .text(text)
                } else if let integer = try? container.decode(Int64.self) {
                    self = .integer(String(integer))
                } else if let integer = try? container.decode(UInt64.self) {
                    self = .integer(String(integer))
                } else if let double = try? container.decode(Double.self) {
                    throw APIError.unprocessable(double == double.rounded() && double.isFinite
                        ? "Integers beyond 64 bits lose digits as JSON numbers; send them as a string: {\"number\": \"123...\"}"
                        : "number must be an integer, not \(double)")
                } else {
                    throw APIError.badRequest("number must be an integer or a string of digits")
                }
            }
        }
    }

    static func text(from data: Data) throws -> String {
        do {
            switch try JSONDecoder().decode(Body.self, from: data).number {
            case .text(let text), .integer(let text): return text
            }
        } catch let error as APIError {
            throw error
        } catch DecodingError.keyNotFound {
            throw APIError.badRequest("The JSON object has no \"number\"; send {\"number\": 15}")
        } catch DecodingError.valueNotFound {
            throw APIError.badRequest("number must be an integer or a string of digits, not null")
        } catch {
            throw APIError.badRequest("The body is not a JSON object of the form {\"number\": 15}")
        }
    }
}
