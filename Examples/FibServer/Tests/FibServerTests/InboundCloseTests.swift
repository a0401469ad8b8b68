import Hummingbird
import HummingbirdTesting
import Testing

/// The reduced case behind `ServerSettings.cancelsOnDisconnect` being off in the router tests
/// (Docs/Server.md): with HummingbirdTesting's in-memory client, a GET handler that runs its work in
/// `consumeWithCancellationOnInboundClose` brings the process down when Hummingbird 2.28.1 drops the
/// request body's source unfinished. When this test starts failing, the upstream fix has landed:
/// remove the setting.
@Suite struct InboundCloseTests {
    @Test func hummingbirdsInboundCloseHandlerTrapsWithInMemoryBodies() async {
        let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            let router = Router()
            router.get("/work") { request, _ -> String in
                try await request.body.consumeWithCancellationOnInboundClose { _ in "done" }
            }
            let app = Application(router: router)
            for _ in 0..<200 {
                try await app.test(.router) { client in
                    _ = try await client.execute(uri: "/work", method: .get)
                }
            }
        }
        let message = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(message.contains("without calling source.finish()"), "\(message.suffix(300))")
    }
}
