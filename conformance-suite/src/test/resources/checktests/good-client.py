#!/usr/bin/env python3
# A correct HelloInternet client for the end-to-end tests of `hello check`: one connection,
# sends "Hello in Python\n", prints the reply line, exit 0; usage + exit 2 on bad arguments;
# a message + exit 1 when refused or when the server closes without a reply.
import socket
import sys


def main():
    if len(sys.argv) != 3 or not sys.argv[2].isdigit() or not 0 < int(sys.argv[2]) < 65536:
        print("usage: client.py HOST PORT", file=sys.stderr)
        return 2
    host, port = sys.argv[1].strip("[]"), int(sys.argv[2])
    reply = b""
    try:
        with socket.create_connection((host, port), timeout=10) as s:
            s.sendall(b"Hello in Python\n")
            while b"\n" not in reply:
                data = s.recv(1024)
                if not data:
                    break
                reply += data
    except OSError as e:
        print("client: cannot talk to %s port %d: %s" % (host, port, e), file=sys.stderr)
        return 1
    if not reply:
        print("client: the server closed the connection without a reply", file=sys.stderr)
        return 1
    line = reply.split(b"\n")[0]
    if line.endswith(b"\r"):
        line = line[:-1]
    print(line.decode("utf-8", "replace"), flush=True)
    return 0


sys.exit(main())
