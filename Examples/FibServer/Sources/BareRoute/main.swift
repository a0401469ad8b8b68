// The reference for fib-server's per-request cost: a bare Hummingbird 2 application with one route
// that answers a fixed JSON body, no middleware, no logging. e2e/measure-cpu.sh measures the server
// against it in the same run.
//
// Usage: bare-route [port]   (127.0.0.1, default 18099)
import Hummingbird

let port = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 18_099
let router = Router()
router.get("/api/fibonacci/90") { _, _ in
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
             body: .init(byteBuffer: ByteBuffer(string: #"{"n":90,"value":"2880067194370816120"}"#)))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "bare-route"))
try await app.runService()
