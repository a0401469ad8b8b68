// swift-tools-version: 6.0
// 6.0: typed throws (`throws(FibonacciError)`) and Swift Testing.
import PackageDescription

// The libraries alone, with GMP as their only dependency. The benchmark (Benchmarks/) and the example
// server (Examples/FibServer/) are packages of their own that depend on this one by path.
let package = Package(
    name: "Fibonacci",
    products: [
        .library(name: "BigNum", targets: ["BigNum"]),
        .library(name: "Fibonacci", targets: ["Fibonacci"]),
        .library(name: "FizzBuzz", targets: ["FizzBuzz"]),
    ],
    targets: [
        // GMP, as installed by Debian's libgmp-dev; shim.h wraps its function-like macros. Only BigNum
        // imports it: the other modules reach GMP through BigNum's API (`package` access where they
        // need limb-level plumbing).
        .systemLibrary(
            name: "CGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        // Number-theoretic transforms for BigNum's decimal products, in C for the vector units (AVX-512,
        // AVX2 with FMA, or AArch64's), chosen at run time: Swift reaches them only with unsafe flags.
        .target(name: "CDecimalNTT"),
        .target(name: "BigNum", dependencies: ["CGMP", "CDecimalNTT"]),
        .target(name: "Fibonacci", dependencies: ["BigNum"]),
        .target(name: "FizzBuzz", dependencies: ["BigNum"]),

        // Seeded random values shared by the test targets.
        .target(name: "TestSupport", dependencies: ["BigNum"], path: "Tests/TestSupport"),
        .testTarget(name: "BigNumTests", dependencies: ["BigNum", "CGMP", "CDecimalNTT", "TestSupport"]),
        .testTarget(name: "FibonacciTests", dependencies: ["Fibonacci", "CGMP", "TestSupport"]),
        .testTarget(name: "FizzBuzzTests", dependencies: ["FizzBuzz", "TestSupport"]),
    ]
)
