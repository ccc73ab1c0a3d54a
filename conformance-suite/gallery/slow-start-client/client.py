#!/usr/bin/env python3
# slow-start-client: correct, but it takes 6 s to start (as a JVM or a container may on a busy
# machine). The protocol sets no limit on how long a client takes to start.
# Breaks: nothing.
import socket
import time
import sys


def main():
    time.sleep(6)                             # "loading the configuration": a slow start, not a fault
    if len(sys.argv) != 3 or not sys.argv[2].isdigit() or not 0 < int(sys.argv[2]) < 65536:
        print("usage: client.py HOST PORT", file=sys.stderr)
        return 2
    host, port = sys.argv[1].strip("[]"), int(sys.argv[2])    # "[::1]" -> "::1"
    reply = b""
    try:
        with socket.create_connection((host, port), timeout=10) as s:
            s.sendall(b"Hello in Python\n")
            while b"\n" not in reply:
                data = s.recv(1024)
                if not data:                  # server closed: the reply is complete
                    break
                reply += data
    except OSError as e:                      # refused, unknown host, timeout, reset...
        print(f"client: cannot talk to {host} port {port}: {e}", file=sys.stderr)
        return 1
    if not reply:
        print("client: the server closed the connection without a reply", file=sys.stderr)
        return 1
    line = reply.split(b"\n")[0].removesuffix(b"\r")
    print(line.decode("utf-8", "replace"), flush=True)
    return 0


sys.exit(main())
