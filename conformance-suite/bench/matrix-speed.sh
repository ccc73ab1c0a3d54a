#!/usr/bin/env bash
# Wall time of `hello matrix` over a class made of gallery members (the programs of a real class's failures:
# a client without LF, a client that waits for the close, a server that needs the LF, one that never closes, a
# correct one that takes 3 s per reply, a slow-starting client, correct ones), run locally, RUNS times (default 3),
# with the median and the worst; and every pair's verdict, so that two kits (HELLO_JAR=... for another build) can
# be compared verdict by verdict. Loopback only.
#   conformance-suite/bench/matrix-speed.sh [RUNS] [--checks]
# JOBS: the matrix's --jobs (default: none given, the kit's own default: the cores, 2 to 4, and up to 4 per core
# while the CPUs have time to spare).
# HELLO_JAR: the kit's jar to time (default: this tree's, built first); OUT: where the JSON reports go.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-3}"
CHECKS="--no-checks"
[[ "${2:-}" == "--checks" ]] && CHECKS=""
JAR="${HELLO_JAR_UNDER_TEST:-$HELLO_JAR}"
JOBS="${JOBS:-}"
OUT="${OUT:-$BUILD/matrix-speed}"
[[ -n "${HELLO_JAR_UNDER_TEST:-}" ]] || "$HELLO_LAUNCHER" --version >/dev/null   # build first, outside the timings
mkdir -p "$OUT"
CLASS="$OUT/class"
rm -rf "$CLASS" && mkdir -p "$CLASS"
MEMBERS=(good-client-python good-client-c no-newline-client waits-for-close-client slow-start-client crlf-client-node
    good-server-python needs-newline-server no-close-server very-slow-server slow-server)
for m in "${MEMBERS[@]}"; do cp -r "$GALLERY/$m" "$CLASS/"; done

times=()
for i in $(seq "$RUNS"); do
    t0=$(date +%s%N)
    (cd "$CLASS" && java -jar "$JAR" matrix --local --no-reference $CHECKS ${JOBS:+--jobs "$JOBS"} --json "$OUT/run-$i.json" \
        "${MEMBERS[@]}" >/dev/null 2>&1) || true    # exit status 1: some pairs fail, as they should
    t1=$(date +%s%N)
    times+=("$(( (t1 - t0) / 1000000 ))")
    echo "run $i: $(awk "BEGIN {print ${times[-1]}/1000}") s, load $(cut -d' ' -f1 /proc/loadavg)" >&2
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "hello matrix of ${#MEMBERS[@]} gallery folders (${CHECKS:-with checks}), --jobs ${JOBS:-not given}, $RUNS runs, $(nproc) cores:"
printf 'median %.1f s, worst %.1f s\n' \
    "$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p" | awk '{print $1/1000}')" \
    "$(echo "$sorted" | tail -1 | awk '{print $1/1000}')"
echo "verdicts of the last run (client x server: verdict, reason):"
python3 - "$OUT/run-$RUNS.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
for p in m.get("pairs", []):
    print(f'  {p["client"]} x {p["server"]}: {p["verdict"]} - {p.get("reason", "")}')
PY
