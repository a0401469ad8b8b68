import Foundation
import Testing
@testable import FibServerApp

/// The deployment files cannot be run here (no container engine): check them against the code instead.
@Suite struct DeploymentFilesTests {
    static let deploy = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy")

    static func text(_ path: String) throws -> String {
        try String(contentsOf: deploy.appendingPathComponent(path), encoding: .utf8)
    }

    /// Metric names used in PromQL: identifiers right before a `{` label selector, without the
    /// histogram and counter suffixes Prometheus adds.
    static func metricNames(in expression: String) -> Set<String> {
        let pattern = try! NSRegularExpression(pattern: #"([a-z_][a-z0-9_]*)\{"#)
        let range = NSRange(expression.startIndex..., in: expression)
        return Set(pattern.matches(in: expression, range: range).map { match in
            var name = String(expression[Range(match.range(at: 1), in: expression)!])
            for suffix in ["_bucket", "_count", "_sum"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
            return name
        })
    }

    @Test func theDashboardUsesOnlyMetricsTheServerExports() throws {
        let dashboard = try JSONSerialization.jsonObject(with: Data(Self.text("grafana/dashboards/fib-server.json").utf8)) as! [String: Any]
        let expressions = (dashboard["panels"] as! [[String: Any]]).flatMap { panel in
            (panel["targets"] as! [[String: Any]]).map { $0["expr"] as! String }
        }
        let used = expressions.reduce(into: Set<String>()) { $0.formUnion(Self.metricNames(in: $1)) }
        #expect(!used.isEmpty && used.isSubset(of: Set(ServerMetrics.names)), "unknown: \(used.subtracting(ServerMetrics.names))")
        #expect(Set(ServerMetrics.names).subtracting(used).isEmpty, "every exported metric has a panel")
    }

    @Test func theAlertRulesUseOnlyMetricsTheServerExports() throws {
        let used = Self.metricNames(in: try Self.text("prometheus/alert-rules.yml"))
        #expect(used.subtracting(["up"]).isSubset(of: Set(ServerMetrics.names)), "unknown: \(used.subtracting(ServerMetrics.names))")
        for alert in ["FibServerDown", "FibServerErrorRate", "FibServerP99Latency", "FibServerComputePoolSaturated"] {
            #expect(try Self.text("prometheus/alert-rules.yml").contains("alert: \(alert)"))
        }
    }

    @Test func theContainerAndClusterFilesMatchTheServer() throws {
        let dockerfile = try Self.text("Dockerfile")
        #expect(dockerfile.contains("swift build --package-path Examples/FibServer -c release --product fib-server"), "the README's build command")
        #expect(dockerfile.contains("libgmp10") && dockerfile.contains("USER fib") && dockerfile.contains("HEALTHCHECK"))
        let kubernetes = try Self.text("kubernetes/fib-server.yaml")
        for part in ["path: /ready", "path: /health", "kind: HorizontalPodAutoscaler", "kind: PodDisruptionBudget",
                     "secretKeyRef: {name: fib-server-postgres", "name: FIB_COUNTS"] {
            #expect(kubernetes.contains(part), "\(part)")
        }
        let compose = try Self.text("compose.yaml")
        for part in ["replicas: 2", "FIB_COUNTS: postgres://", "image: postgres", "image: nginx", "image: prom/prometheus", "image: grafana/grafana"] {
            #expect(compose.contains(part), "\(part)")
        }
    }
}
