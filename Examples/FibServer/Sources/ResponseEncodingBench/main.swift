// Why F(n)'s answers are written by hand (DigitsJSONWriter) and every other answer by JSONEncoder:
// the time to make the JSON answer for a value of d digits both ways, in interleaved rounds (medians).
//
// Twice: with glibc's allocator defaults (a fresh server), then tuned as the server's allocator is
// after its first two-thread computation (AllocatorTuning), which keeps large buffers mapped.
//
// Usage: swift run -c release --package-path Examples/FibServer response-encoding-bench [rounds]
import BigNum
import FibServerApp
import Foundation
import Hummingbird

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 9
let encoder = AppRequestContext.sortedKeysEncoder  // the server's own

/// Seconds per call of `body`, repeated until a round takes about 20 ms.
func secondsPerCall(_ repetitions: Int, _ body: () throws -> Int) rethrows -> Double {
    var sink = 0
    let start = ContinuousClock.now
    for _ in 0..<repetitions { sink &+= try body() }
    let elapsed = ContinuousClock.now - start
    precondition(sink != 0)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18 / Double(repetitions)
}

func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }

for tuned in [false, true] {
    if tuned { _ = AllocatorTuning.apply() }
    print(tuned ? "\nallocator tuned (AllocatorTuning)" : "glibc's allocator defaults")
    print("digits      JSONEncoder      written by hand   ratio")
    for digitCount in [19, 1_000, 100_000, 2_000_000] {
        let digits = (0..<digitCount).map { UInt8(ascii: "0") + UInt8(($0 * 7 + 3) % 10) }
        let repetitions = max(3, 2_000_000 / (digitCount + 200))
        var codable: [Double] = [], handWritten: [Double] = []
        for _ in 0..<rounds {
            codable.append(try secondsPerCall(repetitions) {
                let answer = ValueAnswer(n: 90, value: String(decoding: digits, as: UTF8.self), digits: digitCount, format: "decimal",
                                         strategy: "fastDoubling", elapsedMicroseconds: 12, cached: false)
                // What Hummingbird's JSONEncoder conformance does for a ResponseEncodable answer.
                return ByteBuffer(data: try encoder.encode(answer)).readableBytes
            })
            handWritten.append(secondsPerCall(repetitions) {
                ValueAnswer.response(n: 90, digits: digits, format: "decimal", strategy: "fastDoubling", elapsedMicroseconds: 12, cached: false)
                    .headers.count
            })
        }
        let (a, b) = (median(codable), median(handWritten))
        print(String(format: "%9d  %12.2f µs  %12.2f µs  %7.1fx", digitCount, a * 1e6, b * 1e6, a / b))
    }
}
