// swift-tools-version: 6.1
// 6.1: package traits (Hummingbird's FullFoundation). Hummingbird 2.28.1's own manifest needs a 6.2
// toolchain to load.
import PackageDescription

// fib-server: an HTTP server on the Fibonacci and FizzBuzz libraries (Hummingbird 2).
let package = Package(
    name: "FibServer",
    products: [
        .executable(name: "fib-server", targets: ["FibServer"]),
        // The reference the end-to-end tools measure fib-server's cost per request against.
        .executable(name: "bare-route", targets: ["BareRoute"]),
        // Times the hand-written JSON of F(n)'s answers against JSONEncoder.
        .executable(name: "response-encoding-bench", targets: ["ResponseEncodingBench"]),
    ],
    dependencies: [
        .package(name: "Fibonacci", path: "../.."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The application is a library so the tests can build it and send it requests.
        .target(
            name: "FibServerApp",
            dependencies: [
                .product(name: "Fibonacci", package: "Fibonacci"),
                .product(name: "FizzBuzz", package: "Fibonacci"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
        .executableTarget(
            name: "FibServer",
            dependencies: ["FibServerApp", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "ResponseEncodingBench",
            dependencies: ["FibServerApp", .product(name: "BigNum", package: "Fibonacci"), .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(name: "BareRoute", dependencies: [.product(name: "Hummingbird", package: "hummingbird")]),
        .testTarget(
            name: "FibServerTests",
            dependencies: ["FibServerApp", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ]
)
