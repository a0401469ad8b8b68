import Foundation

/// Summary statistics of timing samples.
public enum Statistics {
    /// The middle value; the mean of the two middle values for an even count. `nil` when empty.
    public static func median(_ values: [Double]) -> Double? {
        percentile(values, 0.5)
    }

    /// The `fraction` quantile by linear interpolation between closest ranks (R's type 7, NumPy's
    /// default): 0 gives the minimum, 1 the maximum. `nil` when empty.
    public static func percentile(_ values: [Double], _ fraction: Double) -> Double? {
        guard !values.isEmpty else { return nil }
        precondition((0...1).contains(fraction), "percentile fraction must be in 0...1")
        let sorted = values.sorted()
        let position = fraction * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down)), upper = Int(position.rounded(.up))
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }

    /// The least-squares slope of log(y) against log(x): the exponent b of a fit y ≈ a·x^b.
    /// Points with x or y not positive are ignored; `nil` with fewer than two distinct x.
    public static func logLogSlope(_ points: [(x: Double, y: Double)]) -> Double? {
        let logs = points.filter { $0.x > 0 && $0.y > 0 }.map { (x: log($0.x), y: log($0.y)) }
        guard Set(logs.map(\.x)).count >= 2 else { return nil }
        let count = Double(logs.count)
        let meanX = logs.reduce(0) { $0 + $1.x } / count, meanY = logs.reduce(0) { $0 + $1.y } / count
        let covariance = logs.reduce(0) { $0 + ($1.x - meanX) * ($1.y - meanY) }
        let variance = logs.reduce(0) { $0 + ($1.x - meanX) * ($1.x - meanX) }
        return covariance / variance
    }
}
