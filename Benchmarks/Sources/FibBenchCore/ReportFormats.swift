import Foundation

/// The output formats of a report.
public enum OutputFormat: String, CaseIterable, Sendable {
    case table, markdown, json, csv
}

extension BenchmarkReport {
    /// The report in `format`, as printed on standard output.
    public func rendered(as format: OutputFormat) throws -> String {
        switch format {
        case .table: textTable(markdown: false)
        case .markdown: textTable(markdown: true)
        case .json: try json()
        case .csv: csv()
        }
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    static let csvColumns = [
        "suite", "subject", "n", "skipped", "callsPerRound", "medianSeconds", "minimumSeconds", "maximumSeconds",
        "p90Seconds", "ratioToBaseline", "cpuPerWall", "roundsWithSecondCoreBusy", "peakGMPBytes",
        "peakRatioToBaseline", "heapBytes", "perCallSeconds",
    ]

    /// One row a point, every raw figure (per-round times joined by `;`).
    public func csv() -> String {
        func field(_ value: Any?) -> String {
            guard let value else { return "" }
            let text = "\(value)"
            return text.contains(where: { ",\"\n".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        let rows = results.map { r in
            [field(r.suite), field(r.subject), field(r.n), field(r.skipped), field(r.callsPerRound),
             field(r.medianSeconds), field(r.minimumSeconds), field(r.maximumSeconds), field(r.p90Seconds),
             field(r.ratioToBaseline), field(r.cpuPerWall), field(r.roundsWithSecondCoreBusy),
             field(r.peakGMPBytes), field(r.peakRatioToBaseline), field(r.heapBytes),
             field(r.perCallSeconds.map { "\($0)" }.joined(separator: ";"))].joined(separator: ",")
        }
        return ([Self.csvColumns.joined(separator: ",")] + rows).joined(separator: "\n") + "\n"
    }

    /// A readable table per suite, then the growth exponents and the targets.
    func textTable(markdown: Bool) -> String {
        var lines = [
            header(markdown: markdown),
            "",
        ]
        let headings = ["subject", "n", "median", "p90", "min", "max", "× baseline", "cpu/wall", "GMP peak", "× peak", "note"]
        for suite in orderedUnique(results.map(\.suite)) {
            let baseline = results.first { $0.suite == suite }?.subject ?? ""
            lines.append(markdown ? "### \(suite) (baseline: \(baseline))" : "== \(suite) (baseline: \(baseline)) ==")
            lines.append("")
            let rows = results.filter { $0.suite == suite }.map { r -> [String] in
                var note = r.skipped.map { "skipped: \($0)" } ?? r.heapBytes.map { "heap: \(formatBytes($0))" } ?? ""
                if let busy = r.roundsWithSecondCoreBusy, busy > 0 { note = "second core busy in \(busy) rounds" }
                return [
                    r.subject, "\(r.n)", r.medianSeconds.map(formatSeconds) ?? "-", r.p90Seconds.map(formatSeconds) ?? "-",
                    r.minimumSeconds.map(formatSeconds) ?? "-", r.maximumSeconds.map(formatSeconds) ?? "-",
                    r.ratioToBaseline.map { String(format: "%.3f", $0) } ?? "-",
                    r.cpuPerWall.map { String(format: "%.2f", $0) } ?? "",
                    r.peakGMPBytes.map(formatBytes) ?? "-", r.peakRatioToBaseline.map { String(format: "%.2f", $0) } ?? "-",
                    note,
                ]
            }
            lines += grid(headings, rows, markdown: markdown)
            lines.append("")
        }
        if !slopes.isEmpty {
            lines.append(markdown ? "### Growth exponents (slope of log time against log n, n >= 1000)" : "Growth exponents (slope of log time against log n, n >= 1000):")
            lines.append("")
            lines += grid(["suite", "subject", "exponent", "points"],
                          slopes.map { [$0.suite, $0.subject, String(format: "%.2f", $0.exponent), "\($0.points)"] },
                          markdown: markdown)
            lines.append("")
        }
        if !targets.isEmpty {
            lines.append(markdown ? "### Targets" : "Targets:")
            lines.append("")
            lines += grid(["issue", "target", "status", "measured"], targets.map { outcome in
                let values = outcome.measured.map { "\($0.n): \(formatMetric($0.value, outcome.target.metric))" }
                return ["#\(outcome.target.issue)", outcome.target.text, outcome.status.rawValue, values.joined(separator: ", ")]
            }, markdown: markdown)
            lines.append("")
        }
        lines.append("Peak resident memory of the process: \(formatBytes(peakResidentBytes))")
        return lines.joined(separator: "\n") + "\n"
    }

    func header(markdown: Bool) -> String {
        let m = machine
        let text = "fib-bench on \(m.cores) cores, \(m.cpuModel); GMP \(m.gmpVersion); Swift \(m.swiftVersion); \(m.buildConfiguration) build; \(m.date)"
        return markdown ? "**\(text)**" : text
    }
}

func formatMetric(_ value: Double, _ metric: Target.Metric) -> String {
    switch metric {
    case .medianSeconds: formatSeconds(value)
    case .heapBytes: formatBytes(Int(value))
    default: String(format: "%.3f", value)
    }
}

/// Bytes in B, KB, MB or GB (powers of 1000), three significant digits.
public func formatBytes(_ bytes: Int) -> String {
    let value = Double(bytes)
    if value < 1e3 { return "\(bytes) B" }
    let (scaled, unit) = value < 1e6 ? (value / 1e3, "KB") : value < 1e9 ? (value / 1e6, "MB") : (value / 1e9, "GB")
    return String(format: scaled >= 100 ? "%.0f %@" : scaled >= 10 ? "%.1f %@" : "%.2f %@", scaled, unit)
}

func orderedUnique(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.filter { seen.insert($0).inserted }
}

/// Columns padded to their widest cell, or a Markdown table.
func grid(_ headings: [String], _ rows: [[String]], markdown: Bool) -> [String] {
    if markdown {
        let escape = { (cell: String) in cell.replacingOccurrences(of: "|", with: "\\|") }
        return ["| " + headings.joined(separator: " | ") + " |", "|" + headings.map { _ in " --- |" }.joined()]
            + rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
    }
    let widths = headings.indices.map { column in
        ([headings[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
    }
    let format = { (cells: [String]) in
        zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
            .trimmingCharacters(in: .whitespaces)
    }
    return [format(headings), format(widths.map { String(repeating: "-", count: $0) })] + rows.map(format)
}
