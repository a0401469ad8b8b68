/// Parses the `--n` option: a comma-separated list of indices and geometric ranges.
///
/// - `1000`, `1e6`, `1_000_000`: one index (scientific notation must be a whole number);
/// - `1e3...1e8`: every power of ten from 10^3 to 10^8;
/// - `1e3...1e6/3`: three points per decade (1000, 2154, 4642, 10000, ...), rounded to integers.
public enum IndexList {
    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    public static func parse(_ text: String) throws(ParseError) -> [Int] {
        var indices: [Int] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let item = item.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { throw ParseError(description: "empty item in index list \"\(text)\"") }
            if let range = item.range(of: "...") {
                let (upperText, stepsText) = split(item[range.upperBound...], at: "/")
                let lower = try number(String(item[..<range.lowerBound])), upper = try number(upperText)
                var perDecade = 1
                if let stepsText { perDecade = try number(stepsText) }
                guard lower >= 1, upper >= lower else {
                    throw ParseError(description: "range \"\(item)\" must go from a positive index up to a larger one")
                }
                guard (1...100).contains(perDecade) else {
                    throw ParseError(description: "points per decade in \"\(item)\" must be 1...100")
                }
                indices += geometric(from: lower, to: upper, perDecade: perDecade)
            } else {
                indices.append(try number(item))
            }
        }
        var seen = Set<Int>()
        return indices.filter { seen.insert($0).inserted }
    }

    private static func split(_ text: Substring, at separator: Character) -> (String, String?) {
        guard let index = text.firstIndex(of: separator) else { return (String(text), nil) }
        return (String(text[..<index]), String(text[text.index(after: index)...]))
    }

    /// An integer written plainly, with underscores, or as `MeK` / `MEK` with an integral value.
    static func number(_ text: String) throws(ParseError) -> Int {
        let plain = text.replacingOccurrences(of: "_", with: "")
        if let value = Int(plain) { return value }
        let parts = plain.lowercased().split(separator: "e", omittingEmptySubsequences: false)
        if parts.count == 2, let mantissa = Double(parts[0]), let exponent = Int(parts[1]), (0...18).contains(exponent) {
            let value = mantissa * pow(10, Double(exponent))
            if value == value.rounded(), abs(value) < 9.2e18 { return Int(value) }
        }
        throw ParseError(description: "\"\(text)\" is not a whole number (write 1000, 1_000 or 1e3)")
    }

    static func geometric(from lower: Int, to upper: Int, perDecade: Int) -> [Int] {
        var values: [Int] = []
        var step = 0
        while true {
            let value = Int((Double(lower) * pow(10, Double(step) / Double(perDecade))).rounded())
            if value > upper { break }
            values.append(value)
            step += 1
        }
        return values
    }
}

import Foundation
