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
        // One pass into one string: no Foundation on the way (its string replacing cost more than the
        // rest of a request), metadata in key order, values escaped only when they need it.
        var line = format == .json ? "{" : ""
        line.reserveCapacity(256)
        var isFirst = true
        func field(_ key: String, _ value: String) {
            if format == .json {
                line += isFirst ? "" : ","
                StrictJSON.appendQuoted(key, to: &line)
                line += ":"
                StrictJSON.appendQuoted(value, to: &line)
            } else {
                line += isFirst ? "" : " "
                line += key
                line += "="
                Self.appendLogfmtValue(value, to: &line)
            }
            isFirst = false
        }
        field("time", Self.currentTime())
        field("level", event.level.rawValue)
        field("message", event.message.description)
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { $1 } }
        for key in merged.keys.sorted() { field(key, merged[key]!.description) }
        if format == .json { line += "}" }
        write(line)
    }

    /// A logfmt value: as it is, or quoted as a JSON string when it is empty or holds a space, a
    /// quote, `=`, a backslash or a control character.
    static func appendLogfmtValue(_ value: String, to line: inout String) {
        let needsQuotes = value.isEmpty || value.utf8.contains { $0 <= 0x20 || $0 == 0x22 || $0 == 0x3D || $0 == 0x5C }
        if needsQuotes { StrictJSON.appendQuoted(value, to: &line) } else { line += value }
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
