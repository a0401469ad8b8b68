// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Fibonacci",
    products: [
        .library(name: "BigNum", targets: ["BigNum"]),
        .library(name: "Fibonacci", targets: ["Fibonacci"]),
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
        .testTarget(name: "BigNumTests", dependencies: ["BigNum", "CGMP"]),
        .testTarget(name: "FibonacciTests", dependencies: ["Fibonacci", "CGMP"]),
    ]
)
