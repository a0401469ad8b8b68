import Foundation
import Logging
import Synchronization

/// A log handler that writes one line per message to standard output, as logfmt
/// (`time=... level=info message="request" method=GET status=200`) or as a JSON object.
public struct LineLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    let label: String
    let format: ServerSettings.LogFormat
    let write: @Sendable (String) -> Void

    public init(label: String, format: ServerSettings.LogFormat, write: @escaping @Sendable (String) -> Void = LineLogHandler.standardOutput) {
        self.label = label
        self.format = format
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("time", Self.currentTime()), ("level", event.level.rawValue), ("message", "\(event.message)"),
        ]
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        fields += merged.sorted { $0.key < $1.key }.map { ($0.key, "\($0.value)") }
        write(format == .json ? Self.json(fields) : Self.logfmt(fields))
    }

    /// key=value pairs; values with spaces, quotes or `=` are quoted.
    static func logfmt(_ fields: [(String, String)]) -> String {
        fields.map { key, value in
            let needsQuotes = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" }
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                .replacingOccurrences(of: "\n", with: "\\n")
            return "\(key)=" + (needsQuotes ? "\"\(escaped)\"" : escaped)
        }.joined(separator: " ")
    }

    static func json(_ fields: [(String, String)]) -> String {
        var object: [String: String] = [:]
        for (key, value) in fields { object[key] = value }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The ISO 8601 time to the second, formatted once a second rather than once a line.
    private static let clock = Mutex((second: 0, text: ""))

    static func currentTime() -> String {
        let second = Int(Date().timeIntervalSince1970)
        return clock.withLock { clock in
            if clock.second != second {
                clock = (second, Date(timeIntervalSince1970: Double(second)).formatted(.iso8601))
            }
            return clock.text
        }
    }

    private static let outputLock = Mutex(())

    public static let standardOutput: @Sendable (String) -> Void = { line in
        outputLock.withLock { _ in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
