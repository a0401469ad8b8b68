import ArgumentParser
import Fibonacci
import Foundation

extension OutputFormat: ExpressibleByArgument {}

/// `fib-bench`: compares every Fibonacci strategy (and the decimal conversion) with GMP.
public struct FibBenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "fib-bench",
        abstract: "Compare the Fibonacci strategies, and decimal output, with GMP on this machine.",
        discussion: """
            Each point n is measured by interleaved rounds: in every round each subject runs (small n \
            repeated until the round is long enough to time), and its time is divided by the baseline's \
            in the same round (mpz_fib_ui for F(n), mpz_get_str for decimal output). The table shows \
            the median, p90, min and max per call and the median of those ratios. Before timing, every \
            result is checked against GMP's; a mismatch stops the run.

            Files in the output folder: results.json and results.csv (every raw figure), and two SVG \
            plots per suite: time against n (log-log), and time as a ratio to the baseline against n. Build with -c release: a debug build's timings \
            mean little.
            """)

    @Option(name: .long, help: ArgumentHelp(
        "Suites to run, comma-separated: fibonacci, digits (F(n) in decimal, computed and written), family (residues, Lucas sequences, leading digits, Zeckendorf), decimal (conversion), hexadecimal, parsing (decimal text to BigInt), fizzbuzz. The family suite measures at d = 1000 digits (100 with --quick) and the fizzbuzz suite at 10^3 and 10^6 distinct keys (10^3 with --quick), whatever --n says.",
        valueName: "names"))
    var suites = "fibonacci,digits,family,decimal,hexadecimal,parsing,fizzbuzz"

    @Option(name: .long, help: ArgumentHelp(
        "Fibonacci subjects, comma-separated (default: all): \(Suite.fibonacciSubjectNames.joined(separator: ", ")). mpz_fib_ui, the baseline, always runs.",
        valueName: "names"))
    var strategies: String?

    @Option(name: [.customShort("n"), .long], help: ArgumentHelp(
        "Indices n: a list (10,1000,1e6) and/or geometric ranges (1e3...1e8 for each power of ten, 1e3...1e6/3 for three points a decade). Default 10...1e7; 10...1e5 with --quick.",
        valueName: "list"))
    var n: String?

    @Option(name: .long, help: ArgumentHelp(
        "About how long each subject is timed at each point, over all rounds, in seconds (default 0.3; 0.03 with --quick).",
        valueName: "seconds"))
    var timePerPoint: Double?

    @Option(name: .long, help: ArgumentHelp("Interleaved rounds per point (default 9; 3 with --quick).", valueName: "count"))
    var rounds: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Longest call allowed for the iterative strategy and the pure-Swift peer, in seconds; larger n are skipped with the reason (default 1; 0.05 with --quick).",
        valueName: "seconds"))
    var cap: Double?

    @Option(name: .long, help: ArgumentHelp(
        "Thread counts for the conversion suites' String(x, threads:), comma-separated (default 1,2).",
        valueName: "counts"))
    var threads = "1,2"

    @Flag(name: .long, help: "Keep glibc malloc's defaults (AllocatorTuning.isAllowed = false) instead of tuning them for every subject: measures what opting out costs.")
    var mallocDefaults = false

    @Flag(name: .long, help: "A short run for a first look or a test: fewer rounds, less time, n up to 1e5.")
    var quick = false

    @Option(name: .long, help: ArgumentHelp("What to print on standard output: table, markdown, json or csv.", valueName: "format"))
    var format: OutputFormat = .table

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Folder for results.json, results.csv and the plots.", valueName: "path"))
    var output = "bench-results"

    @Flag(name: .long, help: "Write no files, only standard output.")
    var noFiles = false

    @Flag(name: .long, help: "Compare the measured figures with the issues' targets (Benchmarks/FibBenchCore/Targets.swift); exit with status 1 naming each miss.")
    var checkTargets = false

    @Flag(name: .long, help: "No progress lines on standard error.")
    var quiet = false

    public init() {}

    var suiteNames: [String] { suites.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }

    var threadCounts: [Int] { threads.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) } }

    var selectedStrategies: Set<String> {
        Set(strategies.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            ?? Suite.fibonacciSubjectNames)
    }

    var indices: [Int] {
        get throws { try IndexList.parse(n ?? (quick ? "10...1e5" : "10...1e7")) }
    }

    var settings: RunSettings {
        var settings = RunSettings()
        settings.rounds = rounds ?? (quick ? 3 : 9)
        settings.timePerPoint = timePerPoint ?? (quick ? 0.03 : 0.3)
        settings.capSeconds = cap ?? (quick ? 0.05 : 1)
        return settings
    }

    public mutating func validate() throws {
        let known = ["fibonacci", "digits", "family", "decimal", "hexadecimal", "parsing", "fizzbuzz"]
        for name in suiteNames where !known.contains(name) {
            throw ValidationError("Unknown suite \"\(name)\"; choose from \(known.joined(separator: ", ")).")
        }
        let counts = threads.split(separator: ",")
        guard !counts.isEmpty, counts.count == threadCounts.count, threadCounts.allSatisfy({ (1...64).contains($0) }) else {
            throw ValidationError("--threads takes thread counts from 1 to 64, such as 1,2.")
        }
        for name in selectedStrategies where !Suite.fibonacciSubjectNames.contains(name) {
            throw ValidationError("Unknown strategy \"\(name)\"; choose from \(Suite.fibonacciSubjectNames.joined(separator: ", ")).")
        }
        let indices: [Int]
        do { indices = try self.indices } catch { throw ValidationError("--n: \(error)") }
        guard !indices.isEmpty else { throw ValidationError("--n gives no index.") }
        if let bad = indices.first(where: { $0 < 0 || $0 > 1_000_000_000 }) {
            throw ValidationError("--n: \(bad) is outside 0...1e9, the range this benchmark measures.")
        }
        if let rounds, rounds < 1 { throw ValidationError("--rounds must be at least 1.") }
        if let timePerPoint, !(timePerPoint > 0) { throw ValidationError("--time-per-point must be positive.") }
        if let cap, !(cap > 0) { throw ValidationError("--cap must be positive.") }
    }

    public func run() throws {
        if isDebugBuild {
            FileHandle.standardError.write(Data("""
                WARNING: fib-bench was built in debug mode; its timings do not represent the library.
                         Run it as: ./fib bench (a release build)\n
                """.utf8))
        }
        // Count GMP's memory from its first allocation, and give every subject the same allocator.
        GMPMemory.install()
        if mallocDefaults {
            AllocatorTuning.isAllowed = false
        } else {
            AllocatorTuning.apply()
        }

        let report = try measure()
        print(try report.rendered(as: format), terminator: "")
        if !noFiles { try write(report) }
        if checkTargets {
            let misses = report.targets.filter { $0.status == .missed }
            for miss in misses {
                let values = miss.measured.map { "\($0.n): \(formatMetric($0.value, miss.target.metric))" }
                FileHandle.standardError.write(Data("target missed (#\(miss.target.issue)): \(miss.target.text); measured \(values.joined(separator: ", "))\n".utf8))
            }
            if !misses.isEmpty { throw ExitCode(1) }
        }
    }

    func measure() throws -> BenchmarkReport {
        var runner = Runner(settings: settings, progress: Progress(isQuiet: quiet))
        var results: [PointResult] = []
        let indices = try self.indices
        for name in suiteNames {
            switch name {
            case "fibonacci": results += try runner.measure(.fibonacci(selecting: selectedStrategies), at: indices)
            case "digits": results += try runner.measure(.fibonacciDigits(), at: indices)
            case "family": results += try runner.measure(.family(), at: quick ? [100] : [1_000])
            case "decimal": results += try runner.measure(.digits(radix: 10, threads: threadCounts), at: indices)
            case "hexadecimal": results += try runner.measure(.digits(radix: 16, threads: threadCounts), at: indices)
            case "parsing": results += try runner.measure(.parsing(threads: threadCounts), at: indices)
            default:
                results += try runner.measure(.fizzBuzz(), at: quick ? [1_000] : [1_000, 1_000_000])
                runner.progress.update("fizzbuzz: memory of a bounded counter", isDetail: false)
                results.append(Suite.boundedCounterMemory(distinctKeys: quick ? 100_000 : 10_000_000))
            }
        }
        runner.progress.finish()

        let slopes = orderedUnique(results.map { $0.suite + "\u{0}" + $0.subject }).compactMap { key -> Slope? in
            let parts = key.split(separator: "\u{0}").map(String.init)
            let points = results.filter { $0.suite == parts[0] && $0.subject == parts[1] && $0.n >= 1000 }
                .compactMap { r in r.medianSeconds.map { (x: Double(r.n), y: $0) } }
            return Statistics.logLogSlope(points).map { Slope(suite: parts[0], subject: parts[1], exponent: $0, points: points.count) }
        }
        return BenchmarkReport(
            machine: .current(),
            settings: [
                "suites": suiteNames.joined(separator: ","), "n": try self.indices.map(String.init).joined(separator: ","),
                "rounds": "\(settings.rounds)", "threads": threadCounts.map(String.init).joined(separator: ","), "timePerPoint": "\(settings.timePerPoint)", "cap": "\(settings.capSeconds)",
            ],
            results: results,
            slopes: slopes,
            targets: Target.all.map { TargetOutcome.evaluate($0, in: results) },
            peakResidentBytes: Clocks.peakResidentBytes())
    }

    func write(_ report: BenchmarkReport) throws {
        let folder = URL(fileURLWithPath: output, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try report.json().write(to: folder.appendingPathComponent("results.json"), atomically: true, encoding: .utf8)
        try report.csv().write(to: folder.appendingPathComponent("results.csv"), atomically: true, encoding: .utf8)
        for suite in orderedUnique(report.results.map(\.suite)) {
            let measured = report.results.filter { $0.suite == suite && $0.medianSeconds != nil }
            // One line per subject, of its medians or of its ratios to the baseline.
            func series(_ value: (PointResult) -> Double?) -> [SVGPlot.Series] {
                orderedUnique(measured.map(\.subject)).map { subject in
                    SVGPlot.Series(name: subject, points: measured.filter { $0.subject == subject }
                        .compactMap { point in value(point).map { (x: Double(point.n), y: $0) } })
                }
            }
            let title = switch suite {
            case "fibonacci": "Time to compute F(n)"
            case "digits": "Time to the decimal digits of F(n)"
            case "family": "The family at d digits"
            case "parsing": "Time to parse F(n)'s decimal digits"
            case "fizzbuzz": "FizzBuzz: time per call against distinct keys n"
            default: "Time to convert F(n) to \(suite)"
            }
            let plot = SVGPlot(title: title, xLabel: "n", yLabel: "seconds per call (median)", series: series(\.medianSeconds))
            try plot.render().write(to: folder.appendingPathComponent("\(suite).svg"), atomically: true, encoding: .utf8)
            // The same runs as ratios to the suite's baseline, measured round by round: a constant factor
            // that the log-log plot hides is a level line here.
            let ratios = series(\.ratioToBaseline)
            let ratioPlot = SVGPlot(title: title + ": time as a ratio to the baseline", xLabel: "n",
                                    yLabel: "time / baseline's time (median of rounds)", series: ratios, yScale: .linear)
            try ratioPlot.render().write(to: folder.appendingPathComponent("\(suite)-ratio.svg"), atomically: true, encoding: .utf8)
        }
        FileHandle.standardError.write(Data("wrote results.json, results.csv and the plots to \(folder.path)\n".utf8))
    }
}
