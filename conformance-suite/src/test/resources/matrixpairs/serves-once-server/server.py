#!/usr/bin/env python3
# serves-once-server: no loop around accept(). It serves its first connection (even an empty one), then exits,
# so the next connection is refused.
import socket
import sys

with socket.create_server(("127.0.0.1", int(sys.argv[1]))) as srv:
    conn, _ = srv.accept()
    with conn:
        data = conn.recv(1024)
        print(data.decode("utf-8", "replace").rstrip("\n"), flush=True)
        try:
            conn.sendall(b"Goodbye in Python\n")
        except OSError:
            pass
