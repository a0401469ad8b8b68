#!/usr/bin/env bash
# Server CPU per request: fib-server (at its default log level, a log line per request) answering
# /api/fibonacci/90 against a bare Hummingbird route answering a fixed body (bare-route), and nginx
# with an access log when it is installed, under the same wrk load, interleaved over rounds. CPU is
# the server process's user + system time (/proc/PID/stat) over the requests wrk completed; the ratio
# to the bare route is taken within each round, and its median reported.
#
# Usage: Examples/FibServer/e2e/measure-cpu.sh [rounds]
#        (after swift build --package-path Examples/FibServer -c release)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
source "$here/lib.sh"
package="$(cd "$here/.." && pwd)"
bin="$package/.build/release"
rounds="${1:-3}"
work="$(mktemp -d)"
pids=()
trap 'for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"' EXIT

"$bin/fib-server" --port 18097 --log-level info > "$work/fib.log" 2>&1 & pids+=($!); fib_pid=$!
"$bin/bare-route" 18098 > /dev/null 2>&1 & pids+=($!); bare_pid=$!
servers=("fib-server:18097:$fib_pid" "bare-route:18098:$bare_pid")
if command -v nginx > /dev/null; then
    mkdir -p "$work/nginx"
    cat > "$work/nginx/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
    access_log $work/nginx/access.log;
    client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
    uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
    server { listen 127.0.0.1:18096; location / { default_type application/json; return 200 '{"n":90,"value":"2880067194370816120"}'; } }
}
CONF
    nginx -c "$work/nginx/nginx.conf"
    sleep 0.5
    servers+=("nginx:18096:nginx")
fi
for _ in $(seq 1 100); do curl -fsS http://127.0.0.1:18097/health > /dev/null 2>&1 && curl -fsS http://127.0.0.1:18098/api/fibonacci/90 > /dev/null 2>&1 && break; sleep 0.1; done

# CPU ticks of a process (or of every nginx process), user + system.
ticks() {
    if [ "$1" = nginx ]; then
        local total=0
        # The nginx started here: its master (from its pid file) and the master's workers.
        local master; master="$(cat "$work/nginx/nginx.pid")"
        for pid in "$master" $(pgrep -P "$master"); do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
        echo "$total"
    else
        awk '{print $14 + $15}' "/proc/$1/stat"
    fi
}
hz="$(getconf CLK_TCK)"
declare -A cpu
for round in $(seq 1 "$rounds"); do
    for entry in "${servers[@]}"; do
        IFS=: read -r name port pid <<< "$entry"
        before="$(ticks "$pid")"
        requests="$(wrk -t 2 -c 64 -d 10s "http://127.0.0.1:$port/api/fibonacci/90" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')"
        after="$(ticks "$pid")"
        micro="$(echo "($after - $before) / $hz * 1000000 / $requests" | bc -l)"
        printf 'round %d  %-10s %8d requests  %6.1f µs of server CPU a request\n' "$round" "$name" "$requests" "$micro"
        cpu[$name]="${cpu[$name]:-} $micro"
        cpu[$name/$round]="$micro"
    done
done
[ -f "$work/nginx/nginx.pid" ] && nginx -c "$work/nginx/nginx.conf" -s stop || true
# Each server's figure over the bare route's in the same round, then the median: this VM's speed
# drifts between rounds.
for entry in "${servers[@]}"; do
    name="${entry%%:*}"
    ratios=""
    for round in $(seq 1 "$rounds"); do ratios="$ratios $(echo "${cpu[$name/$round]} / ${cpu[bare-route/$round]}" | bc -l)"; done
    printf 'median %-10s %6.1f µs a request  %.2fx the bare route (median of the rounds'"'"' ratios)\n' "$name" \
        "$(echo "${cpu[$name]}" | median)" "$(echo "$ratios" | median)"
done
