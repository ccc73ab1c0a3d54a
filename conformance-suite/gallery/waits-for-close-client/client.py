#!/usr/bin/env python3
# waits-for-close-client: reads until the server closes the connection (recv() returns
# b""), and only then prints. With a server that keeps the connection open after its
# reply, it hangs until its 10 s timeout and exits 1.
# Breaks: CLI-NO-CLOSE.
import socket
import sys


def main():
    if len(sys.argv) != 3 or not sys.argv[2].isdigit() or not 0 < int(sys.argv[2]) < 65536:
        print("usage: client.py HOST PORT", file=sys.stderr)
        return 2
    host, port = sys.argv[1].strip("[]"), int(sys.argv[2])    # "[::1]" -> "::1"
    reply = b""
    try:
        with socket.create_connection((host, port), timeout=10) as s:
            s.sendall(b"Hello in Python\n")
            while True:                       # BUG: the reply ends at its LF, not at EOF
                data = s.recv(1024)
                if not data:
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
