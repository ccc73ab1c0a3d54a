#!/usr/bin/env bash
# Compares servers under the same load and prints one Markdown table: exchanges/s, p99 latency, server CPU time
# per exchange, RSS. Each server runs RUNS times (default 3), fresh each time: median, and min-max in brackets.
# Load: `hello bench`, closed loop, CONNECTIONS (32) connections, WARMUP (8) s unmeasured (the JVM's JIT) then DURATION (6) s.
# CPU is read from /proc/PID/stat (utime+stime of every thread, plus reaped children) over the measured part.
# Loopback only. Bounded: about RUNS x servers x (WARMUP + DURATION + 2) seconds, about 5 minutes by default.
# Then the generator check: hello bench and the minimal C generator (c-load), each against the C baseline.
#   conformance-suite/bench/compare-servers.sh [RUNS]      env: CONNECTIONS DURATION WARMUP SERVERS
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-6}"
WARMUP="${WARMUP:-8}"
build_all

declare -A CMD=(
    [c-epoll-baseline]="$BUILD/c-epoll-server {port}"
    [reference-java]="java -jar $ROOT/reference-server/target/hello-server.jar {port}"
    [gallery-c-poll]="$BUILD/good-server-c {port}"
    [gallery-c-forking]="$BUILD/forking-server {port}"
    [gallery-python-threads]="python3 $GALLERY/good-server-python/server.py {port}"
    [gallery-python-sequential]="python3 $GALLERY/sequential-blocking-server/server.py {port}"
)
SERVERS="${SERVERS:-c-epoll-baseline reference-java gallery-c-poll gallery-c-forking gallery-python-threads gallery-python-sequential}"

# one NAME -> "rate p99_us cpu_us_per_exchange rss_kib errors"
one() {
    local port json before after exchanges
    port=$(free_port)
    start_server "$port" "${CMD[$1]}"
    json="$BUILD/bench-$1.json"
    HELLO bench "127.0.0.1:$port" --connections "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" \
        --quiet --json "$json" >/dev/null || true &
    local bench=$!
    sleep "$WARMUP"
    before=$(cpu_ticks "$SERVER_PID")
    wait "$bench"
    after=$(cpu_ticks "$SERVER_PID")
    local rss; rss=$(rss_kib "$SERVER_PID")
    stop_server
    exchanges=$(json_field "$json" exchanges)
    echo "$(json_field "$json" exchangesPerSecond) $(json_field "$json" p99) \
$(( exchanges > 0 ? (after - before) * TICK_US / exchanges : 0 )) $rss $(json_field "$json" errorCount)"
}

# column of RESULTS -> "median [min-max]"
stat() { printf '%s\n' "$@" | sort -g | awk -v f="$FMT" '{ v[NR] = $1 } END { printf f " [" f "-" f "]", v[int((NR + 1) / 2)], v[1], v[NR] }'; }

echo "$(nproc) cores, $(uname -r); closed loop, $CONNECTIONS connections, ${WARMUP} s warm-up + ${DURATION} s measured; median [min-max] of $RUNS runs"
echo
echo "| server | exchanges/s | p99 latency (ms) | server CPU per exchange (µs) | RSS (MiB) | errors |"
echo "|---|---|---|---|---|---|"
for name in $SERVERS; do
    rates=(); p99s=(); cpus=(); rsss=(); errs=0
    for _ in $(seq "$RUNS"); do
        read -r rate p99 cpu rss err < <(one "$name")
        rates+=("$rate"); p99s+=("$(awk -v x="$p99" 'BEGIN { print x / 1000 }')"); cpus+=("$cpu")
        rsss+=("$(awk -v x="$rss" 'BEGIN { print x / 1024 }')"); errs=$(( errs + err ))
    done
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(FMT=%.0f stat "${rates[@]}")" "$(FMT=%.1f stat "${p99s[@]}")" \
        "$(FMT=%.0f stat "${cpus[@]}")" "$(FMT=%.0f stat "${rsss[@]}")" "$errs"
done

echo
echo "Generator check against c-epoll-baseline, $CONNECTIONS connections / threads, ${DURATION} s, exchanges/s, median [min-max] of $RUNS:"
port=$(free_port)
start_server "$port" "${CMD[c-epoll-baseline]}"
hb=(); cl=()
for _ in $(seq "$RUNS"); do
    HELLO bench "127.0.0.1:$port" --connections "$CONNECTIONS" --warmup 2 --duration "$DURATION" --quiet --json "$BUILD/gen.json" >/dev/null || true
    hb+=("$(json_field "$BUILD/gen.json" exchangesPerSecond)")
    cl+=("$("$BUILD/c-load" "$port" "$CONNECTIONS" "$DURATION" | awk '{ for (i = 1; i < NF; i++) if ($(i + 1) == "exchanges/s,") print $i }')")
done
stop_server
echo "  hello bench: $(FMT=%.0f stat "${hb[@]}")    c-load: $(FMT=%.0f stat "${cl[@]}")"
