#!/usr/bin/env bash
# A new user's package that depends on this repository (by URL and version) and imports Fibonacci:
# resolving it must fetch no other package, and building it must compile only CGMP, BigNum and Fibonacci (and the
# consumer itself). Then it runs, and prints a value checked against a known one.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "consumer check FAILED: $*" >&2; exit 1; }

# The repository as it is now (tracked and new files, not build output), tagged 1.0.0 in a git
# repository of its own, so the consumer names it as a user would: by URL and version.
mkdir -p "$work/Fibonacci"
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - 2>/dev/null) | tar -xf - -C "$work/Fibonacci"
git -C "$work/Fibonacci" init -q
git -C "$work/Fibonacci" add -A
git -C "$work/Fibonacci" -c user.name=check -c user.email=check@localhost commit -qm "consumer check"
git -C "$work/Fibonacci" tag 1.0.0

mkdir -p "$work/Consumer/Sources/Consumer"
cat > "$work/Consumer/Package.swift" <<MANIFEST
// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Consumer",
    dependencies: [.package(url: "file://$work/Fibonacci", from: "1.0.0")],
    targets: [.executableTarget(name: "Consumer", dependencies: [.product(name: "Fibonacci", package: "Fibonacci")])]
)
MANIFEST
cat > "$work/Consumer/Sources/Consumer/main.swift" <<'SOURCE'
import Fibonacci

print(fibonacci(100), fibonacci(-7), lucas(10))
SOURCE

cd "$work/Consumer"
swift package resolve 2>&1 | tee "$work/resolve.log"
# What resolving fetched: one checkout, this repository, and nothing else.
fetched=$(ls .build/checkouts | tr '\n' ' ')
[ "$fetched" = "Fibonacci " ] || fail "resolving fetched: $fetched(expected Fibonacci alone)"

swift build -v > "$work/build.log" 2>&1 || { tail -40 "$work/build.log"; fail "the consumer did not build"; }
# Every Swift module compiled (-module-name X), less "main": the manifests SwiftPM compiles to load them.
modules=$(grep -o -- '-module-name [A-Za-z_]*' "$work/build.log" | awk '$2 != "main" {print $2}' | sort -u | tr '\n' ' ')
echo "Swift modules built: $modules"
[ "$modules" = "BigNum Consumer Fibonacci " ] || fail "expected BigNum, Consumer and Fibonacci only, built: $modules"
grep -q 'CGMP' "$work/build.log" || fail "CGMP was not part of the build"

output=$(swift run -q Consumer)
expected="354224848179261915075 13 123"
[ "$output" = "$expected" ] || fail "printed '$output', expected '$expected'"
echo "consumer check passed: resolved nothing else, built BigNum and Fibonacci, printed $output"
