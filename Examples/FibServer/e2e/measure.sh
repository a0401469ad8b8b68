#!/usr/bin/env bash
# Measures fib-server's request rate with wrk against its own /health in the same run: the release
# build on 127.0.0.1, 2 wrk threads, 64 connections, 10 s per run (FIB_MEASURE_SECONDS), the endpoints
# interleaved over rounds; prints each run, the median rate per endpoint, and the median of its
# ratios to /health's rate in the same round; then
# /health's p99 latency while every compute thread is busy.
#
# Usage: Examples/FibServer/e2e/measure.sh [rounds]   (after swift build --package-path Examples/FibServer -c release --product fib-server)
# The server logs at FIB_MEASURE_LOG_LEVEL (default info: one line per request, to /dev/null).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
package="$(cd "$here/.." && pwd)"
server="$package/.build/release/fib-server"
rounds="${1:-3}"
port="${FIB_MEASURE_PORT:-18081}"
base="http://127.0.0.1:$port"
"$server" --port "$port" --log-level "${FIB_MEASURE_LOG_LEVEL:-info}" > /dev/null 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS "$base/health" > /dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$base/api/fibonacci/100000" > /dev/null  # computed once, then served from the cache

declare -A rates ratios
endpoints=(/health /api/fibonacci/90 /api/fibonacci/100000)
for round in $(seq 1 "$rounds"); do
    for endpoint in "${endpoints[@]}"; do
        rate="$(wrk -t 2 -c 64 -d "${FIB_MEASURE_SECONDS:-10}s" "$base$endpoint" | sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p')"
        [ "$endpoint" = /health ] && health_rate="$rate"
        echo "round $round  $endpoint  $rate requests/s"
        rates[$endpoint]="${rates[$endpoint]:-} $rate"
        # The ratio to /health in the same round: the machine's speed drifts between rounds.
        ratios[$endpoint]="${ratios[$endpoint]:-} $(echo "$rate / $health_rate" | bc -l)"
    done
done
for endpoint in "${endpoints[@]}"; do
    printf 'median %-24s %10.0f requests/s  %.2fx /health (median of the rounds'"'"' ratios)\n' "$endpoint" \
        "$(echo "${rates[$endpoint]}" | median)" "$(echo "${ratios[$endpoint]}" | median)"
done

# /health while the compute pool is saturated: clients keep every compute thread busy with distinct
# large values (no cache, no sharing), and wrk reads /health's latency meanwhile.
saturate() {
    local n="$1"
    while :; do curl -s -o /dev/null "$base/api/fibonacci/$n?strategy=matrix"; n=$((n + 1)); done
}
saturators=()
for client in 1 2 3 4; do saturate $((9000000 + client * 100000)) & saturators+=($!); done
sleep 1
echo "pool while saturated: $(curl -fsS "$base/ready")"
wrk -t 2 -c 16 -d 10s --latency "$base/health" > "${TMPDIR:-/tmp}/measure-saturated.txt"
echo "pool after: $(curl -fsS "$base/ready")"
kill "${saturators[@]}" 2>/dev/null || true
p99="$(sed -n 's/^ *99% *\([0-9.]*[a-z]*\)$/\1/p' "${TMPDIR:-/tmp}/measure-saturated.txt")"
rate="$(sed -n 's/^Requests\/sec: *\([0-9.]*\)/\1/p' "${TMPDIR:-/tmp}/measure-saturated.txt")"
echo "/health with the pool saturated: p99 $p99, $rate requests/s (16 connections)"

