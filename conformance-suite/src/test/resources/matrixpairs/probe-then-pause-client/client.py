#!/usr/bin/env python3
# probe-then-pause-client: checks that the server is up with a first connection it closes at once, waits half a
# second, then connects again for the exchange. Against a server that serves one connection the second connect
# is refused: the client dies with ConnectionRefusedError (a traceback, exit status 1).
import socket
import sys
import time

host, port = sys.argv[1], int(sys.argv[2])
socket.create_connection((host, port), timeout=10).close()
time.sleep(0.5)
with socket.create_connection((host, port), timeout=10) as s:
    s.sendall(b"Hello in Python\n")
    print(s.recv(1024).decode("utf-8", "replace").strip(), flush=True)
