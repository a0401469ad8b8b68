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

    /// Standard output through ``LineBuffer/standardOutput``: a line costs a copy into a buffer, not a
    /// system call.
    public static let standardOutput: @Sendable (String) -> Void = { line in
        LineBuffer.standardOutput.append(line)
    }
}

/// Log lines gathered in memory and written in blocks: every 50 ms by a timer, at once when 64 KiB
/// are waiting, and at shutdown (``flush()``). A line holds the lock only to copy its bytes; the write
/// to the file happens outside it.
///
/// `@unchecked Sendable`: the lines are behind a Mutex, and the timer is set up once in `init` and
/// never touched again.
public final class LineBuffer: @unchecked Sendable {
    public static let standardOutput = LineBuffer(fileDescriptor: 1)

    private let fileDescriptor: Int32
    private let pending = Mutex<[UInt8]>([])
    private static let blockBytes = 64 * 1024
    private let timer: DispatchSourceTimer

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        timer = DispatchSource.makeTimerSource(queue: DispatchQueue(label: "fib-server.log-flush"))
        timer.schedule(deadline: .now() + .milliseconds(50), repeating: .milliseconds(50))
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
    }

    /// Adds a line (a newline is appended); writes the block when it is full.
    public func append(_ line: String) {
        let full: [UInt8]? = pending.withLock { bytes in
            bytes.append(contentsOf: line.utf8)
            bytes.append(UInt8(ascii: "\n"))
            guard bytes.count >= Self.blockBytes else { return nil }
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
        if let full { write(full) }
    }

    /// Writes whatever is waiting.
    public func flush() {
        let waiting = pending.withLock { bytes -> [UInt8] in
            defer { bytes.removeAll(keepingCapacity: true) }
            return bytes
        }
        if !waiting.isEmpty { write(waiting) }
    }

    private func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }  // nowhere to write: drop rather than block the server
                offset += written
            }
        }
    }
}
