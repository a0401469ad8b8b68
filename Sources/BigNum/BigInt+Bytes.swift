import CGMP

extension BigInt {
    /// Creates a value from big-endian bytes: two's complement when `isSigned` (the default, the form
    /// ``bigEndianBytes(isSigned:)`` writes), an unsigned magnitude otherwise. No bytes give zero.
    ///
    /// - Complexity: O(n).
    public init(bigEndianBytes bytes: some Collection<UInt8>, isSigned: Bool = true) {
        let bytes = ContiguousArray(bytes)
        self.init { result in
            bytes.withUnsafeBufferPointer { buffer in
                // order 1: most significant byte first; size 1 byte, so endianness is moot.
                __gmpz_import(result, buffer.count, 1, 1, 0, 0, buffer.baseAddress)
            }
        }
        if isSigned, let first = bytes.first, first & 0x80 != 0 {
            // Read as unsigned, n bytes with the top bit set are value + 2^(8n).
            self -= BigInt(1) << (8 * bytes.count)
        }
    }

    /// The big-endian bytes of the value.
    ///
    /// With `isSigned` (the default): the shortest two's-complement form, at least one byte, as Java's
    /// `BigInteger.toByteArray()` writes it (`-1` is `[0xFF]`, `128` is `[0x00, 0x80]`). Otherwise the
    /// shortest unsigned magnitude (`[]` for zero); this traps for a negative value, so pass
    /// `x.magnitude` to drop the sign on purpose.
    ///
    /// - Complexity: O(n).
    public func bigEndianBytes(isSigned: Bool = true) -> [UInt8] {
        precondition(isSigned || !isNegative, "bigEndianBytes(isSigned: false) of a negative value; use magnitude")
        let count = isSigned ? (bitWidth + 7) / 8 : (magnitudeBitWidth + 7) / 8
        // A negative value is written as the unsigned number 2^(8·count) + value.
        let unsigned = isNegative ? self + (BigInt(1) << (8 * count)) : self
        var bytes = [UInt8](repeating: 0, count: count)
        let written = unsigned.magnitudeBitWidth.quotientAndRemainder(dividingBy: 8)
        let used = written.quotient + (written.remainder == 0 ? 0 : 1)
        bytes.withUnsafeMutableBufferPointer { buffer in
            unsigned.withUnsafeMPZ { mpz in
                // Right-align: the leading bytes stay zero.
                _ = __gmpz_export(buffer.baseAddress! + (count - used), nil, 1, 1, 0, 0, mpz)
            }
        }
        return bytes
    }
}
