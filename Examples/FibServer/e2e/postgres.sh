#!/usr/bin/env bash
# fib-server with its FizzBuzz counts in a real PostgreSQL: a throwaway cluster on a loopback port,
# owned by this run; two server instances sharing it under concurrent load (the counts must equal
# exactly the submissions both answered); a restart that keeps the counts; and the database going
# away (FizzBuzz and /ready answer 503, Fibonacci keeps working) and coming back.
#
# Needs Debian's postgresql (initdb and pg_ctl run as the postgres user) and wrk.
# Usage: Examples/FibServer/e2e/postgres.sh [path to the fib-server binary]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
package="$(cd "$here/.." && pwd)"
server="${1:-$package/.build/debug/fib-server}"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
pg_port="${FIB_PG_PORT:-15432}"
work="$(mktemp -d)"
chmod 755 "$work"
source "$here/lib.sh"
passed=0

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pg_ctl() { as_postgres "$bin/pg_ctl" -D "$work/data" -l "$work/postgres.log" -w "$@"; }
fail() {
    echo "postgres e2e FAILED: $*" >&2
    for log in "$work"/*.log; do echo "--- $log" >&2; tail -n 15 "$log" >&2; done
    exit 1
}
pass() { passed=$((passed + 1)); echo "ok: $*"; }
cleanup() {
    for name in a b; do eval "pid=\${pid_$name:-}"; [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; done
    pg_ctl stop -m immediate > /dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT

step "a throwaway PostgreSQL cluster on 127.0.0.1:$pg_port"
mkdir "$work/data" && [ "$(id -u)" -ne 0 ] || chown postgres "$work/data" "$work"
as_postgres "$bin/initdb" -D "$work/data" -A trust -U fib > "$work/initdb.log" 2>&1 || fail "initdb"
pg_ctl -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start > /dev/null || fail "pg_ctl start"
psql -h 127.0.0.1 -p "$pg_port" -U fib -d postgres -qc "CREATE DATABASE fib" || fail "CREATE DATABASE"
url="postgres://fib@127.0.0.1:$pg_port/fib"

step "two instances sharing the database under concurrent load"
start_server a 18090 --counts "$url" || fail "instance a did not start"
start_server b 18091 --counts "$url" || fail "instance b did not start"
a=http://127.0.0.1:18090; b=http://127.0.0.1:18091
[ "$(status $a/ready)" = 200 ] && [ "$(status $b/ready)" = 200 ] || fail "/ready is not 200 with the database up"
timeout 30 wrk -t 1 -c 32 -d 5s -s "$here/load.lua" "$a" > "$work/wrk-a.txt" &
wrk_a=$!
timeout 30 wrk -t 1 -c 32 -d 5s -s "$here/load.lua" "$b" > "$work/wrk-b.txt"
wait "$wrk_a"
sleep 1
answered_both=$(( $(answered $a) + $(answered $b) ))
total="$(recorded $a)"
echo "answered by a and b: $answered_both; in the database: $total (b reads $(recorded $b))"
[ "$answered_both" -gt 0 ] || fail "no submission was answered"
[ "$total" -eq "$answered_both" ] && [ "$(recorded $b)" -eq "$total" ] || fail "counts lost or doubled across replicas"
pass "two replicas, $total submissions, none lost or doubled"

step "a restart keeps the counts"
top_before="$(curl -fsS "$a/api/most_common?limit=5")"
stop_server a || fail "instance a did not stop on SIGTERM"
start_server a 18090 --counts "$url" || fail "instance a did not restart"
[ "$(recorded $a)" -eq "$total" ] && [ "$(curl -fsS "$a/api/most_common?limit=5")" = "$top_before" ] \
    || fail "the counts changed across a restart"
pass "restarted instance reads the same $total counts and the same leaders"

step "the database goes away"
pg_ctl stop -m fast > /dev/null || fail "pg_ctl stop"
[ "$(status $a/ready)" = 503 ] || fail "/ready should be 503 without the database"
fizz="$(status $a/api/fizzbuzz -X POST -H 'Content-Type: application/json' -d '{"number": 15}')"
[ "$fizz" = 503 ] || fail "FizzBuzz should be 503 without the database, was $fizz"
curl -s "$a/api/fizzbuzz" -X POST -H 'Content-Type: application/json' -d '{"number": 15}' \
    | python3 -c 'import json, sys; e = json.load(sys.stdin)["error"]; assert e["status"] == 503 and "unavailable" in e["message"]' \
    || fail "the 503 should carry a JSON error body"
[ "$(status $a/api/fibonacci/1000)" = 200 ] && [ "$(status $b/api/fibonacci/-7)" = 200 ] || fail "Fibonacci must keep working"
pass "without the database: /ready 503, FizzBuzz 503, Fibonacci 200"

step "the database comes back"
pg_ctl -o "-p $pg_port -k $work -c listen_addresses=127.0.0.1" start > /dev/null || fail "pg_ctl restart"
for _ in $(seq 1 100); do [ "$(status $a/ready)" = 200 ] && break; sleep 0.2; done
[ "$(status $a/ready)" = 200 ] && [ "$(status $b/ready)" = 200 ] || fail "/ready did not recover"
[ "$(status $b/api/fizzbuzz -X POST -H 'Content-Type: application/json' -d '{"number": 15}')" = 200 ] || fail "FizzBuzz did not recover"
[ "$(recorded $a)" -eq $((total + 1)) ] || fail "the count after recovery is $(recorded $a), expected $((total + 1))"
pass "reconnected: /ready 200, FizzBuzz counted again ($((total + 1)))"

stop_server a && stop_server b || fail "the instances did not stop cleanly"
echo
echo "postgres: $passed passed, 0 failed"
