import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The clocks a measurement reads.
enum Clocks {
    /// Monotonic wall time in seconds.
    static func wall() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// CPU time of this process, every thread, user and system, in seconds.
    static func processCPU() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// CPU time spent by the whole machine outside its idle loop, in seconds (from /proc/stat, in
    /// clock ticks); `nil` where /proc/stat cannot be read.
    static func machineBusyCPU() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first, line.hasPrefix("cpu ") else { return nil }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 4 else { return nil }
        // user nice system idle iowait irq softirq steal ...: busy is all but idle and iowait.
        let idle = fields[3] + (fields.count > 4 ? fields[4] : 0)
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        return (fields.reduce(0, +) - idle) / ticksPerSecond
    }

    /// Peak resident set size of this process, in bytes.
    static func peakResidentBytes() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
}

/// Keeps results alive so the optimizer cannot drop the work that produced them.
enum Sink {
    nonisolated(unsafe) static var value = 0

    @inline(never)
    static func keep(_ checksum: Int) { value &+= checksum }
}
