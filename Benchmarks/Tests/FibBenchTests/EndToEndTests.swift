import Foundation
import Testing
@testable import FibBenchCore

@Suite struct EndToEndTests {
    @Test func aTinyQuickRunWritesConsistentResults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fib-bench-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var command = try FibBenchCommand.parseAsRoot([
            "--quick", "-n", "10,100,2000", "--rounds", "2", "--time-per-point", "0.004", "--quiet",
            "--format", "csv", "--output", folder.path,
        ])
        try command.run()

        let data = try Data(contentsOf: folder.appendingPathComponent("results.json"))
        let report = try JSONDecoder().decode(BenchmarkReport.self, from: data)
        #expect(report.machine.cores >= 1 && report.machine.gmpVersion.hasPrefix("6."))
        let fibonacci = report.results.filter { $0.suite == "fibonacci" }
        #expect(Set(fibonacci.map(\.subject)) == Set(Suite.fibonacciSubjectNames))
        #expect(Set(fibonacci.map(\.n)) == [10, 100, 2000])
        let memory = try #require(report.results.first { $0.heapBytes != nil }, "the bounded counter's memory")
        // The heap is measured process-wide, so tests running alongside blur the figure either way; its
        // bound is checked by the benchmark's own sequential run (--check-targets), here only its presence.
        #expect(memory.suite == "fizzbuzz" && memory.n == 100_000 && memory.medianSeconds == nil)
        #expect(Set(report.results.filter { $0.suite == "fizzbuzz" && $0.heapBytes == nil }.map(\.n)) == [1_000], "--quick: 10^3 keys")
        for result in report.results where result.skipped == nil && result.heapBytes == nil {
            #expect(result.perCallSeconds.count == 2, "\(result.subject) at \(result.n): one time per round")
            #expect(result.medianSeconds! > 0 && result.minimumSeconds! <= result.medianSeconds!)
            #expect(result.medianSeconds! <= result.maximumSeconds! && result.callsPerRound >= 1)
            #expect(result.ratioToBaseline != nil)
        }
        let baseline = try #require(fibonacci.first { $0.subject == "mpz_fib_ui" && $0.n == 2000 })
        #expect(baseline.ratioToBaseline == 1 && baseline.peakGMPBytes! >= 2000 * 694 / 1000 / 8)
        #expect(fibonacci.first { $0.subject == "parallelFastDoubling" }?.cpuPerWall != nil)
        #expect(report.results.contains { $0.suite == "decimal" && $0.subject == "String(x)" })
        #expect(report.slopes.contains { $0.subject == "matrix" } == false, "one point at n >= 1000 gives no slope")
        #expect(report.targets.count == Target.all.count)
        #expect(report.targets.first { $0.target.text.hasPrefix("default strategy") }?.status != .notMeasured)

        let csv = try String(contentsOf: folder.appendingPathComponent("results.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == report.results.count + 1)
        let svg = try String(contentsOf: folder.appendingPathComponent("fibonacci.svg"), encoding: .utf8)
        #expect(svg.contains("<polyline") && svg.contains("mpz_fib_ui"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("decimal.svg").path))
    }

    @Test func targetsAreEvaluatedPointByPoint() {
        func point(_ subject: String, _ n: Int, ratio: Double, times: [Double]) -> PointResult {
            var result = PointResult(suite: "fibonacci", subject: subject, n: n)
            result.ratioToBaseline = ratio
            result.perCallSeconds = times
            result.medianSeconds = Statistics.median(times)
            return result
        }
        let results = [
            point("fastDoubling", 100_000, ratio: 1.01, times: [1, 1, 1]),
            point("fastDoubling", 1_000_000, ratio: 1.09, times: [1, 1, 1]),
            point("parallelFastDoubling", 100_000, ratio: 1.0, times: [1.04, 1.03, 1.2]),
        ]
        let fast = TargetOutcome.evaluate(Target.all[0], in: results)
        #expect(fast.status == .missed && fast.measured.map(\.n) == [100_000, 1_000_000])
        let relative = TargetOutcome.evaluate(Target.all.first { $0.metric == .ratioToSubject }!, in: results)
        #expect(relative.status == .met && relative.measured == [.init(n: 100_000, value: 1.04)])
        let matrix = TargetOutcome.evaluate(Target.all.first { $0.subject == "matrix" }!, in: results)
        #expect(matrix.status == .notMeasured)
        var skipped = point("fastDoubling", 100_000, ratio: 9, times: [9])
        skipped.skipped = "over the cap"
        #expect(TargetOutcome.evaluate(Target.all[0], in: [skipped]).status == .notMeasured, "a skipped point is not a miss")
    }
}
