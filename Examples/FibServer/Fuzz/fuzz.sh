#!/usr/bin/env bash
# Builds the libFuzzer targets (swiftc -sanitize=fuzzer,address) and runs each for a bounded time on
# its corpus: the FizzBuzz body reader (StrictJSON) and the integer parsers (path and query values,
# BigInt(_:radix:) parse-print-parse). A crash stops the run and leaves its input in the work folder;
# keep it under Fuzz/regressions/ (replayed by every run) once fixed.
#
# Usage: Examples/FibServer/Fuzz/fuzz.sh [seconds per target, default 60]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
seconds="${1:-60}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)

echo "== building the fuzz targets"
build() {
    local name="$1"; shift
    swiftc "${flags[@]}" "$@" -o "$work/fuzz-$name" > "$work/build-$name.log" 2>&1 \
        || { grep -v "Cannot export local symbol" "$work/build-$name.log"; echo "fuzz target $name did not build"; exit 1; }
}
build json -module-name FuzzJSON "$here/StrictJSONFuzz.swift" "$here/../Sources/FibServerApp/StrictJSON.swift"
# BigNum's decimal products call the C target CDecimalNTT: compiled here as SwiftPM would.
ntt="$root/Sources/CDecimalNTT"
clang -O2 -g -fsanitize=address -I "$ntt/include" -c "$ntt/decimal_ntt.c" -o "$work/decimal_ntt.o" \
    || { echo "fuzz target integers did not build (CDecimalNTT)"; exit 1; }
build integers -module-name FuzzIntegers -package-name Fibonacci -I "$root/Sources/CGMP" -I "$ntt/include" \
    "$here/IntegersFuzz.swift" "$root"/Sources/BigNum/*.swift "$work/decimal_ntt.o" -lgmp

status=0
for target in json integers; do
    corpus="$work/corpus-$target"
    mkdir -p "$corpus"
    cp "$here/corpus/$target"/* "$corpus/"
    # Earlier crashes first: each must now pass.
    if compgen -G "$here/regressions/$target/*" > /dev/null; then
        "$work/fuzz-$target" "$here/regressions/$target"/* || { echo "a kept regression input fails again ($target)"; status=1; }
    fi
    echo "== fuzzing $target for $seconds s"
    if ! "$work/fuzz-$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
            -artifact_prefix="$work/crash-$target-" "$corpus" > "$work/$target.log" 2>&1; then
        tail -n 40 "$work/$target.log"
        for crash in "$work"/crash-"$target"-*; do
            [ -e "$crash" ] || continue
            mkdir -p "$here/regressions/$target"
            cp "$crash" "$here/regressions/$target/"
            echo "kept $(basename "$crash") in Fuzz/regressions/$target"
        done
        status=1
    fi
    grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$work/$target.log" | tail -n 2
done
exit "$status"
