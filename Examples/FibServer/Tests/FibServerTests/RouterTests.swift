import FibServerApp
import Fibonacci
import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing

/// Every endpoint through the router, in process.
@Suite struct RouterTests {
    static func settings() -> ServerSettings {
        var settings = ServerSettings()
        settings.maximumIndex = 100_000
        settings.poolSize = 2
        settings.sequenceCountLimit = 50
        settings.sequenceDigitLimit = 20_000
        settings.fizzBuzzDigitLimit = 60
        settings.maximumBodyBytes = 256
        settings.counterCapacity = 1_000
        settings.iterativeIndexLimit = 50_000
        return settings
    }

    func withApp(_ settings: ServerSettings = settings(), _ test: @escaping @Sendable (any TestClientProtocol, AppServices) async throws -> Void) async throws {
        try await TestApp.with(settings, test)
    }

    struct ErrorBody: Decodable {
        struct Detail: Decodable { var status: Int; var message: String }
        var error: Detail
    }

    struct ResidueBody: Decodable {
        var n: String
        var modulus: String
        var value: String
        var format: String
        var strategy: String
    }

    /// The server's own description of a value's answer.
    typealias ValueBody = ValueAnswer

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: response.body))
    }

    /// Expects a JSON error with this status, whose message mentions `text`.
    static func expectError(_ response: TestResponse, _ status: HTTPResponse.Status, _ text: String = "",
                            sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        #expect(response.headers[.contentType]?.hasPrefix("application/json") == true, sourceLocation: sourceLocation)
        let body = try decode(ErrorBody.self, response)
        #expect(body.error.status == Int(status.code) && (text.isEmpty || body.error.message.contains(text)),
                "\(body.error.message)", sourceLocation: sourceLocation)
    }

    @Test func fibonacciValuesAndTheirJSONShape() async throws {
        try await withApp { client, _ in
            for (n, expected) in [(0, "0"), (10, "55"), (-6, "-8"), (93, "12200160415121876738"), (1_000, fibonacci(1_000).description)] {
                try await client.execute(uri: "/api/fibonacci/\(n)", method: .get) { response in
                    #expect(response.status == .ok && response.headers[.contentType] == "application/json; charset=utf-8")
                    let body = try Self.decode(ValueBody.self, response)
                    #expect(body.n == n && body.value == expected && body.digits == expected.filter(\.isNumber).count)
                    #expect(body.format == "decimal" && !body.cached && body.elapsedMicroseconds >= 0)
                }
            }
            // A large value goes to the pool, then comes from the cache.
            let large = fibonacci(54_321).description
            for cached in [false, true] {
                try await client.execute(uri: "/api/fibonacci/54321", method: .get) { response in
                    let body = try Self.decode(ValueBody.self, response)
                    #expect(body.value == large && body.digits == large.count && body.cached == cached)
                }
            }
        }
    }

    @Test func everyStrategyFormatAndTextPlain() async throws {
        try await withApp { client, _ in
            for strategy in ["default"] + FibonacciStrategy.allCases.map(\.rawValue) {
                try await client.execute(uri: "/api/fibonacci/12345?strategy=\(strategy)", method: .get) { response in
                    let body = try Self.decode(ValueBody.self, response)
                    #expect(body.value == fibonacci(12_345).description, "strategy \(strategy)")
                    #expect(strategy == "default" || body.strategy == strategy)
                }
            }
            try await client.execute(uri: "/api/fibonacci/100?format=hex", method: .get) { response in
                let body = try Self.decode(ValueBody.self, response)
                #expect(body.value == String(fibonacci(100), radix: 16) && body.format == "hex" && body.digits == body.value.count)
            }
            try await client.execute(uri: "/api/fibonacci/300", method: .get, headers: [.accept: "text/plain"]) { response in
                #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
                #expect(String(buffer: response.body) == fibonacci(300).description)
            }
            try await client.execute(uri: "/api/fibonacci/300", method: .get, headers: [.accept: "application/json, text/plain"]) { response in
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test func lucasAndModulo() async throws {
        try await withApp { client, _ in
            for (n, expected) in [(0, "2"), (10, "123"), (-5, "-11"), (2_000, lucas(2_000).description)] {
                try await client.execute(uri: "/api/lucas/\(n)", method: .get) { response in
                    let decoded = try Self.decode(ValueBody.self, response)

                    #expect(decoded.value == expected, "L(\(n))")
                }
            }
            try await client.execute(uri: "/api/lucas/3000?strategy=matrix", method: .get) { response in
                let decoded = try Self.decode(ValueBody.self, response)

                #expect(decoded.value == lucas(3_000).description)
            }
            try await client.execute(uri: "/api/fibonacci/10000000000?mod=1000000007", method: .get) { response in
                let body = try Self.decode(ResidueBody.self, response)
                #expect(body.value == "815449418" && body.modulus == "1000000007" && body.n == "10000000000", "huge n is fine with mod")
            }
            try await client.execute(uri: "/api/lucas/-7?mod=10", method: .get) { response in
                let decoded = try Self.decode(ResidueBody.self, response)
                #expect(decoded.value == "1", "L(-7) = -29 ≡ 1 (mod 10)")
            }
            try await client.execute(uri: "/api/lucas/-9223372036854775808?mod=7", method: .get) { response in
                #expect(response.status == .ok, "n beyond 64 bits' negative end is fine with mod")
            }
            try await client.execute(uri: "/api/fibonacci/12?mod=18446744073709551615", method: .get) { response in
                let decoded = try Self.decode(ResidueBody.self, response)

                #expect(decoded.value == "144")
            }
            // In hexadecimal on request; a named strategy does not apply, and the answer names the one used.
            try await client.execute(uri: "/api/fibonacci/30?mod=1000000&format=hex&strategy=matrix", method: .get) { response in
                let decoded = try Self.decode(ResidueBody.self, response)
                #expect(decoded.value == String(832_040, radix: 16) && decoded.format == "hex" && decoded.strategy == "fastDoublingModulo")
            }
        }
    }

    @Test(arguments: ["abc", "1e3", "0x10", "%2012", "1_0", "%D9%A3", "12abc", "--5", "+", "1.5", "%20"])
    func malformedIndicesAre400(text: String) async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/api/fibonacci/\(text)", method: .get) { response in
                try Self.expectError(response, .badRequest, "n must be an integer")
            }
            try await client.execute(uri: "/api/lucas/\(text)", method: .get) { response in
                try Self.expectError(response, .badRequest)
            }
        }
    }

    @Test func outOfRangeAndOverTheLimitAre422() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/api/fibonacci/99999999999999999999", method: .get) { response in
                try Self.expectError(response, .unprocessableContent, "out of range")
            }
            try await client.execute(uri: "/api/fibonacci/100001", method: .get) { response in
                try Self.expectError(response, .unprocessableContent, "at most 100000")
            }
            try await client.execute(uri: "/api/lucas/-100001", method: .get) { response in
                try Self.expectError(response, .unprocessableContent, "at most 100000")
            }
        }
    }

    @Test func badQueryOptions() async throws {
        try await withApp { client, _ in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("/api/fibonacci/10?strategy=quantum", .badRequest, "Unknown strategy"),
                ("/api/fibonacci/100001?strategy=iterative", .unprocessableContent, "beyond this server's limit"),
                ("/api/fibonacci/-60000?strategy=iterative", .unprocessableContent, "O(n²)"),
                ("/api/fibonacci/10?format=octal", .badRequest, "Unknown format"),
                ("/api/fibonacci/10?mod=7&format=octal", .badRequest, "Unknown format"),
                ("/api/lucas/10?mod=7&strategy=quantum", .badRequest, "Unknown strategy"),
                ("/api/fibonacci/10?mod=0", .unprocessableContent, "at least 1"),
                ("/api/fibonacci/10?mod=-3", .unprocessableContent, "at least 1"),
                ("/api/fibonacci/10?mod=abc", .badRequest, "mod must be"),
                ("/api/fibonacci/10?mod=\(String(repeating: "9", count: 10_001))", .unprocessableContent, "at most 10000"),
                ("/api/fibonacci?from=abc", .badRequest, "from must be an integer"),
                ("/api/fibonacci?count=0", .unprocessableContent, "between 1 and 50"),
                ("/api/fibonacci?count=51", .unprocessableContent, "between 1 and 50"),
                ("/api/fibonacci?from=99990&count=20", .unprocessableContent, "beyond this server's limit"),
                ("/api/fibonacci?from=90000&count=50", .unprocessableContent, "digits"),
                ("/api/most_common?limit=0", .unprocessableContent, "between 1 and 100"),
                ("/api/most_common?limit=x", .badRequest, "limit must be an integer"),
            ]
            for (uri, status, text) in cases {
                try await client.execute(uri: uri, method: .get) { response in try Self.expectError(response, status, text) }
            }
        }
    }

    @Test func consecutiveTerms() async throws {
        try await withApp { client, _ in
            struct Terms: Decodable { var from: Int; var count: Int; var values: [String] }
            try await client.execute(uri: "/api/fibonacci?from=-3&count=7", method: .get) { response in
                let body = try Self.decode(Terms.self, response)
                #expect(body.values == ["2", "-1", "1", "0", "1", "1", "2"] && body.from == -3 && body.count == 7)
            }
            let firstTen = (0..<10).map { fibonacci($0).description }
            try await client.execute(uri: "/api/fibonacci", method: .get) { response in
                let decoded = try Self.decode(Terms.self, response)

                #expect(decoded.values == firstTen)
            }
            let later = (20_000..<20_003).map { fibonacci($0).description }
            try await client.execute(uri: "/api/fibonacci?from=20000&count=3", method: .get) { response in
                let decoded = try Self.decode(Terms.self, response)

                #expect(decoded.values == later)
            }
        }
    }

    struct Answer: Decodable { var number: String; var result: String }
    struct Common: Decodable {
        struct Entry: Decodable { var number: String; var count: Int }
        var result: [Entry]
        var total: Int
        var exact: Bool
    }

    @Test func fizzBuzzByJSONAndFormAndTheMostCommon() async throws {
        try await withApp { client, services in
            let json: HTTPFields = [.contentType: "application/json"]
            let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
            let submissions: [(HTTPFields, String, String, String)] = [
                (json, #"{"number": 15}"#, "15", "FizzBuzz"), (json, #"{"number": "9"}"#, "9", "Fizz"),
                (form, "number=10", "10", "Buzz"), (json, #"{"number": 15}"#, "15", "FizzBuzz"),
                (json, #"{"number": "123456789012345678901234567890"}"#, "123456789012345678901234567890", "FizzBuzz"),
                (form, "other=1&number=%2B7", "7", "7"), (json, #"{"number": 18446744073709551615}"#, "18446744073709551615", "FizzBuzz"),
                // Integer literals of any length, exactly (JSON sets no limit; the server's is 60 digits here).
                (json, #"{"number": 123456789012345678901234567890}"#, "123456789012345678901234567890", "FizzBuzz"),
                (json, #" {"number":"\u0031\u0035"} "#, "15", "FizzBuzz"),
            ]
            for (headers, body, number, result) in submissions {
                try await client.execute(uri: "/api/fizzbuzz", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .ok, "\(body)")
                    let answer = try Self.decode(Answer.self, response)
                    #expect(answer.number == number && answer.result == result)
                }
            }
            try await client.execute(uri: "/api/most_common", method: .get) { response in
                let body = try Self.decode(Common.self, response)
                #expect(body.result.map(\.number) == ["15", "123456789012345678901234567890", "9"] && body.result.map(\.count) == [3, 2, 1])
                #expect(body.total == 9 && body.exact)
            }
            try await client.execute(uri: "/api/most_common?limit=100", method: .get) { response in
                let decoded = try Self.decode(Common.self, response)

                #expect(decoded.result.count == 6)
            }
            #expect(try await services.counts.mostCommon(1).total == 9)
        }
    }

    @Test func badFizzBuzzSubmissions() async throws {
        try await withApp { client, services in
            let json: HTTPFields = [.contentType: "application/json"]
            let cases: [(HTTPFields, String, HTTPResponse.Status, String)] = [
                (json, "", .badRequest, "empty"),
                (json, "{", .badRequest, "not valid JSON"),
                (json, "[15]", .badRequest, "must be a JSON object"),
                (json, #"{"value": 15}"#, .badRequest, "Unknown key \"value\""),
                (json, "{}", .badRequest, "no \"number\""),
                (json, #"{"number": null}"#, .badRequest, "null"),
                (json, #"{"number": true}"#, .badRequest, "integer or a string"),
                (json, #"{"number": 1.5}"#, .badRequest, "not a number with a fraction or an exponent"),
                (json, #"{"number": 1e3}"#, .badRequest, "not a number with a fraction or an exponent"),
                (json, #"{"number": 15,}"#, .badRequest, "trailing comma"),
                (json, #"{"number": 15, "number": 16}"#, .badRequest, "appears twice"),
                (json, #"{"number": 15, "note": 1}"#, .badRequest, "Unknown key"),
                (json, #"{"number": 15 /* fifteen */}"#, .badRequest, "comments"),
                (json, #"{"number": NaN}"#, .badRequest, "NaN"),
                (json, #"{"number": 015}"#, .badRequest, "leading zeros"),
                (json, #"{"number": [15]}"#, .badRequest, "not an array"),
                (json, #"{"number": 15} 16"#, .badRequest, "after the JSON value"),
                (json, "{\"number\": \"1\u{0}5\"}", .badRequest, "control character"),
                (json, #"{'number': 15}"#, .badRequest, "double quotes"),
                (json, #"{"number": "abc"}"#, .badRequest, "ASCII digits"),
                (json, #"{"number": " 12"}"#, .badRequest, "ASCII digits"),
                (json, #"{"number": 0}"#, .unprocessableContent, "at least 1"),
                (json, #"{"number": -15}"#, .unprocessableContent, "at least 1"),
                (json, #"{"number": "\#(String(repeating: "9", count: 61))"}"#, .unprocessableContent, "at most 60"),
                (json, #"{"number": "\#(String(repeating: "9", count: 300))"}"#, .contentTooLarge, "too large"),
                ([.contentType: "text/plain"], "15", .unsupportedMediaType, "application/json"),
                ([:], "15", .unsupportedMediaType, "no content type"),
                ([.contentType: "application/x-www-form-urlencoded"], "count=15", .badRequest, "no number field"),
                ([.contentType: "application/x-www-form-urlencoded"], "number=%ZZ", .badRequest, "percent-encoding"),
                ([.contentType: "application/x-www-form-urlencoded"], "number=1&number=2", .badRequest, "2 number fields"),
                ([.contentType: "application/x-www-form-urlencoded"], "number=1.5", .badRequest, "ASCII digits"),
            ]
            for (headers, body, status, text) in cases {
                try await client.execute(uri: "/api/fizzbuzz", method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
                    try Self.expectError(response, status, text)
                }
            }
            #expect(try await services.counts.mostCommon(1).total == 0, "nothing rejected is counted")
        }
    }

    @Test func wrongMethodsAre405WithAllow() async throws {
        try await withApp { client, _ in
            let cases: [(String, HTTPRequest.Method, String)] = [
                ("/api/fibonacci/10", .post, "GET, HEAD"), ("/api/fizzbuzz", .get, "POST"), ("/api/most_common", .delete, "GET, HEAD"),
                ("/health", .put, "GET, HEAD"), ("/", .patch, "GET, HEAD"), ("/api/fibonacci", .post, "GET, HEAD"),
            ]
            for (uri, method, allow) in cases {
                try await client.execute(uri: uri, method: method) { response in
                    try Self.expectError(response, .methodNotAllowed, "not allowed")
                    #expect(response.headers[.allow] == allow)
                }
            }
            try await client.execute(uri: "/no/such/thing", method: .get) { response in
                try Self.expectError(response, .notFound, "No such endpoint")
            }
        }
    }

    @Test func operationsEndpoints() async throws {
        try await withApp { client, _ in
            try await client.execute(uri: "/health", method: .get) { response in
                #expect(response.status == .ok && String(buffer: response.body) == #"{"status":"ok"}"#)
                #expect(response.headers[HTTPField.Name("X-Request-ID")!] != nil)
            }
            try await client.execute(uri: "/ready", method: .get) { response in #expect(response.status == .ok) }
            try await client.execute(uri: "/info", method: .get) { response in
                let info = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(info?["gmpVersion"] as? String == "6.2.1" && (info?["strategies"] as? [String])?.count == 7)
                #expect((info?["limits"] as? [String: Any])?["maximumIndex"] as? Int == 100_000)
            }
            _ = try await client.execute(uri: "/api/fibonacci/5000", method: .get)
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
                for name in ["http_requests_total", "http_request_duration_seconds_bucket", "fib_computation_seconds", "fib_result_digits", "compute_pool_running"] {
                    #expect(text.contains(name), "metrics contain \(name)")
                }
                #expect(text.contains(#"route="/api/fibonacci/{n}""#) && text.contains(#"status="200""#))
            }
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.hasPrefix("openapi: 3.1.0") && text.contains("/api/most_common:") && text.contains("/api/fizzbuzz:"))
            }
            for page in ["/", "/docs"] {
                try await client.execute(uri: page, method: .get) { response in
                    let html = String(buffer: response.body)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8" && html.hasPrefix("<!doctype html>"))
                    #expect(!html.contains("http://") && !html.contains("https://"), "no external resources: works offline")
                }
            }
        }
    }

    @Test func aSaturatedPoolAnswers503WithRetryAfterAndHealthStaysFastAndCancellationStopsTheWork() async throws {
        var settings = Self.settings()
        settings.poolSize = 1
        settings.queueLimit = 0
        settings.maximumIndex = 50_000_000
        settings.iterativeIndexLimit = 50_000_000
        try await withApp(settings) { client, services in
            // Occupy the only thread with a computation of hours, then ask for another.
            let slow = Task { try await client.execute(uri: "/api/fibonacci/40000000?strategy=iterative", method: .get) }
            while services.pool.load.running == 0 { try await Task.sleep(for: .milliseconds(5)) }
            try await client.execute(uri: "/api/fibonacci/123456", method: .get) { response in
                try Self.expectError(response, .serviceUnavailable, "busy")
                #expect(response.headers[.retryAfter] == "1")
            }
            let start = ContinuousClock.now
            try await client.execute(uri: "/health", method: .get) { response in #expect(response.status == .ok) }
            #expect(ContinuousClock.now - start < .milliseconds(500), "health answers while the pool is full")
            // The client goes away: the computation stops and frees the thread.
            slow.cancel()
            _ = await slow.result
            let deadline = ContinuousClock.now + .seconds(10)
            while services.pool.load.running > 0 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
            #expect(services.pool.load.running == 0, "the cancelled computation stopped")
            try await client.execute(uri: "/api/fibonacci/123456", method: .get) { response in #expect(response.status == .ok) }
        }
    }
}
