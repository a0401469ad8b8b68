/// A strict JSON reader (RFC 8259) for request bodies, where Foundation's `JSONDecoder` is lenient
/// (it accepts trailing commas) and lossy (it rounds integers beyond 64 bits).
///
/// It accepts exactly the grammar: no comments, no trailing commas, no single quotes, no `NaN` or
/// `Infinity`, no leading zeros or `+` on numbers, no control characters or lone surrogates in
/// strings, valid UTF-8 only, one value and nothing after it but white space. Numbers are kept as
/// their literal text, so an integer of any length stays exact. A key that appears twice in one
/// object is an error (RFC 8259 leaves it open; here it would make the meaning ambiguous).
enum StrictJSON {
    indirect enum Value: Equatable {
        /// The members in the order written (keys are unique).
        case object([Member])
        case array([Value])
        case string(String)
        /// An integer literal (no fraction, no exponent), as written.
        case integer(String)
        /// A number with a fraction or an exponent, as written.
        case number(String)
        case bool(Bool)
        case null

        /// What the value is, for error messages: "a string", "an array", ...
        var kind: String {
            switch self {
            case .object: "an object"
            case .array: "an array"
            case .string: "a string"
            case .integer: "an integer"
            case .number: "a number with a fraction or an exponent"
            case .bool: "a boolean"
            case .null: "null"
            }
        }
    }

    struct Member: Equatable {
        var key: String
        var value: Value
    }

    /// Where and why the text is not JSON.
    struct SyntaxError: Error, Equatable, CustomStringConvertible {
        var message: String
        /// Byte offset of the problem.
        var offset: Int

        var description: String { "\(message) at byte \(offset)" }
    }

    /// `text` as a JSON string: in double quotes, with `"`, `\` and control characters escaped (the
    /// log lines and the fuzz target write JSON strings with it).
    static func appendQuoted(_ text: String, to output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// The one JSON value in `bytes`. Nesting deeper than `maximumDepth` is an error, so a hostile body
    /// cannot exhaust the stack.
    static func parse(_ bytes: some Collection<UInt8>, maximumDepth: Int = 64) throws(SyntaxError) -> Value {
        var reader = Reader(bytes: Array(bytes), maximumDepth: maximumDepth)
        reader.skipWhiteSpace()
        let value = try reader.value(depth: 0)
        reader.skipWhiteSpace()
        guard reader.position == reader.bytes.count else { throw reader.error("unexpected text after the JSON value") }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        let maximumDepth: Int
        var position = 0

        func error(_ message: String) -> SyntaxError { SyntaxError(message: message, offset: position) }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhiteSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { position += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
            guard current == byte else {
                throw error(current == nil ? "the body ends where \(what) was expected"
                    : current == UInt8(ascii: "/") ? "comments are not JSON" : "expected \(what)")
            }
            position += 1
        }

        mutating func value(depth: Int) throws(SyntaxError) -> Value {
            guard depth <= maximumDepth else { throw error("JSON nested deeper than \(maximumDepth) levels") }
            guard let byte = current else { throw error("the body ends where a value was expected") }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "/"): throw error("comments are not JSON")
            case UInt8(ascii: "'"): throw error("strings are written in double quotes in JSON")
            case UInt8(ascii: "N"), UInt8(ascii: "I"), UInt8(ascii: "+"): throw error("NaN, Infinity and a leading + are not JSON numbers")
            default: throw error("unexpected character where a value was expected")
            }
        }

        mutating func literal(_ word: String) throws(SyntaxError) {
            for byte in word.utf8 {
                guard current == byte else { throw error("unexpected character where a value was expected") }
                position += 1
            }
        }

        mutating func object(depth: Int) throws(SyntaxError) -> Value {
            position += 1  // {
            var members: [Member] = []
            var keys: Set<String> = []
            skipWhiteSpace()
            if current == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            while true {
                skipWhiteSpace()
                guard current == UInt8(ascii: "\"") else {
                    throw error(current == UInt8(ascii: "}") ? "a trailing comma is not JSON" : "expected a key in double quotes")
                }
                let keyOffset = position
                let key = try string()
                guard keys.insert(key).inserted else {
                    throw SyntaxError(message: "the key \"\(key.prefix(40))\" appears twice", offset: keyOffset)
                }
                skipWhiteSpace()
                try expect(UInt8(ascii: ":"), "':' after a key")
                skipWhiteSpace()
                members.append(Member(key: key, value: try value(depth: depth + 1)))
                skipWhiteSpace()
                if current == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "}"), "',' or '}' in an object")
                return .object(members)
            }
        }

        mutating func array(depth: Int) throws(SyntaxError) -> Value {
            position += 1  // [
            var elements: [Value] = []
            skipWhiteSpace()
            if current == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            }
            while true {
                skipWhiteSpace()
                if current == UInt8(ascii: "]") { throw error("a trailing comma is not JSON") }
                elements.append(try value(depth: depth + 1))
                skipWhiteSpace()
                if current == UInt8(ascii: ",") {
                    position += 1
                    continue
                }
                try expect(UInt8(ascii: "]"), "',' or ']' in an array")
                return .array(elements)
            }
        }

        /// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
        mutating func number() throws(SyntaxError) -> Value {
            let start = position
            if current == UInt8(ascii: "-") { position += 1 }
            guard let first = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
                throw error("a digit must follow '-'")
            }
            position += 1
            if first == UInt8(ascii: "0"), let next = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(next) {
                throw error("leading zeros are not JSON")
            }
            skipDigits()
            var isInteger = true
            if current == UInt8(ascii: ".") {
                position += 1
                try requireDigits("a digit after the decimal point")
                isInteger = false
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                try requireDigits("a digit in the exponent")
                isInteger = false
            }
            let text = String(decoding: bytes[start..<position], as: UTF8.self)
            return isInteger ? .integer(text) : .number(text)
        }

        mutating func skipDigits() {
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        }

        /// One or more digits, or an error naming `what`.
        mutating func requireDigits(_ what: String) throws(SyntaxError) {
            guard let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { throw error("expected \(what)") }
            skipDigits()
        }

        mutating func string() throws(SyntaxError) -> String {
            position += 1  // "
            var utf8: [UInt8] = []
            while true {
                guard let byte = current else { throw error("the body ends inside a string") }
                position += 1
                switch byte {
                case UInt8(ascii: "\""):
                    guard let text = String(validating: utf8, as: UTF8.self) else { throw error("a string is not valid UTF-8") }
                    return text
                case UInt8(ascii: "\\"):
                    try escape(into: &utf8)
                case 0..<0x20:
                    position -= 1
                    throw error("a control character must be escaped in a JSON string")
                default:
                    utf8.append(byte)
                }
            }
        }

        mutating func escape(into utf8: inout [UInt8]) throws(SyntaxError) {
            guard let byte = current else { throw error("the body ends inside an escape") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(byte)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad()
                if (0xD800..<0xDC00).contains(scalar) {
                    // A high surrogate must be followed by \u and a low one: together one scalar.
                    guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                        throw error("a lone surrogate in a \\u escape")
                    }
                    position += 2
                    let low = try hexQuad()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate in a \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("a lone surrogate in a \\u escape")
                }
                utf8.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
            default:
                throw error("an unknown escape in a string")
            }
        }

        mutating func hexQuad() throws(SyntaxError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = Self.hexValue(byte) else { throw error("a \\u escape needs four hexadecimal digits") }
                value = value << 4 | digit
                position += 1
            }
            return value
        }

        static func hexValue(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
            default: nil
            }
        }
    }
}
