/// `BigInt` encodes as a string of decimal digits (`"-123"`), exact at any size, since JSON numbers
/// lose precision beyond 2^53 in many readers. Decoding also accepts an integer (such as `42`) when
/// the decoder can read it as `Int64` or `UInt64`; larger values must be strings.
extension BigInt: Codable {
    /// - Complexity: O(n log² n) for n digits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            guard let value = BigInt(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container,
                    debugDescription: "Expected an optional sign and decimal digits for BigInt, found \"\(text.prefix(40))\"")
            }
            self = value
        } else if let value = try? container.decode(Int64.self) {
            self.init(value)
        } else if let value = try? container.decode(UInt64.self) {
            self.init(value)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a string of decimal digits or an integer for BigInt")
        }
    }

    /// - Complexity: O(n log² n) for n digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
