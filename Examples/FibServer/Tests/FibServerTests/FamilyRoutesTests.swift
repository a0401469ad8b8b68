import Fibonacci
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FibServerApp

/// The family endpoints: residues with big n and m, Lucas sequences, Zeckendorf, the index of a
/// Fibonacci number, leading and trailing digits; each answer against the library or brute force.
@Suite struct FamilyRoutesTests {
    static func json(_ response: TestResponse) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
    }

    @Test func residuesWithBigIndicesAndModuli() async throws {
        try await TestApp.with { client, _ in
            let n = "1" + String(repeating: "0", count: 22), m = "1000000007"
            try await client.execute(uri: "/api/fibonacci/\(n)?mod=\(m)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response)
                #expect(body["n"] as? String == n && body["modulus"] as? String == m)
                #expect(body["value"] as? String == (try fibonacci(BigInt(n)!, modulo: BigInt(m)!)).description)
            }
            // A 1000-digit modulus, and the same residue as the full value reduced, for a small n.
            let bigModulus = "9" + String(repeating: "7", count: 999)
            try await client.execute(uri: "/api/lucas/5000?mod=\(bigModulus)", method: .get) { response in
                let body = try Self.json(response)
                #expect(body["value"] as? String == (lucas(5_000) % BigInt(bigModulus)!).description)
            }
            try await client.execute(uri: "/api/fibonacci/-8?mod=10", method: .get) { response in
                let body = try Self.json(response)
                #expect(body["value"] as? String == "9", "F(-8) = -21, and -21 mod 10 = 9")
            }
        }
    }

    @Test func lucasSequencesAgainstTheRecurrence() async throws {
        try await TestApp.with { client, _ in
            for (p, q) in [(1, -1), (2, -1), (3, 2), (-4, 5)] {
                var (u0, u1): (BigInt, BigInt) = (0, 1), (v0, v1): (BigInt, BigInt) = (2, BigInt(p))
                for _ in 0..<30 {
                    (u0, u1) = (u1, BigInt(p) * u1 - BigInt(q) * u0)
                    (v0, v1) = (v1, BigInt(p) * v1 - BigInt(q) * v0)
                }
                try await client.execute(uri: "/api/lucas-sequence/30?p=\(p)&q=\(q)", method: .get) { response in
                    let body = try Self.json(response)
                    #expect(body["u"] as? String == u0.description && body["v"] as? String == v0.description, "P=\(p) Q=\(q)")
                }
                try await client.execute(uri: "/api/lucas-sequence/30?p=\(p)&q=\(q)&mod=1000", method: .get) { response in
                    let body = try Self.json(response)
                    #expect(body["u"] as? String == ((u0 % 1000 + 1000) % 1000).description, "P=\(p) Q=\(q) mod 1000")
                }
            }
        }
    }

    @Test func zeckendorfAndTheIndex() async throws {
        try await TestApp.with { client, _ in
            try await client.execute(uri: "/api/zeckendorf/100", method: .get) { response in
                let body = try Self.json(response)
                #expect(body["indices"] as? [Int] == [11, 6, 4] && body["value"] as? String == "100")
            }
            try await client.execute(uri: "/api/fibonacci-index/144", method: .get) { response in
                let body = try Self.json(response)
                #expect(body["index"] as? Int == 12 && body["isFibonacci"] as? Bool == true)
            }
            try await client.execute(uri: "/api/fibonacci-index/145", method: .get) { response in
                let body = try Self.json(response)
                #expect(body["index"] is NSNull && body["isFibonacci"] as? Bool == false, "index is null, not absent")
            }
        }
    }

    @Test func leadingAndTrailingDigits() async throws {
        try await TestApp.with { client, _ in
            let digits = fibonacci(5_000).description
            try await client.execute(uri: "/api/fibonacci/5000/leading?digits=25", method: .get) { response in
                let body = try Self.json(response)
                #expect(body["leading"] as? String == String(digits.prefix(25)))
                #expect(body["digitCount"] as? String == String(digits.count) && body["digits"] as? Int == 25)
            }
            try await client.execute(uri: "/api/fibonacci/-5000/leading?digits=25", method: .get) { response in
                let body = try Self.json(response)
                #expect(body["leading"] as? String == String(digits.prefix(25)), "|F(-5000)| = F(5000)")
            }
            try await client.execute(uri: "/api/fibonacci/5000/trailing?digits=25", method: .get) { response in
                let body = try Self.json(response)
                #expect(body["trailing"] as? String == String(digits.suffix(25)))
            }
            try await client.execute(uri: "/api/fibonacci/1000000000000000000/leading?digits=100", method: .get) { response in
                let body = try Self.json(response)
                #expect((body["leading"] as? String)?.count == 100)
            }
        }
    }

    @Test func badInput() async throws {
        try await TestApp.with { client, _ in
            let cases: [(String, HTTPResponse.Status, String)] = [
                ("/api/fibonacci/10?mod=0", .unprocessableContent, "at least 1"),
                ("/api/fibonacci/10?mod=abc", .badRequest, "ASCII digits"),
                ("/api/fibonacci/\(String(repeating: "9", count: 10_001))?mod=7", .unprocessableContent, "at most 10000"),
                ("/api/lucas-sequence/10?p=1", .badRequest, "both coefficients"),
                ("/api/lucas-sequence/-1?p=1&q=1", .unprocessableContent, "not be negative"),
                ("/api/lucas-sequence/100000?p=1000&q=1", .unprocessableContent, "beyond this server's limit"),
                ("/api/lucas-sequence/100001?p=0&q=0", .unprocessableContent, "without a modulus"),
                ("/api/zeckendorf/-5", .unprocessableContent, "not be negative"),
                ("/api/zeckendorf/1e3", .badRequest, "ASCII digits"),
                ("/api/fibonacci-index/12a", .badRequest, "ASCII digits"),
                ("/api/fibonacci/1000000000000000001/leading", .unprocessableContent, "10^18"),
                ("/api/fibonacci/-1000000000000000001/trailing", .unprocessableContent, "10^18"),
                ("/api/fibonacci/10/trailing?digits=1001", .unprocessableContent, "between 1 and 1000"),
                ("/api/fibonacci/10/leading?digits=0", .unprocessableContent, "between 1 and 1000"),
            ]
            for (uri, status, text) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    try RouterTests.expectError(response, status, text)
                }
            }
        }
    }
}
