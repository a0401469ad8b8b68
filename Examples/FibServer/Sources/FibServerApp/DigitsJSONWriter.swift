import Hummingbird

/// The server's one hand-written JSON writer, for the answers that carry up to megabytes of digits:
/// F(n), L(n) and runs of consecutive terms. Measured (`response-encoding-bench`, medians): JSONEncoder
/// takes 2.2-2.6x as long for F(90)'s answer (about 2 µs more, some 5 % of the server's CPU for that
/// request), 3.3x at 1000 digits, 3x-23x at 10^5 digits and 9x-29x at 2·10^6 (glibc's allocator
/// defaults, then tuned). Every other answer is a Codable type encoded by the context's JSONEncoder.
///
/// Fields must be written in ascending key order, and texts must need no escaping (digits, signs,
/// names): then the bytes equal `JSONEncoder` with `.sortedKeys` for the Codable type that describes
/// the answer, which the tests check.
struct DigitsJSONWriter {
    private var buffer: ByteBuffer
    private var hasFields = false

    init(reservingCapacity capacity: Int) {
        buffer = ByteBuffer()
        buffer.reserveCapacity(capacity + 2)
        buffer.writeInteger(UInt8(ascii: "{"))
    }

    mutating func write(_ key: StaticString, _ value: Int) {
        writeKey(key)
        buffer.writeString(String(value))
    }

    mutating func write(_ key: StaticString, _ value: Bool) {
        writeKey(key)
        buffer.writeStaticString(value ? "true" : "false")
    }

    mutating func write(_ key: StaticString, text: [UInt8]) {
        writeKey(key)
        writeQuoted(text)
    }

    mutating func write(_ key: StaticString, text: String) {
        writeKey(key)
        writeQuoted(text)
    }

    mutating func write(_ key: StaticString, texts: [String]) {
        writeKey(key)
        buffer.writeInteger(UInt8(ascii: "["))
        for (index, text) in texts.enumerated() {
            if index > 0 { buffer.writeInteger(UInt8(ascii: ",")) }
            writeQuoted(text)
        }
        buffer.writeInteger(UInt8(ascii: "]"))
    }

    /// The finished object as a `200 OK` JSON response.
    consuming func response() -> Response {
        buffer.writeInteger(UInt8(ascii: "}"))
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: buffer))
    }

    private mutating func writeKey(_ key: StaticString) {
        if hasFields { buffer.writeInteger(UInt8(ascii: ",")) }
        hasFields = true
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeStaticString(key)
        buffer.writeStaticString("\":")
    }

    private mutating func writeQuoted(_ text: [UInt8]) {
        assert(text.allSatisfy(Self.needsNoEscaping))
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeBytes(text)
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    private mutating func writeQuoted(_ text: String) {
        assert(text.utf8.allSatisfy(Self.needsNoEscaping))
        buffer.writeInteger(UInt8(ascii: "\""))
        buffer.writeString(text)
        buffer.writeInteger(UInt8(ascii: "\""))
    }

    /// Digits, signs and names: nothing that JSON (or JSONEncoder, which escapes "/") escapes.
    private static func needsNoEscaping(_ byte: UInt8) -> Bool {
        byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "/")
    }
}

/// The answer for F(n) or L(n), as the OpenAPI document describes it.
package struct ValueAnswer: Codable {
    package var n: Int
    /// The value in decimal or hexadecimal, with a leading "-" when negative.
    package var value: String
    /// The number of digits, not counting the sign.
    package var digits: Int
    package var format: String
    /// The strategy or route the library reports it used.
    package var strategy: String
    package var elapsedMicroseconds: Int
    package var cached: Bool

    package init(n: Int, value: String, digits: Int, format: String, strategy: String, elapsedMicroseconds: Int, cached: Bool) {
        (self.n, self.value, self.digits, self.format) = (n, value, digits, format)
        (self.strategy, self.elapsedMicroseconds, self.cached) = (strategy, elapsedMicroseconds, cached)
    }

    /// The answer's bytes, written from the digits without making a String of them.
    package static func response(n: Int, digits: [UInt8], format: String, strategy: String,
                                 elapsedMicroseconds: Int, cached: Bool) -> Response {
        var json = DigitsJSONWriter(reservingCapacity: digits.count + 160)
        json.write("cached", cached)
        json.write("digits", digits.count - (digits.first == UInt8(ascii: "-") ? 1 : 0))
        json.write("elapsedMicroseconds", elapsedMicroseconds)
        json.write("format", text: format)
        json.write("n", n)
        json.write("strategy", text: strategy)
        json.write("value", text: digits)
        return json.response()
    }
}

/// The answer for consecutive terms F(from), ..., F(from + count - 1).
package struct TermsAnswer: Codable {
    package var from: Int
    package var count: Int
    package var values: [String]

    package static func response(from: Int, count: Int, values: [String]) -> Response {
        var json = DigitsJSONWriter(reservingCapacity: values.reduce(40) { $0 + $1.utf8.count + 3 })
        json.write("count", count)
        json.write("from", from)
        json.write("values", texts: values)
        return json.response()
    }
}
