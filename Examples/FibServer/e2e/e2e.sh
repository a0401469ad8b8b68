#!/usr/bin/env bash
# End-to-end checks of fib-server, run by `./fib test` (and so CI) after the packages' tests: the built server on 127.0.0.1,
# then a real browser on its web page (first, while the counts are its own), schemathesis against its
# OpenAPI document, and a short load run whose FizzBuzz counts must equal the accepted submissions
# exactly, and a graceful stop. Every step is bounded in time.
#
# Needs: wrk, chromium and chromium-driver (Debian), schemathesis and selenium (PyPI).
# Usage: Examples/FibServer/e2e/e2e.sh [path to the fib-server binary]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
package="$(cd "$here/.." && pwd)"
server="${1:-$package/.build/debug/fib-server}"
port="${FIB_E2E_PORT:-18080}"
base="http://127.0.0.1:$port"
work="$(mktemp -d)"
log="$work/server.log"

source "$here/lib.sh"
fail() { echo "e2e FAILED: $*" >&2; echo "--- server log (last 30 lines)" >&2; tail -n 30 "$log" >&2 || true; exit 1; }

step "starting $server on $base"
"$server" --port "$port" --max-n 200000 --log-level info > "$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do
    curl -fsS "$base/health" > /dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || fail "the server exited at start"
    sleep 0.1
done
curl -fsS "$base/health" > /dev/null || fail "the server did not answer /health"

step "browser: headless Chromium computes F(1000), submits FizzBuzz numbers, reads the table"
timeout 180 python3 "$here/browser_test.py" "$base" || fail "the browser test failed"

step "malformed requests through a real socket: a 4xx or a closed connection, never a 5xx"
timeout 120 python3 "$here/malformed.py" "$port" || fail "a malformed request was not refused cleanly"
curl -fsS "$base/health" > /dev/null || fail "the server stopped answering after the malformed requests"

step "schemathesis: generated requests against /openapi.yaml, every phase, valid and invalid data"
# Every check; the five rules that the OpenAPI document cannot state (from + count, a float literal,
# the iterative limit, U_n's size, n beyond the maximum with mod=m) are told to schemathesis in schemathesis_hooks.py.
FIB_E2E_LIMITS="$(curl -fsS "$base/info" | python3 -c 'import json, sys; print(json.dumps(json.load(sys.stdin)["limits"]))')" \
SCHEMATHESIS_HOOKS=schemathesis_hooks PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}" \
timeout 600 schemathesis run "$base/openapi.yaml" --mode all --checks all \
    --max-examples 100 --request-timeout 20 --no-color --seed 1 > "$work/schemathesis.txt" 2>&1 \
    || { cat "$work/schemathesis.txt"; fail "schemathesis found problems"; }
tail -n 15 "$work/schemathesis.txt"
grep -Eo '[0-9]+ (generated|total)[^,]*' "$work/schemathesis.txt" | head -3 || true

step "load: wrk, 10 s, 64 connections, mixed requests"
answered_before="$(answered "$base")"; recorded_before="$(recorded "$base")"
timeout 60 wrk -t 2 -c 64 -d 10s --latency -s "$here/load.lua" "$base" | tee "$work/wrk.txt"
accepted="$(sed -n 's/^fizzbuzz accepted: \([0-9]*\)$/\1/p' "$work/wrk.txt")"
errors="$(sed -n 's/^server errors: \([0-9]*\)$/\1/p' "$work/wrk.txt")"
sleep 1  # let requests still in flight when wrk stopped finish
answered_delta=$(( $(answered "$base") - answered_before )); recorded_delta=$(( $(recorded "$base") - recorded_before ))
echo "submissions answered 200 by the server: $answered_delta; recorded by the counter: $recorded_delta; answers wrk read: $accepted"
[ -n "$accepted" ] && [ "$accepted" -gt 0 ] || fail "no FizzBuzz submission was accepted under load"
[ "$recorded_delta" -eq "$answered_delta" ] || fail "counts lost or doubled: $recorded_delta recorded, $answered_delta answered"
# wrk drops the answers to requests in flight when it stops: at most one per connection.
[ "$accepted" -le "$recorded_delta" ] && [ "$recorded_delta" -le $((accepted + 64)) ] \
    || fail "$recorded_delta recorded is not within the $accepted answers wrk read and the 64 it may have dropped"
[ "$errors" -eq 0 ] || fail "$errors server errors under load"

step "a client that goes away cancels its computation"
# A second instance that allows a computation of many seconds: iterative F(3,000,000).
port2=$((port + 1))
start_server slow "$port2" --max-n 3000000 --max-iterative-n 3000000 || fail "the second instance did not start"
slow="http://127.0.0.1:$port2"
computing() { curl -fsS "$slow/ready" | python3 -c 'import json,sys; print(json.load(sys.stdin)["computing"])'; }
curl -s --max-time 2 -o /dev/null "$slow/api/fibonacci/3000000?strategy=iterative" &
client=$!
sleep 1
[ "$(computing)" = 1 ] || fail "the long computation did not start"
wait "$client" || true  # the client gives up after 2 s and closes its connection
for _ in $(seq 1 50); do [ "$(computing)" = 0 ] && break; sleep 0.1; done
[ "$(computing)" = 0 ] || fail "the computation went on after its client disconnected"
echo "the computation stopped within 5 s of the client leaving"
stop_server slow || fail "the second instance did not stop"

step "graceful stop on SIGTERM"
kill -TERM "$server_pid"
for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server_pid" 2>/dev/null; then fail "the server did not stop within 10 s of SIGTERM"; fi
wait "$server_pid" && status=0 || status=$?
[ "$status" -eq 0 ] || fail "the server exited with status $status after SIGTERM"
grep -q 'message=request' "$log" || fail "no request log lines"
echo
echo "e2e: 5 passed, 0 failed"
