import Testing
import BigNum

/// Misuse traps with a Swift message, as Int does, instead of letting GMP abort the process. Each case
/// runs in a child process (an exit test); its standard error must carry our message, which shows
/// that the check fired before GMP was called.
@Suite struct TrapTests {
    func expectMessage(_ result: ExitTest.Result?, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let standardError = String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
        #expect(standardError.contains(message), "stderr: \(standardError.suffix(300))", sourceLocation: sourceLocation)
        #expect(!standardError.contains("GNU MP"), "GMP must not be the one to abort", sourceLocation: sourceLocation)
    }

    @Test func divisionByZeroTraps() async {
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(1) / BigInt(0)
        }, "Division by zero")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(1) % BigInt(0)
        }, "Division by zero")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(1).quotientAndRemainder(dividingBy: 0)
        }, "Division by zero")
    }

    @Test func resultsBeyondGMPsLimitTrapBeforeCallingGMP() async {
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(1) << BigInt.maximumBitWidth
        }, "left shift overflow")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(3).power(Int.max)
        }, "power overflow")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(5) << (BigInt(1) << 70)
        }, "left shift overflow")
    }

    @Test func invalidArgumentsTrap() async {
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(2).power(-1)
        }, "negative exponent")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(-4).squareRoot()
        }, "squareRoot of a negative value")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(2).power(3, modulo: 0)
        }, "modulus is zero")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(6).power(-1, modulo: 9)
        }, "has no inverse")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(Double.nan)
        }, "not finite")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt("12", radix: 37)
        }, "Radix must be between 2 and 36")
        expectMessage(await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
            _ = BigInt(-1).bigEndianBytes(isSigned: false)
        }, "negative value")
    }
}
