#!/usr/bin/env python3
# echo-server: reads the client's line and sends the same line back, then closes. It never says Goodbye.
import socket
import sys

with socket.create_server(("127.0.0.1", int(sys.argv[1]))) as srv:
    while True:
        conn, _ = srv.accept()
        with conn:
            line = conn.makefile("rb").readline()
            print(line.decode("utf-8", "replace").rstrip("\n"), flush=True)
            conn.sendall(line)
