import Testing
@testable import FibBenchCore

@Suite struct StatisticsTests {
    @Test func medianOfOddAndEvenCounts() {
        #expect(Statistics.median([3, 1, 2]) == 2)
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(Statistics.median([7]) == 7)
        #expect(Statistics.median([]) == nil)
    }

    @Test func percentilesInterpolateBetweenRanks() {
        let values: [Double] = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
        #expect(Statistics.percentile(values, 0) == 10)
        #expect(Statistics.percentile(values, 1) == 100)
        // NumPy: np.percentile(range(10, 101, 10), 90) == 91.0
        #expect(abs(Statistics.percentile(values, 0.9)! - 91) < 1e-9)
        #expect(abs(Statistics.percentile(values.reversed(), 0.25)! - 32.5) < 1e-9)
    }

    @Test func logLogSlopeRecoversPowerLaws() {
        let cubic = [1.0, 10, 100, 1000].map { (x: $0, y: 5 * $0 * $0 * $0) }
        #expect(abs(Statistics.logLogSlope(cubic)! - 3) < 1e-12)
        let nLogN = stride(from: 1_000.0, through: 1e7, by: 1e6).map { (x: $0, y: $0 * log2($0)) }
        let slope = Statistics.logLogSlope(nLogN)!
        #expect(slope > 1 && slope < 1.2, "n log n grows a little faster than linear")
        #expect(Statistics.logLogSlope([(x: 10, y: 1)]) == nil)
        #expect(Statistics.logLogSlope([(x: 10, y: 1), (x: 10, y: 2)]) == nil, "needs two distinct x")
        #expect(Statistics.logLogSlope([(x: 0, y: 1), (x: -1, y: 2), (x: 10, y: 3)]) == nil, "non-positive points are ignored")
    }

    @Test func formatting() {
        #expect(formatSeconds(42e-9) == "42.0 ns" && formatSeconds(1.5e-6) == "1.50 µs" && formatSeconds(0.123) == "123 ms")
        #expect(formatSeconds(2.5) == "2.50 s")
        #expect(formatBytes(999) == "999 B" && formatBytes(1_500) == "1.50 KB" && formatBytes(123_456_789) == "123 MB")
    }
}

import Foundation
