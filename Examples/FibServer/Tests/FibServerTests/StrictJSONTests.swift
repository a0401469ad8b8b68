import Testing
@testable import FibServerApp

/// The request-body reader: exactly RFC 8259, numbers kept as written.
@Suite struct StrictJSONTests {
    func parse(_ text: String) throws(StrictJSON.SyntaxError) -> StrictJSON.Value {
        try StrictJSON.parse(Array(text.utf8))
    }

    @Test func acceptsTheGrammar() throws {
        #expect(try parse(#" {"a": [1, -0, 2.5e-3, true, false, null, "x\"\\\/\b\f\n\r\t\u00e9"], "b": {}} "#) == .object([
            .init(key: "a", value: .array([.integer("1"), .integer("-0"), .number("2.5e-3"), .bool(true), .bool(false), .null,
                                           .string("x\"\\/\u{8}\u{c}\n\r\té")])),
            .init(key: "b", value: .object([])),
        ]))
        let digits = String(repeating: "7", count: 5_000)
        #expect(try parse(digits) == .integer(digits), "an integer of any length, exactly")
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"), "a surrogate pair is one scalar")
        #expect(try parse("[]") == .array([]) && parse("0") == .integer("0") && parse("1E+2") == .number("1E+2"))
    }

    @Test func refusesEverythingElse() {
        let cases: [(String, String)] = [
            ("", "ends"), ("[1,]", "trailing comma"), (#"{"a":1,}"#, "trailing comma"), ("{\"a\":1 // x\n}", "comments"),
            ("/* x */ 1", "comments"), ("NaN", "NaN"), ("Infinity", "NaN"), ("+1", "leading +"), ("01", "leading zeros"),
            ("1.", "after the decimal point"), ("1e", "exponent"), ("-", "digit must follow"), ("'a'", "double quotes"),
            (#"{"a":1,"a":2}"#, "appears twice"), (#""\ud800""#, "lone surrogate"), (#""\udc00x""#, "lone surrogate"),
            (#""\x""#, "unknown escape"), (#""\u12g4""#, "four hexadecimal"), ("\"a\u{1}\"", "control character"),
            ("[1] [2]", "after the JSON value"), ("tru", "unexpected"), (#"{"a" 1}"#, "':'"), ("[1 2]", "',' or ']'"),
            (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "nested deeper"),
        ]
        for (text, message) in cases {
            #expect(throws: StrictJSON.SyntaxError.self, "\(text)") { try parse(text) }
            do {
                _ = try parse(text)
            } catch {
                #expect(error.message.contains(message), "\(text): \(error.message)")
            }
        }
        // Invalid UTF-8 inside a string.
        #expect(throws: StrictJSON.SyntaxError.self) { try StrictJSON.parse([0x22, 0xC3, 0x28, 0x22]) }
    }
}
