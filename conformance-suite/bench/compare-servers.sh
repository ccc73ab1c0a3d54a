#!/usr/bin/env bash
# Compares servers under the same load and prints one Markdown table: exchanges/s, p99 latency, server CPU time
# per exchange, RSS. Each server runs RUNS times (default 3), fresh each time, the servers taking turns: median, and
# min-max in brackets.
# Load: `hello bench`, closed loop, CONNECTIONS (32) connections, WARMUP (8) s unmeasured (the JVM's JIT) then DURATION (6) s;
# with GENERATOR=c-load the minimal C generator instead (CONNECTIONS threads, same warm-up and duration), which owes
# nothing to Netty, so that a change of the kit's Netty cannot move the load along with the server.
# CPU is read from /proc/PID/stat (utime+stime of every thread, plus reaped children) over a window inside the
# measured part (from 0.5 s after its start, which leaves room for the generator's JVM start, to its end), divided
# by the exchanges in that window (measured exchanges/s x window).
# Then the generator check: hello bench and the minimal C generator (c-load), each against the C baseline, with the
# CPU per exchange of the generator and of the baseline server.
# Loopback only. Needs gcc, python3 and a JDK 17+; builds what it needs. About 7 minutes with the defaults:
# RUNS x 6 servers x (WARMUP + DURATION + 3) s, then RUNS x (WARMUP + 2 DURATION + 5) s.
# Servers: the names below (SERVERS picks some, in that order); reference-java-epoll and reference-java-nio are the
# reference server on another transport than the best one here. BEFORE_JAR=path/to/hello.jar adds reference-before:
# the reference server from that (older) jar, started with the launcher's JVM options, for before/after runs.
# GENERATOR_CHECK=0 leaves out the generator check.
#   conformance-suite/bench/compare-servers.sh [RUNS]
#   env: CONNECTIONS DURATION WARMUP SERVERS GENERATOR BEFORE_JAR GENERATOR_CHECK
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-6}"
WARMUP="${WARMUP:-8}"
GENERATOR="${GENERATOR:-hello-bench}"
[[ $GENERATOR == hello-bench || $GENERATOR == c-load ]] || { echo "GENERATOR must be hello-bench or c-load" >&2; exit 2; }
build_all

declare -A CMD=(
    [c-epoll-baseline]="$BUILD/c-epoll-server {port}"
    [reference-java]="$JAVA_SERVER {port}"
    [reference-java-epoll]="$JAVA_SERVER {port} --transport epoll"
    [reference-java-nio]="$JAVA_SERVER {port} --transport nio"
    [gallery-c-poll]="$BUILD/good-server-c {port}"
    [gallery-c-forking]="$BUILD/forking-server {port}"
    [gallery-python-threads]="python3 $GALLERY/good-server-python/server.py {port}"
    [gallery-python-sequential]="python3 $GALLERY/sequential-blocking-server/server.py {port}"
)
DEFAULT_SERVERS="c-epoll-baseline reference-java gallery-c-poll gallery-c-forking gallery-python-threads gallery-python-sequential"
if [[ -n ${BEFORE_JAR:-} ]]; then
    [[ -f $BEFORE_JAR ]] || { echo "BEFORE_JAR: no such file: $BEFORE_JAR" >&2; exit 2; }
    CMD[reference-before]="java -XX:+UseSerialGC -Xms32m -Xmx256m -jar $(cd "$(dirname "$BEFORE_JAR")" && pwd)/$(basename "$BEFORE_JAR") server {port}"
    DEFAULT_SERVERS="c-epoll-baseline reference-before reference-java ${DEFAULT_SERVERS#c-epoll-baseline reference-java }"
fi
SERVERS="${SERVERS:-$DEFAULT_SERVERS}"
WINDOW=$(awk -v d="$DURATION" 'BEGIN { print d - 0.5 }')

# one NAME -> "rate p99_us cpu_us_per_exchange rss_kib errors"
one() {
    local port json c0 c1 t0 t1 rss
    port=$(free_port)
    start_server "$port" "${CMD[$1]}"
    json="$BUILD/bench-$1.json"
    local out="$BUILD/load-$1.out"
    if [[ $GENERATOR == c-load ]]; then
        "$BUILD/c-load" "$port" "$CONNECTIONS" "$DURATION" "$WARMUP" >"$out" &
    else
        HELLO bench "127.0.0.1:$port" --connections "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" \
            --quiet --json "$json" >/dev/null || true &
    fi
    local bench=$!
    sleep "$WARMUP"; sleep 0.5
    t0=$(now_s); c0=$(cpu_ticks "$SERVER_PID")
    sleep "$WINDOW"
    t1=$(now_s); c1=$(cpu_ticks "$SERVER_PID")
    wait "$bench"
    rss=$(rss_kib "$SERVER_PID")
    stop_server
    local rate p99 errors
    if [[ $GENERATOR == c-load ]]; then
        rate=$(c_load_field "$out" exchanges/s,); errors=$(c_load_field "$out" errors,)
        p99=$(awk -v v="$(c_load_field "$out" ms -1)" 'BEGIN { print v * 1000 }')  # the number before the last "ms"
    else
        rate=$(json_field "$json" exchangesPerSecond); p99=$(json_field "$json" p99); errors=$(json_field "$json" errorCount)
    fi
    echo "$rate $p99 $(per_exchange $(( c1 - c0 )) "$rate" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')") \
$rss $errors"
}

# c_load_field FILE WORD [NTH] : the number before WORD in c-load's line (NTH -1: before its last occurrence)
c_load_field() {
    awk -v w="$2" -v nth="${3:-1}" '{ n = 0; for (i = 1; i < NF; i++) if ($(i + 1) == w) { v[++n] = $i }
        print (nth < 0 ? v[n] : v[nth]) }' "$1"
}

# column of RESULTS -> "median [min-max]"
stat() { printf '%s\n' "$@" | sort -g | awk -v f="$FMT" '{ v[NR] = $1 } END { printf f " [" f "-" f "]", v[int((NR + 1) / 2)], v[1], v[NR] }'; }

echo "$(nproc) cores, $(uname -r), $(java -version 2>&1 | head -1); load: $GENERATOR, closed loop, $CONNECTIONS connections, ${WARMUP} s warm-up + ${DURATION} s measured; median [min-max] of $RUNS runs; load average $(load_avg) at the start"
echo
echo "| server | exchanges/s | p99 latency (ms) | server CPU per exchange (µs) | RSS (MiB) | errors |"
echo "|---|---|---|---|---|---|"
# runs interleaved (every server once, then every server again...), so that a change in the machine's load
# during the table affects every server alike
declare -A RATES P99S CPUS RSSS ERRS
for _ in $(seq "$RUNS"); do
    for name in $SERVERS; do
        read -r rate p99 cpu rss err < <(one "$name")
        RATES[$name]+="$rate "; P99S[$name]+="$(awk -v x="$p99" 'BEGIN { print x / 1000 }') "; CPUS[$name]+="$cpu "
        RSSS[$name]+="$(awk -v x="$rss" 'BEGIN { print x / 1024 }') "; ERRS[$name]=$(( ${ERRS[$name]:-0} + err ))
    done
done
for name in $SERVERS; do
    # shellcheck disable=SC2086 # word splitting of the collected columns is intended
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$(FMT=%.0f stat ${RATES[$name]})" "$(FMT=%.1f stat ${P99S[$name]})" \
        "$(FMT=%.0f stat ${CPUS[$name]})" "$(FMT=%.0f stat ${RSSS[$name]})" "${ERRS[$name]}"
done
echo
echo "load average $(load_avg) at the end of the table"
[[ ${GENERATOR_CHECK:-1} == 0 ]] && exit 0

# gen NAME PORT -> "rate generator_cpu_us server_cpu_us": one generator run against the baseline on PORT; CPU per
# exchange over a window of DURATION - 0.5 s inside its measured part (hello bench: after its WARMUP; c-load, which
# needs no warm-up: from 1.5 s into a run of DURATION + 2 s)
gen() {
    local pid lead out="$BUILD/gen.out" g0 g1 s0 s1 t0 t1 rate
    if [[ $1 == hello-bench ]]; then
        # java itself in the background (not the HELLO function, which would run in a subshell): its own CPU
        java -jar "$HELLO_JAR" bench "127.0.0.1:$2" --connections "$CONNECTIONS" --warmup "$WARMUP" --duration "$DURATION" \
            --quiet --json "$BUILD/gen.json" >/dev/null &
        pid=$!; lead=$WARMUP
    else
        "$BUILD/c-load" "$2" "$CONNECTIONS" "$(( DURATION + 2 ))" >"$out" &   # the window ends 1 s before it does
        pid=$!; lead=1
    fi
    sleep "$lead"; sleep 0.5
    t0=$(now_s); g0=$(cpu_ticks "$pid"); s0=$(cpu_ticks "$SERVER_PID")
    sleep "$WINDOW"
    t1=$(now_s); g1=$(cpu_ticks "$pid"); s1=$(cpu_ticks "$SERVER_PID")
    wait "$pid" || true
    if [[ $1 == hello-bench ]]; then
        rate=$(json_field "$BUILD/gen.json" exchangesPerSecond)
    else
        rate=$(awk '{ for (i = 1; i < NF; i++) if ($(i + 1) == "exchanges/s,") print $i }' "$out")
    fi
    local secs; secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
    echo "$rate $(per_exchange $(( g1 - g0 )) "$rate" "$secs") $(per_exchange $(( s1 - s0 )) "$rate" "$secs")"
}

echo
echo "Generator check against c-epoll-baseline, $CONNECTIONS connections (event loops' exchanges for hello bench, threads for c-load),"
echo "hello bench after ${WARMUP} s of warm-up, ${DURATION} s each, interleaved; median [min-max] of $RUNS; load average $(load_avg) at the start:"
echo
echo "| generator | exchanges/s | generator CPU per exchange (µs) | baseline server CPU per exchange (µs) |"
echo "|---|---|---|---|"
port=$(free_port)
start_server "$port" "${CMD[c-epoll-baseline]}"
declare -A R G S
for _ in $(seq "$RUNS"); do
    for g in hello-bench c-load; do
        read -r rate gcpu scpu < <(gen "$g" "$port")
        R[$g]+="$rate "; G[$g]+="$gcpu "; S[$g]+="$scpu "
    done
done
stop_server
for g in hello-bench c-load; do
    # shellcheck disable=SC2086 # word splitting of the collected columns is intended
    printf '| %s | %s | %s | %s |\n' "$g" "$(FMT=%.0f stat ${R[$g]})" "$(FMT=%.0f stat ${G[$g]})" "$(FMT=%.0f stat ${S[$g]})"
done
echo
echo "load average $(load_avg) at the end"
