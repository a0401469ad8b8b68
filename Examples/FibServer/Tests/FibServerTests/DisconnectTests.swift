import Hummingbird
import HummingbirdTesting
import Testing
@testable import FibServerApp

/// The reduced case of Docs/Server.md ("Cancel on disconnect"): an operation under Hummingbird's
/// inbound-close watch that returns at once. Returning before the watch has read the request's end
/// left its body stream unfinished, and NIO trapped the process; the server's helper reads the end
/// first, so these requests must all answer.
@Suite struct DisconnectTests {
    @Test func anOperationThatReturnsAtOnceUnderTheDisconnectWatchNeverTraps() async throws {
        let router = Router(context: BasicRequestContext.self)
        router.get("/quick") { request, _ -> String in
            try await FibonacciController<BasicRequestContext>.cancellingOnDisconnect(request, bodyLimit: 16) { "done" }
        }
        router.get("/failing") { request, _ -> String in
            try await FibonacciController<BasicRequestContext>.cancellingOnDisconnect(request, bodyLimit: 16) {
                throw APIError.unprocessable("fails at once")
            }
        }
        try await Application(router: router).test(.router) { client in
            // Sequentially and with eight requests in flight: both orders of the watch and the operation.
            for _ in 0..<200 {
                try await client.execute(uri: "/quick", method: .get) { #expect(String(buffer: $0.body) == "done") }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<400 {
                    if index >= 8 { try await group.next() }
                    group.addTask {
                        let path = index.isMultiple(of: 2) ? "/quick" : "/failing"
                        try await client.execute(uri: path, method: .get) { response in
                            #expect(response.status == (path == "/quick" ? .ok : .unprocessableContent))
                        }
                    }
                }
                try await group.waitForAll()
            }
            // A body beyond the limit is refused before the operation runs.
            try await client.execute(uri: "/quick", method: .get, body: ByteBuffer(string: String(repeating: "x", count: 17))) {
                #expect($0.status == .contentTooLarge)
            }
        }
    }
}
