#!/usr/bin/env bash
# The reference server holding IDLE (10000) idle connections: its RSS and open descriptors while they are held,
# that it still serves others meanwhile, that its idle timeout (10 s here) frees them, and that a long run
# of exchanges leaks no file descriptor (/proc/PID/fd counted before and after LEAK_SECONDS of load).
# Loopback only; about 30 s + LEAK_SECONDS.
#   conformance-suite/bench/idle-connections.sh       env: IDLE (10000), LEAK_SECONDS (60)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
IDLE="${IDLE:-10000}"
LEAK_SECONDS="${LEAK_SECONDS:-60}"
ulimit -n "$(ulimit -Hn)"                               # both the server and the idle clients need IDLE descriptors
[[ $(ulimit -n) -gt $(( IDLE + 200 )) ]] || { echo "ulimit -n $(ulimit -n) is too low for $IDLE connections" >&2; exit 1; }
build_all
port=$(free_port)
start_server "$port" "$JAVA_SERVER {port} --idle-timeout 10"
HELLO bench "127.0.0.1:$port" --connections 8 --duration 3 --quiet >/dev/null     # warm-up
fd0=$(fd_count "$SERVER_PID"); rss0=$(rss_kib "$SERVER_PID")
echo "reference server, before: $fd0 fds, RSS $(( rss0 / 1024 )) MiB"
python3 "$BENCH/clients.py" idle "$port" "$IDLE" 14 &
holder=$!
sleep 5
echo "holding $IDLE idle connections: $(fd_count "$SERVER_PID") fds, RSS $(( $(rss_kib "$SERVER_PID") / 1024 )) MiB"
HELLO bench "127.0.0.1:$port" --connections 8 --duration 3 --quiet | sed -n '2,4p;' | sed 's/^/  meanwhile: /'
sleep 4
echo "after the 10 s idle timeout: $(fd_count "$SERVER_PID") fds, RSS $(( $(rss_kib "$SERVER_PID") / 1024 )) MiB"
wait "$holder"
fd1=$(fd_count "$SERVER_PID")
HELLO bench "127.0.0.1:$port" --connections 32 --duration "$LEAK_SECONDS" --quiet --json "$BUILD/leak.json" >/dev/null || true
sleep 1
fd2=$(fd_count "$SERVER_PID")
echo "fd leak check: $fd1 fds before, $(json_field "$BUILD/leak.json" exchanges) exchanges ($(json_field "$BUILD/leak.json" errorCount) errors), $fd2 fds after; RSS $(( $(rss_kib "$SERVER_PID") / 1024 )) MiB"
stop_server
