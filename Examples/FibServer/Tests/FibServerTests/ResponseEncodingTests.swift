import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FibServerApp

/// The hand-written answers (``DigitsJSONWriter``) are byte for byte what JSONEncoder, with sorted
/// keys, makes of their Codable types; every other answer is encoded by JSONEncoder itself.
@Suite struct ResponseEncodingTests {

    static func sortedKeysEncoding(of value: some Encodable) throws -> ByteBuffer {
        ByteBuffer(data: try AppRequestContext.sortedKeysEncoder.encode(value))
    }

    @Test func valuesAndTermsAreJSONEncodersBytes() async throws {
        try await TestApp.with { client, _ in
            let values = ["/api/fibonacci/0", "/api/fibonacci/90", "/api/fibonacci/-91", "/api/lucas/-7", "/api/fibonacci/4321?format=hex",
                          "/api/fibonacci/60000", "/api/fibonacci/60000", "/api/lucas/25000?strategy=matrix"]
            for uri in values {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok && response.headers[.contentType] == "application/json; charset=utf-8")
                    let body = try JSONDecoder().decode(ValueAnswer.self, from: Data(buffer: response.body))
                    #expect(response.body == (try Self.sortedKeysEncoding(of: body)), "\(uri)")
                }
            }
            for uri in ["/api/fibonacci?from=-5&count=11", "/api/fibonacci?from=1000&count=50", "/api/fibonacci?count=1"] {
                try await client.execute(uri: uri, method: .get) { response in
                    let body = try JSONDecoder().decode(TermsAnswer.self, from: Data(buffer: response.body))
                    #expect(response.body == (try Self.sortedKeysEncoding(of: body)), "\(uri)")
                }
            }
        }
    }

    @Test func codableAnswersHaveSortedKeys() async throws {
        try await TestApp.with { client, _ in
            try await client.execute(uri: "/api/fibonacci/25/trailing?digits=3", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"digitCount":"5","digits":3,"n":"25","trailing":"025"}"#)
            }
            try await client.execute(uri: "/ready", method: .get) { response in
                #expect(String(buffer: response.body) == #"{"computing":0,"queued":0,"status":"ready"}"#)
            }
            try await client.execute(uri: "/api/fibonacci/abc", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).hasPrefix(#"{"error":{"message":"#))
            }
        }
    }
}
