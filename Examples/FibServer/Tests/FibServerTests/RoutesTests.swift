import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import FibServerApp

/// The one list of routes against what the server answers, its OpenAPI document and its docs page.
@Suite struct RoutesTests {
    /// (path, methods) as the OpenAPI document declares them.
    static func documentedOperations() -> [String: Set<String>] {
        var operations: [String: Set<String>] = [:]
        var path: String?
        for line in OpenAPIDocument.yaml(for: RouterTests.settings()).split(separator: "\n") {
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
                operations[path!] = []
            } else if let current = path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                operations[current]!.insert(line.trimmingCharacters(in: .whitespaces).dropLast().uppercased())
            } else if !line.hasPrefix(" ") {
                path = nil
            }
        }
        return operations
    }

    @Test func theOpenAPIDocumentDeclaresExactlyTheRoutes() {
        let routes = Dictionary(uniqueKeysWithValues: APIRoutes.all.map { ($0.path, Set($0.methods.map(\.rawValue))) })
        #expect(Self.documentedOperations() == routes)
    }

    @Test func theDocsPageDescribesEveryAPIRoute() {
        for route in APIRoutes.all where route.path.hasPrefix("/api/") {
            for method in route.methods {
                #expect(DocsPage.html.contains("\(method.rawValue) \(route.path)"), "\(method) \(route.path)")
            }
        }
    }

    @Test func everyRouteAnswersItsMethodsAnd405ForTheOthers() async throws {
        try await TestApp.with { client, _ in
            for route in APIRoutes.all {
                let uri = route.path.replacingOccurrences(of: "{n}", with: "10").replacingOccurrences(of: "{x}", with: "10")
                for method in route.methods {
                    let headers: HTTPFields = method == .post ? [.contentType: "application/json"] : [:]
                    try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: #"{"number": 15}"#)) { response in
                        #expect(response.status != .notFound && response.status != .methodNotAllowed, "\(method) \(uri)")
                    }
                }
                for method in APIRoutes.methodsAnswered where !route.methods.contains(method) {
                    try await client.execute(uri: uri, method: method) { response in
                        #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                        #expect(response.headers[.allow] == route.allowHeader)
                    }
                }
            }
        }
    }
}
