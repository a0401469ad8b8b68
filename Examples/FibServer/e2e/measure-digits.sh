#!/usr/bin/env bash
# Times GET /api/fibonacci/{n} end to end (uncached: a new n each round, the whole JSON body read by
# curl over loopback) against GMP computing the same digits directly (mpz_fib_ui + mpz_get_str, a C
# program built here against the same libgmp), interleaved round by round; prints each round and the
# median ratio. The server runs at its defaults (two-thread routes, a free second core).
#
# Usage: Examples/FibServer/e2e/measure-digits.sh [n] [rounds]
#        (after swift build --package-path Examples/FibServer -c release --product fib-server)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
package="$(cd "$here/.." && pwd)"
server="${FIB_SERVER:-$package/.build/release/fib-server}"
n="${1:-10000000}"
rounds="${2:-5}"
port="${FIB_MEASURE_PORT:-18082}"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"

cat > "$work/gmp.c" <<'C'
#include <gmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
/* Seconds for mpz_fib_ui(n) followed by mpz_get_str(10). */
int main(int argc, char **argv) {
    unsigned long n = strtoul(argv[1], NULL, 10);
    struct timespec start, end;
    mpz_t f;
    clock_gettime(CLOCK_MONOTONIC, &start);
    mpz_init(f);
    mpz_fib_ui(f, n);
    char *digits = mpz_get_str(NULL, 10, f);
    clock_gettime(CLOCK_MONOTONIC, &end);
    void (*free_function)(void *, size_t);
    mp_get_memory_functions(NULL, NULL, &free_function);
    printf("%.6f %zu\n", (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9, strlen(digits));
    free_function(digits, strlen(digits) + 1);
    mpz_clear(f);
    return 0;
}
C
cc -O2 -o "$work/gmp" "$work/gmp.c" -lgmp

"$server" --port "$port" --max-n "$n" --log-level warning > "$work/server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fsS "$base/health" > /dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "$base/api/fibonacci/$((n - rounds - 1))" > /dev/null  # warm up (a different n)

ratios=()
for round in $(seq 1 "$rounds"); do
    index=$((n - round + 1))
    server_seconds="$(curl -fsS -o "$work/body.json" -w '%{time_total}' "$base/api/fibonacci/$index")"
    read -r gmp_seconds gmp_digits < <("$work/gmp" "$index")
    digits="$(python3 -c 'import json,sys; b=json.load(open(sys.argv[1])); print(b["digits"], b["strategy"])' "$work/body.json")"
    [ "${digits%% *}" = "$gmp_digits" ] || { echo "digit counts differ: server $digits, GMP $gmp_digits" >&2; exit 1; }
    ratio="$(echo "$server_seconds / $gmp_seconds" | bc -l)"
    ratios+=("$ratio")
    printf 'round %d  n=%d  server %.3f s (%s)  GMP fib+get_str %.3f s  ratio %.3f\n' \
        "$round" "$index" "$server_seconds" "${digits#* }" "$gmp_seconds" "$ratio"
done
printf 'median ratio %.3f over %d rounds\n' "$(printf '%s\n' "${ratios[@]}" | median)" "${#ratios[@]}"
