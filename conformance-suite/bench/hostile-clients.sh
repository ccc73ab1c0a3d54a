#!/usr/bin/env bash
# Service to well-behaved clients while unfriendly ones attack, as a fraction of the service without them.
# For each server and each kind of unfriendly client (clients.py: trickle, noread, hugeline, flood), HOSTILE of
# them run while `hello bench` measures SECONDS of closed-loop load with 8 connections; the table shows
# exchanges/s under attack / exchanges/s alone. Loopback only; about servers x 5 x (SECONDS + 3) seconds.
#   conformance-suite/bench/hostile-clients.sh          env: SECONDS_EACH (5), HOSTILE (50), SERVERS
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SECONDS_EACH="${SECONDS_EACH:-5}"
HOSTILE="${HOSTILE:-50}"
build_all
declare -A CMD=(
    [c-epoll-baseline]="$BUILD/c-epoll-server {port}"
    [reference-java]="$JAVA_SERVER {port}"
    [gallery-python-threads]="python3 $GALLERY/good-server-python/server.py {port}"
    [gallery-python-sequential]="python3 $GALLERY/sequential-blocking-server/server.py {port}"
)
SERVERS="${SERVERS:-reference-java c-epoll-baseline gallery-python-threads gallery-python-sequential}"

rate() { # PORT -> exchanges/s of 8 well-behaved connections (timeouts of 2 s count as errors, not as service)
    HELLO bench "127.0.0.1:$1" --connections 8 --duration "$SECONDS_EACH" --timeout 2 --quiet --json "$BUILD/h.json" \
        >/dev/null || true
    json_field "$BUILD/h.json" exchangesPerSecond
}

echo "well-behaved service under attack, as a fraction of the service alone; $HOSTILE unfriendly clients, ${SECONDS_EACH} s each"
echo
echo "| server | alone (exchanges/s) | byte-at-a-time | never-read | 1 MiB lines | connection flood |"
echo "|---|---|---|---|---|---|"
for name in $SERVERS; do
    port=$(free_port)
    start_server "$port" "${CMD[$name]}"
    HELLO bench "127.0.0.1:$port" --connections 8 --duration 2 --quiet >/dev/null || true   # warm-up
    alone=$(rate "$port")
    row="| $name | $(printf %.0f "$alone")"
    for kind in trickle noread hugeline flood; do
        n=$HOSTILE; [[ $kind == flood ]] && n=4
        python3 "$BENCH/clients.py" hostile "$kind" "$port" "$n" "$(( SECONDS_EACH + 1 ))" >/dev/null &
        attack=$!
        sleep 0.5
        r=$(rate "$port")
        wait "$attack" || true
        row="$row | $(awk -v a="$r" -v b="$alone" 'BEGIN { printf "%.0f%%", (b > 0 ? 100 * a / b : 0) }')"
    done
    echo "$row |"
    stop_server
done
