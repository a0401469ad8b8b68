import ArgumentParser
import Testing
@testable import FibBenchCore

@Suite struct OptionsTests {
    @Test func indexListsAndGeometricRanges() throws {
        #expect(try IndexList.parse("10,1000,1e6") == [10, 1_000, 1_000_000])
        #expect(try IndexList.parse("1e3...1e6") == [1_000, 10_000, 100_000, 1_000_000])
        #expect(try IndexList.parse("1e3...1e4/3") == [1_000, 2_154, 4_642, 10_000])
        #expect(try IndexList.parse("10, 1_000, 10...100") == [10, 1_000, 100], "duplicates are dropped, order kept")
        #expect(try IndexList.parse("2.5e3") == [2_500])
    }

    @Test(arguments: ["", "abc", "1e", "1.5", "10,,20", "1e3...", "...1e3", "1e6...1e3", "0...10", "1e3...1e6/0", "1e3...1e6/x", "1e40"])
    func badIndexListsAreRejected(text: String) {
        #expect(throws: IndexList.ParseError.self) { try IndexList.parse(text) }
    }

    @Test func defaultsAndQuickSettings() throws {
        let standard = try FibBenchCommand.parse([])
        #expect(try standard.indices == [10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000])
        #expect(standard.settings.rounds == 9 && standard.format == .table && standard.output == "bench-results")
        #expect(standard.selectedStrategies == Set(Suite.fibonacciSubjectNames))
        let quick = try FibBenchCommand.parse(["--quick"])
        #expect(try quick.indices.last == 100_000 && quick.settings.rounds == 3 && quick.settings.capSeconds == 0.05)
        let custom = try FibBenchCommand.parse([
            "-n", "1e3...1e5", "--rounds", "5", "--time-per-point", "0.5", "--cap", "2", "--format", "json",
            "--strategies", "fastDoubling,matrix", "--suites", "fibonacci", "-o", "out", "--check-targets",
        ])
        #expect(try custom.indices == [1_000, 10_000, 100_000] && custom.settings.rounds == 5)
        #expect(custom.settings.timePerPoint == 0.5 && custom.settings.capSeconds == 2 && custom.format == .json)
        #expect(custom.selectedStrategies == ["fastDoubling", "matrix"] && custom.suiteNames == ["fibonacci"])
        #expect(custom.output == "out" && custom.checkTargets)
    }

    @Test(arguments: [
        ["--strategies", "bogus"], ["--suites", "fizz"], ["-n", "abc"], ["-n", "-5"], ["-n", "1e10"],
        ["--rounds", "0"], ["--time-per-point", "0"], ["--cap", "-1"], ["--format", "xml"], ["--unknown"], ["--threads", "0"], ["--threads", "two"],
    ])
    func badOptionsAreRejected(arguments: [String]) {
        #expect(throws: (any Error).self) { try FibBenchCommand.parse(arguments) }
    }

    @Test func helpExplainsEveryOption() {
        let help = FibBenchCommand.helpMessage()
        for option in ["--suites", "--strategies", "--n", "--time-per-point", "--rounds", "--cap", "--quick",
                       "--format", "--output", "--no-files", "--check-targets", "--quiet"] {
            #expect(help.contains(option), "\(option) is in --help")
        }
    }
}
