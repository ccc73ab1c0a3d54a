#!/usr/bin/env bash
# How fast `hello matrix` calls a pair that deadlocks: a C client that sends its hello without a newline and then
# waits for the reply (a blocking recv, no timeout), against a Python server that waits for the newline
# (readline, no timeout), as students write them. Each run is one `hello matrix --local --no-checks` of the two
# folders; from its JSON: when the deadlock was called after the client started and after the last byte moved,
# and the pair's whole time (server start, client, the relay's settle). RUNS runs (default 5), interleaved with
# the kit in BEFORE_JAR when given (an earlier build: before/after). Loopback only.
#   conformance-suite/bench/deadlock-speed.sh [RUNS]
# HELLO_JAR_UNDER_TEST: the kit's jar to time (default: this tree's, built first); BEFORE_JAR: another one.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
RUNS="${1:-5}"
[[ -n "${HELLO_JAR_UNDER_TEST:-}" ]] || "$HELLO_LAUNCHER" --version >/dev/null   # build first, outside the timings
JAR="${HELLO_JAR_UNDER_TEST:-$HELLO_JAR}"
OUT="${OUT:-$BUILD/deadlock-speed}"
CLASS="$OUT/class"
rm -rf "$CLASS" && mkdir -p "$CLASS/c-client" "$CLASS/python-server"

cat >"$CLASS/c-client/client.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netdb.h>
#include <sys/socket.h>

int main(int argc, char **argv) {
    if (argc != 3) { fprintf(stderr, "usage: client HOST PORT\n"); return 2; }
    struct addrinfo hints = {0}, *res;
    hints.ai_socktype = SOCK_STREAM;
    if (getaddrinfo(argv[1], argv[2], &hints, &res) != 0) { fprintf(stderr, "client: unknown host\n"); return 1; }
    int s = socket(res->ai_family, SOCK_STREAM, 0);
    if (connect(s, res->ai_addr, res->ai_addrlen) < 0) { perror("client: connect"); return 1; }
    const char *msg = "Hello in C";               /* forgot the \n */
    send(s, msg, strlen(msg), 0);
    char buf[256];
    ssize_t n = recv(s, buf, sizeof buf - 1, 0);  /* waits for the reply, forever */
    if (n <= 0) { fprintf(stderr, "client: no reply\n"); return 1; }
    buf[n] = 0;
    printf("%s", buf);
    close(s);
    return 0;
}
EOF
printf 'language: C\nclient-build: gcc -o client client.c\nclient: ./client {host} {port}\n' >"$CLASS/c-client/hello.yml"

cat >"$CLASS/python-server/server.py" <<'EOF'
import socket
import sys

srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
srv.bind(("::", int(sys.argv[1])))
srv.listen()
while True:
    conn, addr = srv.accept()
    with conn:
        line = conn.makefile("rb").readline()      # waits for the newline
        print(line.decode().strip(), flush=True)
        conn.sendall(b"Goodbye in Python\n")
EOF
printf 'language: Python\nserver: python3 server.py {port}\n' >"$CLASS/python-server/hello.yml"

JARS=("$JAR")
[[ -n "${BEFORE_JAR:-}" ]] && JARS=("$BEFORE_JAR" "$JAR")
declare -A ROWS
for i in $(seq "$RUNS"); do
    for j in "${!JARS[@]}"; do
        json="$OUT/run-$i-$j.json"
        (cd "$CLASS" && java -jar "${JARS[$j]}" matrix --local --no-reference --no-checks --jobs 1 --json "$json" \
            c-client python-server >/dev/null 2>&1) || true    # exit status 1: the pair fails, as it should
        ROWS[$j]+="$(python3 - "$json" <<'PY'
import json, re, sys
p = json.load(open(sys.argv[1]))["pairs"][0]
m = re.search(r"deadlock: called (\d+) ms after the last byte moved(?: \((\d+) ms after the client started\))?", p["transcript"])
print(p["verdict"], m.group(1) if m else "-", (m.group(2) or "-") if m else "-", p["durationMs"])
PY
)"$'\n'
    done
    echo "run $i of $RUNS done (load $(cut -d' ' -f1 /proc/loadavg))" >&2
done

echo "deadlocked pair (C client without LF x Python server that waits for LF), $RUNS interleaved runs, $(nproc) cores:"
for j in "${!JARS[@]}"; do
    echo "${JARS[$j]}:"
    printf '%s' "${ROWS[$j]}" | python3 -c '
import statistics, sys
rows = [l.split() for l in sys.stdin if l.strip()]
verdicts = sorted(set(r[0] for r in rows))
def med(k):
    v = [int(r[k]) for r in rows if r[k] != "-"]
    return f"{statistics.median(v)/1000:.2f} s (of {len(v)}; {min(v)/1000:.2f}-{max(v)/1000:.2f})" if v else "never called"
print("  verdicts:", ", ".join(verdicts))
print("  called after the client started: median", med(2))
print("  called after the last byte moved: median", med(1))
print("  whole pair: median", med(3))
'
done
