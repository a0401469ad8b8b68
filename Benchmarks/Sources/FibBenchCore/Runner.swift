import Foundation

/// How a run measures: how long, how often, and where it stops.
public struct RunSettings: Sendable {
    /// Interleaved rounds per point.
    public var rounds = 9
    /// About how long each subject is timed at each point, over all rounds: small n are repeated
    /// within a round until the round lasts `timePerPoint / rounds`.
    public var timePerPoint = 0.3
    /// The most one call of a capped subject (iterative, the pure-Swift peer) may take.
    public var capSeconds = 1.0

    public init() {}
}

public enum BenchmarkError: Error, CustomStringConvertible {
    case mismatch(suite: String, subject: String, n: Int)

    public var description: String {
        switch self {
        case let .mismatch(suite, subject, n):
            "\(suite): \(subject) gave a wrong result at n = \(n); stopping before timing anything else"
        }
    }
}

/// Measures suites point by point, subjects interleaved round by round.
struct Runner {
    var settings: RunSettings
    /// The progress line, also used by the command for steps outside the runner.
    var progress: Progress

    /// Each subject's earlier points, (n, seconds per call), for extrapolating against the cap.
    private var history: [String: [(n: Int, seconds: Double)]] = [:]

    init(settings: RunSettings, progress: Progress) {
        self.settings = settings
        self.progress = progress
    }

    mutating func measure(_ suite: Suite, at indices: [Int]) throws -> [PointResult] {
        var results: [PointResult] = []
        for n in indices {
            results += try measurePoint(suite, n)
        }
        return results
    }

    private mutating func measurePoint(_ suite: Suite, _ n: Int) throws -> [PointResult] {
        var results: [PointResult] = []
        var active: [Subject] = []

        // Check every result against the reference before timing anything at this point.
        for subject in suite.subjects(n) {
            let key = suite.name + "/" + subject.name
            if subject.isCapped, let reason = capReason(key, n) {
                results.append(PointResult(suite: suite.name, subject: subject.name, n: n, skipped: reason))
                continue
            }
            progress.update("\(suite.name) n=\(n): checking \(subject.name)", isDetail: subject.name != suite.baseline)
            let start = Clocks.wall()
            guard subject.verify() else { throw BenchmarkError.mismatch(suite: suite.name, subject: subject.name, n: n) }
            let elapsed = Clocks.wall() - start
            if subject.isCapped && elapsed > settings.capSeconds {
                history[key, default: []].append((n, elapsed))
                let reason = "one call took \(formatSeconds(elapsed)), over the \(formatSeconds(settings.capSeconds)) cap (--cap)"
                results.append(PointResult(suite: suite.name, subject: subject.name, n: n, skipped: reason))
                continue
            }
            active.append(subject)
        }

        // Calibrate: enough calls per round that a round of one subject lasts timePerPoint / rounds.
        let roundTarget = settings.timePerPoint / Double(settings.rounds)
        let calls = active.map { subject in
            _ = timeBatch(subject, calls: 1)  // warm caches and GMP's allocations first
            var calls = 1
            while calls < 1 << 30 {
                let seconds = timeBatch(subject, calls: calls).seconds
                if seconds >= roundTarget / 4 { return max(1, Int((Double(calls) * roundTarget / seconds).rounded(.up))) }
                calls *= 4
            }
            return calls
        }

        var perCall = Array(repeating: [Double](), count: active.count)
        var cpuPerWall = Array(repeating: [Double](), count: active.count)
        var busyRounds = 0
        for round in 0..<settings.rounds {
            progress.update("\(suite.name) n=\(n): round \(round + 1) of \(settings.rounds)", isDetail: true)
            let machineBefore = Clocks.machineBusyCPU(), processBefore = Clocks.processCPU(), wallBefore = Clocks.wall()
            // Rotate the order each round so no subject always runs first (after the others warmed caches).
            for offset in 0..<active.count {
                let index = (offset + round) % active.count
                let (seconds, cpu) = timeBatch(active[index], calls: calls[index])
                perCall[index].append(seconds / Double(calls[index]))
                cpuPerWall[index].append(cpu / seconds)
            }
            if let before = machineBefore, let after = Clocks.machineBusyCPU() {
                let others = (after - before) - (Clocks.processCPU() - processBefore)
                let wall = Clocks.wall() - wallBefore
                // /proc/stat counts in 10 ms ticks: judge only rounds long enough to resolve a quarter core.
                if wall >= 0.1 && others > 0.25 * wall { busyRounds += 1 }
            }
        }

        let baselineTimes = active.firstIndex { $0.name == suite.baseline }.map { perCall[$0] }
        var peaks: [String: Int] = [:]
        for subject in active {
            progress.update("\(suite.name) n=\(n): memory of \(subject.name)", isDetail: true)
            peaks[subject.name] = GMPMemory.peakBytes { Sink.keep(subject.run()) }
        }
        let baselinePeak = peaks[suite.baseline]

        for (index, subject) in active.enumerated() {
            let times = perCall[index]
            var result = PointResult(suite: suite.name, subject: subject.name, n: n)
            result.callsPerRound = calls[index]
            result.perCallSeconds = times
            result.medianSeconds = Statistics.median(times)
            result.minimumSeconds = times.min()
            result.maximumSeconds = times.max()
            result.p90Seconds = Statistics.percentile(times, 0.9)
            if let baselineTimes {
                result.ratioToBaseline = Statistics.median(zip(times, baselineTimes).map { $0 / $1 })
            }
            if subject.usesTwoThreads {
                result.cpuPerWall = Statistics.median(cpuPerWall[index])
                result.roundsWithSecondCoreBusy = busyRounds
            }
            // A subject that holds nothing in GMP (the pure-Swift peer) has no GMP peak to compare.
            result.peakGMPBytes = subject.usesGMP ? peaks[subject.name] : nil
            if subject.usesGMP, let peak = peaks[subject.name], let baselinePeak, baselinePeak > 0 {
                result.peakRatioToBaseline = Double(peak) / Double(baselinePeak)
            }
            history[suite.name + "/" + subject.name, default: []].append((n, result.medianSeconds ?? 0))
            results.append(result)
        }
        return results
    }

    /// Runs `calls` calls; returns their wall time and this process's CPU time.
    private func timeBatch(_ subject: Subject, calls: Int) -> (seconds: Double, cpu: Double) {
        let cpuStart = Clocks.processCPU(), start = Clocks.wall()
        for _ in 0..<calls { Sink.keep(subject.run()) }
        let seconds = Clocks.wall() - start
        return (max(seconds, 1e-9), Clocks.processCPU() - cpuStart)
    }

    /// Why a capped subject is not run at n: its time extrapolated from its earlier points (with their
    /// measured growth, at least linear) exceeds the cap. Nil when it may run.
    private func capReason(_ key: String, _ n: Int) -> String? {
        guard let last = history[key]?.last else { return nil }
        if last.seconds > settings.capSeconds {
            return "over the \(formatSeconds(settings.capSeconds)) cap at a smaller n (\(last.n): \(formatSeconds(last.seconds)) a call)"
        }
        let points = history[key]!.suffix(2).map { (x: Double($0.n), y: $0.seconds) }
        let exponent = max(1, Statistics.logLogSlope(points) ?? 2)
        let estimate = last.seconds * pow(Double(n) / Double(last.n), exponent)
        guard estimate > settings.capSeconds else { return nil }
        return "estimated \(formatSeconds(estimate)) a call (growth n^\(String(format: "%.2f", exponent)) from n = \(last.n)), over the \(formatSeconds(settings.capSeconds)) cap (--cap)"
    }
}

/// Seconds in the unit that reads best: ns, µs, ms or s, three significant digits.
public func formatSeconds(_ seconds: Double) -> String {
    let (value, unit): (Double, String) =
        seconds < 1e-6 ? (seconds * 1e9, "ns") : seconds < 1e-3 ? (seconds * 1e6, "µs")
        : seconds < 1 ? (seconds * 1e3, "ms") : (seconds, "s")
    let digits = value >= 100 ? 0 : value >= 10 ? 1 : 2
    return String(format: "%.\(digits)f %@", value, unit)
}

/// A progress line on standard error: rewritten in place at every step on a terminal; elsewhere (a
/// log) one line per point. Nothing when quiet.
struct Progress {
    var isQuiet = false
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastLine = ""

    init(isQuiet: Bool) {
        self.isQuiet = isQuiet
    }

    mutating func update(_ line: String, isDetail: Bool) {
        guard !isQuiet, line != lastLine, isTerminal || !isDetail else { return }
        lastLine = line
        let text = isTerminal ? "\r\u{1B}[2K" + line : line + "\n"
        FileHandle.standardError.write(Data(text.utf8))
    }

    func finish() {
        if !isQuiet && isTerminal { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
    }
}
