// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Fibonacci",
    products: [
        .library(name: "BigNum", targets: ["BigNum"]),
        .library(name: "Fibonacci", targets: ["Fibonacci"]),
        .library(name: "FizzBuzz", targets: ["FizzBuzz"]),
        .executable(name: "fib-bench", targets: ["FibBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The pure-Swift peer the benchmark compares against.
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
    ],
    targets: [
        // GMP, as installed by Debian's libgmp-dev; shim.h wraps its function-like macros.
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        .target(name: "BigNum", dependencies: ["CGMP"]),
        .target(name: "Fibonacci", dependencies: ["BigNum", "CGMP"]),
        .target(name: "FizzBuzz", dependencies: ["BigNum", "CGMP"]),

        // fib-bench: the command and its measuring code live in a library so the tests can reach them.
        .target(
            name: "FibBenchCore",
            dependencies: [
                "Fibonacci", "FizzBuzz", "CGMP", "FibBenchPeer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Benchmarks/FibBenchCore"
        ),
        // Its own target, because attaswift's module is named BigInt, like our type.
        .target(
            name: "FibBenchPeer",
            dependencies: [.product(name: "BigInt", package: "BigInt")],
            path: "Benchmarks/FibBenchPeer"
        ),
        .executableTarget(name: "FibBench", dependencies: ["FibBenchCore"], path: "Benchmarks/FibBench"),

        // Seeded random values shared by the test targets.
        .target(name: "TestSupport", dependencies: ["BigNum"], path: "Tests/TestSupport"),
        .testTarget(name: "BigNumTests", dependencies: ["BigNum", "CGMP", "TestSupport"]),
        .testTarget(name: "FibonacciTests", dependencies: ["Fibonacci", "CGMP", "TestSupport"]),
        .testTarget(name: "FizzBuzzTests", dependencies: ["FizzBuzz", "TestSupport"]),
        .testTarget(name: "FibBenchTests", dependencies: ["FibBenchCore"]),
    ]
)
