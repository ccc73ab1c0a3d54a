#!/usr/bin/env bash
# Wall time of `hello check` on conformant programs: the figures in the README.
# Targets (issue: conformance suite): a full server check of a conformant local server under 5 s,
# a client check of a quick client under 10 s. Each case runs RUNS times (default 3); the table shows
# the median and the worst, in seconds, and the JVM start of the harness itself is included.
#   conformance-suite/bench/check-speed.sh [RUNS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
GALLERY="$ROOT/conformance-suite/gallery"
RUNS="${1:-3}"
HELLO="$ROOT/hello"

"$HELLO" --version >/dev/null   # build first, outside the timings
make -s -C "$GALLERY/good-server-c" >/dev/null 2>&1 || (cd "$GALLERY/good-server-c" && gcc -O2 -o server server.c)
make -s -C "$GALLERY/good-client-c" >/dev/null 2>&1 || (cd "$GALLERY/good-client-c" && gcc -O2 -o client client.c)

measure() { # name, folder, args...
    local name="$1" dir="$2"; shift 2
    local times=()
    for _ in $(seq "$RUNS"); do
        local t0 t1 status
        t0=$(date +%s%N)
        set +e
        (cd "$dir" && "$HELLO" check "$@" >/dev/null 2>&1)
        status=$?
        set -e
        t1=$(date +%s%N)
        [[ $status -eq 0 ]] || { echo "$name: check exited $status (expected 0)" >&2; exit 1; }
        times+=("$(( (t1 - t0) / 1000000 ))")
    done
    local sorted
    sorted=$(printf '%s\n' "${times[@]}" | sort -n)
    printf '| %-40s | %6.2f | %6.2f |\n' "$name" \
        "$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p" | awk '{print $1/1000}')" \
        "$(echo "$sorted" | tail -1 | awk '{print $1/1000}')"
}

echo "hello check wall time, $RUNS runs each, $(nproc) cores"
echo
printf '| %-40s | %6s | %6s |\n' "check" "median" "worst"
printf '|%s|%s|%s|\n' "------------------------------------------" "--------" "--------"
measure "server: Python threaded (gallery)" "$GALLERY/good-server-python" --server-cmd 'python3 server.py {port}'
measure "server: C poll (gallery)" "$GALLERY/good-server-c" --server-cmd './server {port}'
measure "server: Java reference (JVM per copy)" "$ROOT" --server-cmd "$HELLO server {port}"
measure "client: Python (gallery)" "$GALLERY/good-client-python" --client-cmd 'python3 client.py {host} {port}'
measure "client: C (gallery)" "$GALLERY/good-client-c" --client-cmd './client {host} {port}'
measure "client: Java reference (JVM per run)" "$ROOT" --client-cmd "$HELLO client {host} {port}"
measure "no target: reference server and client" "$ROOT"
