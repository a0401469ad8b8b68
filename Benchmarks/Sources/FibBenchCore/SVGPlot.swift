import Foundation

/// A line chart on log-log axes, as a standalone SVG document.
public struct SVGPlot {
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

    public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    static let palette = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    /// The SVG text. Decades bound both axes; points with a non-positive coordinate are left out.
    public func render(width: Double = 960, height: Double = 600) -> String {
        let visible = series.map { Series(name: $0.name, points: $0.points.filter { $0.x > 0 && $0.y > 0 }) }
            .filter { !$0.points.isEmpty }
        let xs = visible.flatMap { $0.points.map(\.x) }, ys = visible.flatMap { $0.points.map(\.y) }
        let xDecades = decades(xs), yDecades = decades(ys)
        let left = 90.0, right = 230.0, top = 50.0, bottom = 70.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func px(_ x: Double) -> Double { left + (log10(x) - xDecades.lowerBound) / max(xDecades.upperBound - xDecades.lowerBound, 1) * plotWidth }
        func py(_ y: Double) -> Double { top + plotHeight - (log10(y) - yDecades.lowerBound) / max(yDecades.upperBound - yDecades.lowerBound, 1) * plotHeight }

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
        for decade in Int(yDecades.lowerBound)...Int(yDecades.upperBound) {
            let y = py(pow(10, Double(decade)))
            svg.append(##"<line x1="\##(f(left))" y1="\##(f(y))" x2="\##(f(left + plotWidth))" y2="\##(f(y))" stroke="#ddd"/>"##)
            svg.append(##"<text x="\##(f(left - 8))" y="\##(f(y + 4))" text-anchor="end">10<tspan dy="-6" font-size="10">\##(decade)</tspan></text>"##)
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
