import Fibonacci
import Foundation

/// What the numbers were measured on, for the report's header.
public struct MachineInfo: Codable, Sendable {
    public var cores: Int
    public var cpuModel: String
    public var gmpVersion: String
    public var swiftVersion: String
    public var buildConfiguration: String
    public var date: String

    public static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        return MachineInfo(
            cores: ProcessInfo.processInfo.activeProcessorCount,
            cpuModel: model,
            gmpVersion: BigInt.gmpVersion,
            swiftVersion: compilerVersion,
            buildConfiguration: isDebugBuild ? "debug" : "release",
            date: ISO8601DateFormatter().string(from: Date()))
    }

    static var compilerVersion: String {
        #if compiler(>=6.4)
        "6.4 or later"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #else
        "6.1"
        #endif
    }
}

/// Whether this binary was built without optimization (timings from it mean little).
public let isDebugBuild: Bool = {
    #if DEBUG
    true
    #else
    false
    #endif
}()
