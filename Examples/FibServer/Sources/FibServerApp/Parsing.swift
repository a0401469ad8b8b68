import BigNum

/// Strict parsing of path and query values: an optional sign and ASCII digits, nothing else. No white
/// space, underscores, exponents, prefixes or non-ASCII digits, which `Int.init(_:)` also refuses; the
/// checks here only add clear messages.
enum Parse {
    /// An `Int` from `text`; 400 when it is not an integer, 422 when it is one but out of range.
    static func integer(_ text: some StringProtocol, name: String) throws(APIError) -> Int {
        if let value = Int(text) { return value }
        if BigInt(text) != nil {
            throw .unprocessable("\(name) = \(text.prefix(40)) is out of range: it must be between \(Int.min) and \(Int.max)")
        }
        throw .badRequest("\(name) must be an integer written with ASCII digits (an optional sign, no spaces, underscores or exponents), not \"\(text.prefix(40))\"")
    }

    /// A `BigInt` of at most `digitLimit` digits: 422 when it is longer (checked before parsing), 400
    /// when it is not an integer.
    static func bigInteger(_ text: some StringProtocol, name: String, digitLimit: Int) throws(APIError) -> BigInt {
        let digits = text.utf8.count - (text.hasPrefix("-") || text.hasPrefix("+") ? 1 : 0)
        guard digits <= digitLimit else {
            throw .unprocessable("\(name) has \(digits) digits; this server accepts at most \(digitLimit)")
        }
        guard let value = BigInt(text) else {
            throw .badRequest("\(name) must be an integer written with ASCII digits (an optional sign, no spaces, underscores or exponents), not \"\(text.prefix(40))\"")
        }
        return value
    }

    /// An optional query parameter as an `Int`, within `range` (422 outside it).
    static func query(_ request: some QueryReading, _ name: String, default value: Int, in range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = request.query(name) else { return value }
        let parsed = try integer(text, name: name)
        guard range.contains(parsed) else {
            throw .unprocessable("\(name) must be between \(range.lowerBound) and \(range.upperBound), not \(parsed)")
        }
        return parsed
    }
}

/// Read access to query parameters, so parsing can be tested without a request.
protocol QueryReading {
    func query(_ name: String) -> String?
}

import Hummingbird
import HummingbirdCore  // FlatDictionary, the parsed query string

extension Request: QueryReading {
    /// One parameter; a handler that reads several takes `uri.queryParameters` once instead (each
    /// read of it parses the whole query string).
    func query(_ name: String) -> String? {
        uri.queryParameters.query(name)
    }
}

extension FlatDictionary<Substring, Substring>: QueryReading {
    func query(_ name: String) -> String? {
        self[Substring(name)].map(String.init)
    }
}
