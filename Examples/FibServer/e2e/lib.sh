# Helpers shared by the end-to-end scripts (sourced, not run).

step() { printf '\n== %s\n' "$*"; }

# median: the median of the numbers on standard input (separated by spaces or lines).
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# start_server NAME PORT ARGS...: starts the server in the background, logging to $work/NAME.log, and
# waits for /health; sets pid_NAME.
start_server() {
    local name="$1" port="$2"; shift 2
    "$server" --port "$port" "$@" > "$work/$name.log" 2>&1 &
    eval "pid_$name=$!"
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$port/health" > /dev/null 2>&1 && return 0
        sleep 0.1
    done
    echo "--- $name log" >&2; tail -n 30 "$work/$name.log" >&2
    return 1
}

# stop_server NAME: SIGTERM, and a clean exit within 10 s.
stop_server() {
    local pid; eval "pid=\$pid_$1"
    kill -TERM "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    ! kill -0 "$pid" 2>/dev/null || return 1
    wait "$pid"
}

# answered BASE: FizzBuzz submissions the server at BASE answered with 200, from its metrics.
answered() {
    curl -fsS "$1/metrics" | python3 -c '
import re, sys
print(sum(int(float(m.group(1))) for line in sys.stdin
          if line.startswith("http_requests_total") and "route=\"/api/fizzbuzz\"" in line and "status=\"200\"" in line
          for m in [re.search(r"\s([0-9.e+]+)$", line)] if m))'
}

# recorded BASE: the counter's total, as /api/most_common reports it.
recorded() { curl -fsS "$1/api/most_common?limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }

# status URL [curl args...]: the HTTP status of a request.
status() { local url="$1"; shift; curl -s -o /dev/null -w '%{http_code}' "$@" "$url"; }
