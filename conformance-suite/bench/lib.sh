# Shared helpers of the benchmark scripts (sourced). Everything runs on loopback only.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$ROOT/conformance-suite/bench"
GALLERY="$ROOT/conformance-suite/gallery"
HELLO_LAUNCHER="$ROOT/hello"
# after build_all: the kit's jar itself, so that editing these scripts never triggers a rebuild mid-run
HELLO_JAR="$ROOT/conformance-suite/target/hello.jar"
HELLO() { java -jar "$HELLO_JAR" "$@"; }
# the reference server as users start it (./hello server), with the launcher's JVM options; never rebuilds mid-run
JAVA_SERVER="env HELLO_NO_BUILD=1 $HELLO_LAUNCHER server"
BUILD="$BENCH/target"
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))

build_all() {
    "$HELLO_LAUNCHER" --version >/dev/null                      # builds the kit if needed, outside any timing
    mkdir -p "$BUILD"
    gcc -O2 -o "$BUILD/c-epoll-server" "$BENCH/c-epoll-server/server.c"
    gcc -O2 -pthread -o "$BUILD/c-load" "$BENCH/c-load/load.c"
    gcc -O2 -o "$BUILD/good-server-c" "$GALLERY/good-server-c/server.c"
    gcc -O2 -o "$BUILD/forking-server" "$GALLERY/forking-server/server.c"
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server PORT CMD... : starts CMD (with {port} replaced) in the background, sets SERVER_PID, waits until it listens
start_server() {
    local port="$1"; shift
    local cmd="${*//\{port\}/$port}"
    setsid bash -c "exec $cmd" >/dev/null 2>"$BUILD/server.err" &   # its own process group, see stop_server
    SERVER_PID=$!
    for _ in $(seq 200); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
        kill -0 "$SERVER_PID" 2>/dev/null || { echo "server exited: $cmd" >&2; cat "$BUILD/server.err" >&2; return 1; }
        sleep 0.05
    done
    echo "server never listened on $port: $cmd" >&2
    return 1
}

stop_server() {
    kill -- "-$SERVER_PID" 2>/dev/null || true          # the server's process group: a forking server's children too
    wait "$SERVER_PID" 2>/dev/null || true
}

# CPU time of a process and its reaped children, in clock ticks: utime + stime + cutime + cstime (all threads)
cpu_ticks() { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$1/stat"; }
rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }
now_s() { date +%s.%N; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
# per_exchange TICKS RATE SECONDS : microseconds of CPU per exchange, for TICKS of CPU over SECONDS at RATE exchanges/s
per_exchange() { awk -v t="$1" -v r="$2" -v s="$3" -v u="$TICK_US" 'BEGIN { printf "%.0f", (r * s > 0 ? t * u / (r * s) : 0) }'; }
fd_count() { ls "/proc/$1/fd" | wc -l; }

# json_field FILE FIELD : a number from hello bench's JSON (top level or inside latencyMicros)
json_field() { python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); f = sys.argv[2]; print(d.get(f, d["latencyMicros"].get(f)))' "$1" "$2"; }
