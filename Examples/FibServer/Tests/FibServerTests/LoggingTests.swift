import Logging
import Synchronization
import Testing
@testable import FibServerApp

/// The log line: one per event, logfmt or JSON, metadata in key order, values escaped as needed.
@Suite struct LoggingTests {
    func lines(_ format: ServerSettings.LogFormat, _ log: (Logger) -> Void) -> [String] {
        let captured = Mutex<[String]>([])
        var handler = LineLogHandler(label: "test", format: format) { line in captured.withLock { $0.append(line) } }
        handler.metadata = ["request": "7"]
        log(Logger(label: "test", factory: { _ in handler }))
        return captured.withLock { $0 }
    }

    @Test func logfmtQuotesOnlyWhatNeedsIt() throws {
        let line = try #require(lines(.logfmt) { $0.info("request", metadata: ["path": "/api/fibonacci/90", "note": "a \"b\" = c\\d\ne", "empty": ""]) }.first)
        let afterTime = line.drop { $0 != " " }.dropFirst()
        #expect(line.hasPrefix("time=") && !line.contains("\n"))
        #expect(afterTime == #"level=info message=request empty="" note="a \"b\" = c\\d\ne" path=/api/fibonacci/90 request=7"#)
    }

    @Test func jsonIsOneValidObject() throws {
        let line = try #require(lines(.json) { $0.warning("odd \u{1} text", metadata: ["q": "\"x\""]) }.first)
        #expect(line.hasPrefix(#"{"time":""#) && line.hasSuffix(#","q":"\"x\"","request":"7"}"#))
        #expect(line.contains(#""level":"warning","message":"odd \u0001 text""#))
        // One valid JSON object, read with the server's own strict reader.
        guard case .object(let members) = try StrictJSON.parse(Array(line.utf8)) else {
            Issue.record("not a JSON object: \(line)")
            return
        }
        #expect(members.map(\.key) == ["time", "level", "message", "q", "request"])
    }
}
