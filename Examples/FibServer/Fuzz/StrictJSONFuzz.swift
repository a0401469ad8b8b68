// libFuzzer target for the FizzBuzz body reader (StrictJSON, compiled in with this file by fuzz.sh).
// Whatever the bytes: no crash, no hang; and a value that parses, written back out canonically,
// parses to the same value (so nothing is lost or invented on the way).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStrictJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? StrictJSON.parse(bytes) else { return 0 }
    let written = canonical(value)
    guard let again = try? StrictJSON.parse(Array(written.utf8)) else {
        fatalError("the canonical form of a parsed value does not parse: \(written.prefix(200))")
    }
    precondition(again == value, "a round trip changed the value: \(written.prefix(200))")
    return 0
}

/// JSON text for a value: numbers as written, strings escaped by the server's own writer.
func canonical(_ value: StrictJSON.Value) -> String {
    switch value {
    case .object(let members): "{" + members.map { quoted($0.key) + ":" + canonical($0.value) }.joined(separator: ",") + "}"
    case .array(let elements): "[" + elements.map(canonical).joined(separator: ",") + "]"
    case .string(let text): quoted(text)
    case .integer(let text), .number(let text): text
    case .bool(let flag): flag ? "true" : "false"
    case .null: "null"
    }
}

func quoted(_ text: String) -> String {
    var result = ""
    StrictJSON.appendQuoted(text, to: &result)
    return result
}
