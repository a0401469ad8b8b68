/// The measured figures of one subject at one point, with every raw per-round time.
public struct PointResult: Codable, Sendable, Equatable {
    public var suite: String
    public var subject: String
    public var n: Int
    /// Why the point was not timed (the subject exceeded its time cap), or nil.
    public var skipped: String?
    public var callsPerRound = 0
    /// Seconds per call, one entry per round, in round order (rounds interleave every subject).
    public var perCallSeconds: [Double] = []
    public var medianSeconds: Double?
    public var minimumSeconds: Double?
    public var maximumSeconds: Double?
    public var p90Seconds: Double?
    /// Median over rounds of this subject's time divided by the baseline's in the same round.
    public var ratioToBaseline: Double?
    /// For two-thread subjects: median over rounds of process CPU time / wall time.
    public var cpuPerWall: Double?
    /// For two-thread subjects: rounds in which other processes used more than a quarter of a core.
    public var roundsWithSecondCoreBusy: Int?
    /// Most bytes GMP held at once during one call, counted through its memory functions.
    public var peakGMPBytes: Int?
    public var peakRatioToBaseline: Double?
    /// For a memory measurement rather than a timing: the C heap bytes the subject holds.
    public var heapBytes: Int?

    public init(suite: String, subject: String, n: Int, skipped: String? = nil) {
        self.suite = suite
        self.subject = subject
        self.n = n
        self.skipped = skipped
    }
}

/// The growth exponent of one subject: the slope of log(time) against log(n).
public struct Slope: Codable, Sendable, Equatable {
    public var suite: String
    public var subject: String
    public var exponent: Double
    public var points: Int
}

/// Everything one run measured, as written to results.json.
public struct BenchmarkReport: Codable, Sendable {
    public var machine: MachineInfo
    public var settings: [String: String]
    public var results: [PointResult]
    public var slopes: [Slope]
    public var targets: [TargetOutcome]
    public var peakResidentBytes: Int
}
