#!/usr/bin/env python3
# no-usage-client: reads sys.argv[1] and sys.argv[2] without checking them, so started
# without arguments it dies with an IndexError traceback (status 1); a traceback is not
# a usage message.
# Breaks: CLI-USAGE.
import socket
import sys


def main():
    host, port = sys.argv[1].strip("[]"), int(sys.argv[2])    # BUG: no argument check
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
