// libFuzzer target for the integer parsers (BigNum's sources compiled in with this file by fuzz.sh):
// the path and query parser's rule (an Int when the text fits, else a BigInt, else nothing) and
// BigInt(_:radix:): parse, print, parse again must give the same value and the same text.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIntegers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let radix = Int(data[0] % 35) + 2
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    // The path parser: Int first, BigInt when the integer is too large for Int; they must agree.
    if let small = Int(text, radix: radix) {
        guard let big = BigInt(text, radix: radix) else { fatalError("Int parsed \(text) in radix \(radix), BigInt did not") }
        precondition(big == BigInt(small), "Int and BigInt disagree on \(text) in radix \(radix)")
    }
    guard let value = BigInt(text, radix: radix) else { return 0 }
    let printed = String(value, radix: radix)
    guard let again = BigInt(printed, radix: radix) else { fatalError("printed \(printed) does not parse in radix \(radix)") }
    precondition(again == value, "\(text) -> \(printed) -> another value")
    precondition(String(again, radix: radix) == printed, "printing is not stable for \(text)")
    // Decimal on two threads is the same text as on one.
    precondition(String(value, threads: 2) == String(value), "two-thread decimal differs for \(text)")
    return 0
}
