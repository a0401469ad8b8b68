// swift-tools-version: 6.0
import PackageDescription

// fib-bench: compares every route of the Fibonacci package with GMP on this machine.
let package = Package(
    name: "FibBench",
    products: [
        .executable(name: "fib-bench", targets: ["FibBench"]),
    ],
    dependencies: [
        .package(name: "Fibonacci", path: ".."),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The pure-Swift peer the benchmark compares against.
        .package(url: "https://github.com/attaswift/BigInt", exact: "6.0.1"),
    ],
    targets: [
        // GMP itself, called directly for the reference timings (mpz_fib_ui, mpz_get_str) and to
        // count its memory; the libraries under test reach GMP only through BigNum.
        .systemLibrary(name: "GMPReference", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),
        // The command and its measuring code live in a library so the tests can reach them.
        .target(
            name: "FibBenchCore",
            dependencies: [
                "GMPReference", "FibBenchPeer",
                .product(name: "Fibonacci", package: "Fibonacci"),
                .product(name: "FizzBuzz", package: "Fibonacci"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Its own target, because attaswift's module is named BigInt, like our type.
        .target(name: "FibBenchPeer", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        .executableTarget(name: "FibBench", dependencies: ["FibBenchCore"]),
        .testTarget(name: "FibBenchTests", dependencies: ["FibBenchCore"]),
    ]
)
