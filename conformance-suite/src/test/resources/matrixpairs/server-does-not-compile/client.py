#!/usr/bin/env python3
# server-does-not-compile's client: correct; it compiles alone while the folder's server does not.
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
with socket.create_connection((host, port), timeout=10) as s:
    s.sendall(b"Hello in Python\n")
    reply = b""
    while not reply.endswith(b"\n"):
        data = s.recv(1024)
        if not data:
            break
        reply += data
print(reply.decode("utf-8", "replace").strip(), flush=True)
