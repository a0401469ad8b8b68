// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Fibonacci",
    products: [
        .library(name: "BigNum", targets: ["BigNum"]),
        .library(name: "Fibonacci", targets: ["Fibonacci"]),
        .library(name: "FizzBuzz", targets: ["FizzBuzz"]),
        .executable(name: "fib-bench", targets: ["FibBench"]),
        .executable(name: "fib-server", targets: ["FibServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The pure-Swift peer the benchmark compares against.
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
        // The example server.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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

        // fib-server: the application is a library so the tests can build it and send it requests.
        .target(
            name: "FibServerApp",
            dependencies: [
                "Fibonacci", "FizzBuzz",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            path: "Examples/FibServer/Sources/FibServerApp"
        ),
        .executableTarget(
            name: "FibServer",
            dependencies: ["FibServerApp", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Examples/FibServer/Sources/FibServer"
        ),

        // Seeded random values shared by the test targets.
        .target(name: "TestSupport", dependencies: ["BigNum"], path: "Tests/TestSupport"),
        .testTarget(name: "BigNumTests", dependencies: ["BigNum", "CGMP", "TestSupport"]),
        .testTarget(name: "FibonacciTests", dependencies: ["Fibonacci", "CGMP", "TestSupport"]),
        .testTarget(name: "FizzBuzzTests", dependencies: ["FizzBuzz", "TestSupport"]),
        .testTarget(name: "FibBenchTests", dependencies: ["FibBenchCore"]),
        .testTarget(
            name: "FibServerTests",
            dependencies: ["FibServerApp", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ]
)
