#!/usr/bin/env python3
# hangs-on-refused-client: when the connection is refused it prints "server not up yet,
# retrying" and tries again every second, forever, instead of giving up with an error.
# Breaks: CLI-REFUSED.
import socket
import time
import sys


def main():
    if len(sys.argv) != 3 or not sys.argv[2].isdigit() or not 0 < int(sys.argv[2]) < 65536:
        print("usage: client.py HOST PORT", file=sys.stderr)
        return 2
    host, port = sys.argv[1].strip("[]"), int(sys.argv[2])    # "[::1]" -> "::1"
    reply = b""
    while True:                               # BUG: never gives up on a refused connection
        try:
            s = socket.create_connection((host, port), timeout=10)
            break
        except ConnectionRefusedError:
            print("server not up yet, retrying", file=sys.stderr)
            time.sleep(1)
        except OSError as e:
            print(f"client: cannot talk to {host} port {port}: {e}", file=sys.stderr)
            return 1
    try:
        with s:
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
