import Foundation

/// A line chart with a logarithmic x axis and a logarithmic or linear y axis, as a standalone SVG
/// document.
public struct SVGPlot {
    /// How the y axis is drawn: decades, or a linear scale from 0 with a dashed line at 1 (for ratios
    /// to a baseline, where a log-log plot of seconds hides a constant factor).
    public enum YScale: Sendable {
        case logarithmic, linear
    }

    public struct Series {
        public var name: String
        public var points: [(x: Double, y: Double)]

        public init(name: String, points: [(x: Double, y: Double)]) {
            self.name = name
            self.points = points
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series]
    public var yScale: YScale

    public init(title: String, xLabel: String, yLabel: String, series: [Series], yScale: YScale = .logarithmic) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.yScale = yScale
    }

    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    /// The SVG text. Decades bound both axes; points with a non-positive coordinate are left out.
    public func render(width: Double = 960, height: Double = 600) -> String {
        let visible = series.map { Series(name: $0.name, points: $0.points.filter { $0.x > 0 && $0.y > 0 }) }
            .filter { !$0.points.isEmpty }
        let xs = visible.flatMap { $0.points.map(\.x) }, ys = visible.flatMap { $0.points.map(\.y) }
        let xDecades = decades(xs), yDecades = decades(ys), yLinear = linearAxis(ys)
        let left = 90.0, right = 230.0, top = 50.0, bottom = 70.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func px(_ x: Double) -> Double { left + (log10(x) - xDecades.lowerBound) / max(xDecades.upperBound - xDecades.lowerBound, 1) * plotWidth }
        func py(_ y: Double) -> Double {
            switch yScale {
            case .logarithmic: top + plotHeight - (log10(y) - yDecades.lowerBound) / max(yDecades.upperBound - yDecades.lowerBound, 1) * plotHeight
            case .linear: top + plotHeight - y / yLinear.maximum * plotHeight
            }
        }

        var svg = [
            ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(f(width))" height="\##(f(height))" viewBox="0 0 \##(f(width)) \##(f(height))" font-family="sans-serif" font-size="13">"##,
            ##"<rect width="100%" height="100%" fill="white"/>"##,
            ##"<text x="\##(f(left + plotWidth / 2))" y="28" text-anchor="middle" font-size="17" font-weight="bold">\##(escape(title))</text>"##,
        ]
        // Grid and tick labels at each decade.
        for decade in Int(xDecades.lowerBound)...Int(xDecades.upperBound) {
            let x = px(pow(10, Double(decade)))
            svg.append(##"<line x1="\##(f(x))" y1="\##(f(top))" x2="\##(f(x))" y2="\##(f(top + plotHeight))" stroke="#ddd"/>"##)
            svg.append(##"<text x="\##(f(x))" y="\##(f(top + plotHeight + 20))" text-anchor="middle">10<tspan dy="-6" font-size="10">\##(decade)</tspan></text>"##)
        }
        switch yScale {
        case .logarithmic:
            for decade in Int(yDecades.lowerBound)...Int(yDecades.upperBound) {
                let y = py(pow(10, Double(decade)))
                svg.append(##"<line x1="\##(f(left))" y1="\##(f(y))" x2="\##(f(left + plotWidth))" y2="\##(f(y))" stroke="#ddd"/>"##)
                svg.append(##"<text x="\##(f(left - 8))" y="\##(f(y + 4))" text-anchor="end">10<tspan dy="-6" font-size="10">\##(decade)</tspan></text>"##)
            }
        case .linear:
            for tick in stride(from: 0.0, through: yLinear.maximum + yLinear.step / 2, by: yLinear.step) {
                let y = py(tick)
                svg.append(##"<line x1="\##(f(left))" y1="\##(f(y))" x2="\##(f(left + plotWidth))" y2="\##(f(y))" stroke="#ddd"/>"##)
                svg.append(##"<text x="\##(f(left - 8))" y="\##(f(y + 4))" text-anchor="end">\##(String(format: "%g", tick))</text>"##)
            }
            let one = py(1)
            svg.append(##"<line x1="\##(f(left))" y1="\##(f(one))" x2="\##(f(left + plotWidth))" y2="\##(f(one))" stroke="#333" stroke-dasharray="6 4"/>"##)
        }
        svg.append(##"<rect x="\##(f(left))" y="\##(f(top))" width="\##(f(plotWidth))" height="\##(f(plotHeight))" fill="none" stroke="#333"/>"##)
        svg.append(##"<text x="\##(f(left + plotWidth / 2))" y="\##(f(height - 22))" text-anchor="middle">\##(escape(xLabel))</text>"##)
        svg.append(##"<text transform="translate(24 \##(f(top + plotHeight / 2))) rotate(-90)" text-anchor="middle">\##(escape(yLabel))</text>"##)

        for (index, line) in visible.enumerated() {
            let color = Self.palette[index % Self.palette.count]
            let sorted = line.points.sorted { $0.x < $1.x }
            let path = sorted.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            svg.append(##"<polyline fill="none" stroke="\##(color)" stroke-width="2" points="\##(path)"><title>\##(escape(line.name))</title></polyline>"##)
            for point in sorted {
                svg.append(##"<circle cx="\##(f(px(point.x)))" cy="\##(f(py(point.y)))" r="3" fill="\##(color)"/>"##)
            }
            // Legend, right of the plot.
            let legendY = top + 10 + Double(index) * 22
            svg.append(##"<line x1="\##(f(left + plotWidth + 20))" y1="\##(f(legendY))" x2="\##(f(left + plotWidth + 44))" y2="\##(f(legendY))" stroke="\##(color)" stroke-width="3"/>"##)
            svg.append(##"<text x="\##(f(left + plotWidth + 50))" y="\##(f(legendY + 4))">\##(escape(line.name))</text>"##)
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// A linear axis from 0 that shows every value and 1: its top and its tick step (1, 2, 2.5 or 5
    /// times a power of ten, about five ticks).
    func linearAxis(_ values: [Double]) -> (maximum: Double, step: Double) {
        let high = max(values.max() ?? 1, 1) * 1.05
        let magnitude = pow(10, (log10(high / 5)).rounded(.down))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { high / $0 <= 6 } ?? 10 * magnitude
        return ((high / step).rounded(.up) * step, step)
    }

    /// The whole decades around `values`: [floor(log10 min), ceil(log10 max)], at least one wide.
    func decades(_ values: [Double]) -> ClosedRange<Double> {
        guard let low = values.min(), let high = values.max() else { return 0...1 }
        let lower = log10(low).rounded(.down), upper = log10(high).rounded(.up)
        return lower...max(upper, lower + 1)
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
