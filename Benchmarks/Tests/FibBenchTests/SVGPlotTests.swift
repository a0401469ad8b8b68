import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import FibBenchCore

@Suite struct SVGPlotTests {
    let plot = SVGPlot(title: "Time <F(n)>", xLabel: "n", yLabel: "seconds", series: [
        .init(name: "gmp", points: [(x: 10, y: 1e-7), (x: 1000, y: 1e-6), (x: 100_000, y: 1e-4)]),
        .init(name: "a&b", points: [(x: 100, y: 2e-6), (x: 10, y: 1e-6), (x: 0, y: 1)]),
        .init(name: "empty", points: []),
    ])

    @Test func isWellFormedXMLWithLabelsAndLegend() throws {
        let svg = plot.render()
        let document = try XMLDocument(xmlString: svg)
        #expect(document.rootElement()?.name == "svg")
        #expect(svg.contains("Time &lt;F(n)&gt;") && svg.contains(">seconds</text>") && svg.contains(">n</text>"))
        #expect(svg.contains(">gmp</text>") && svg.contains(">a&amp;b</text>"), "each series in the legend, escaped")
        #expect(!svg.contains(">empty</text>"), "a series with no drawable point is left out")
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.components(separatedBy: "<circle").count - 1 == 5, "the point at x = 0 cannot be drawn on a log axis")
    }

    @Test func axesSpanWholeDecades() {
        #expect(plot.decades([10, 100_000]) == 1...5)
        #expect(plot.decades([3e-7, 2e-4]) == -7 ... -3)
        #expect(plot.decades([5]) == 0...1, "at least one decade wide")
    }

    @Test func pointsAreSortedAndPlacedOnLogScale() throws {
        let svg = SVGPlot(title: "t", xLabel: "x", yLabel: "y", series: [
            .init(name: "s", points: [(x: 1000, y: 1000), (x: 10, y: 10), (x: 100, y: 100)]),
        ]).render(width: 960, height: 600)
        let polyline = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<polyline") })
        let coordinates = try #require(polyline.split(separator: "\"").first { $0.contains(",") && $0.contains(" ") })
        let xs = coordinates.split(separator: " ").map { Double($0.split(separator: ",")[0])! }
        #expect(xs == xs.sorted(), "drawn left to right")
        // Equal ratios in n are equal distances on a log axis.
        #expect(abs((xs[1] - xs[0]) - (xs[2] - xs[1])) < 0.2)
    }

    @Test func aRatioPlotHasALinearAxisFromZeroAndALineAtOne() throws {
        let svg = SVGPlot(title: "ratio", xLabel: "n", yLabel: "× baseline", series: [
            .init(name: "decimal", points: [(x: 1e5, y: 0.6), (x: 1e6, y: 0.35), (x: 1e7, y: 0.2)]),
        ], yScale: .linear).render(width: 960, height: 600)
        _ = try XMLDocument(xmlString: svg)
        #expect(svg.contains(">0</text>") && svg.contains(">1</text>"), "ticks from 0 past 1")
        #expect(svg.contains("stroke-dasharray"), "the baseline's line at 1")
        let axis = SVGPlot(title: "", xLabel: "", yLabel: "", series: []).linearAxis([0.2, 0.6])
        #expect(axis.maximum >= 1.05 && (axis.maximum / axis.step).rounded() <= 6)
        // Equal differences in y are equal distances on a linear axis.
        let polyline = try #require(svg.split(separator: "\n").first { $0.hasPrefix("<polyline") })
        let coordinates = try #require(polyline.split(separator: "\"").first { $0.contains(",") && $0.contains(" ") })
        let ys = coordinates.split(separator: " ").map { Double($0.split(separator: ",")[1])! }
        #expect(abs((ys[1] - ys[0]) / (ys[2] - ys[1]) - 0.25 / 0.15) < 0.01)
    }
}
