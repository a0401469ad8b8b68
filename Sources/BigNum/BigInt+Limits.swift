import CGMP

extension BigInt {
    /// The largest magnitude, in bits, that a `BigInt` may hold: about 1.37 × 10¹¹ bits (16 GiB).
    ///
    /// GMP keeps a value's limb count in a C `int` and aborts the whole process (with no Swift
    /// message) when a result would need more than `INT_MAX` limbs. `BigInt` checks the size of every
    /// result that can grow before calling GMP, and traps with a clear message instead, as `Int` traps
    /// on overflow. Two limbs are kept in reserve because some GMP functions allocate one limb beyond
    /// the result's size.
    public static let maximumBitWidth: Int = (Int(Int32.max) - 2) * Int(cgmp_limb_bits)

    /// Traps with a clear message when a result of `bits` bits would exceed ``maximumBitWidth``.
    @inlinable
    internal static func checkResultSize(
        _ bits: Int, _ operation: @autoclosure () -> String,
        file: StaticString = #file, line: UInt = #line
    ) {
        if _slowPath(bits > maximumBitWidth) {
            fatalError(
                "BigInt \(operation()) overflow: the result needs \(bits) bits, more than GMP's limit of \(maximumBitWidth)",
                file: file, line: line)
        }
    }

    /// Adds two sizes in bits, saturating rather than overflowing `Int`.
    @inlinable
    internal static func addBits(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : sum
    }

    /// Multiplies two sizes in bits, saturating rather than overflowing `Int`.
    @inlinable
    internal static func multiplyBits(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : product
    }

    @inlinable
    internal static func checkDivisor(_ divisor: BigInt, file: StaticString = #file, line: UInt = #line) {
        if _slowPath(divisor.isZero) {
            fatalError("Division by zero", file: file, line: line)
        }
    }
}
