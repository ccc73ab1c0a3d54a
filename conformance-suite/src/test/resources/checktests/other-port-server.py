#!/usr/bin/env python3
# A server that ignores its port argument (argv[1]) and listens on argv[2] instead.
import socket
import sys

server = socket.create_server(("127.0.0.1", int(sys.argv[2])))
print("listening on port %s" % sys.argv[2], file=sys.stderr, flush=True)
while True:
    conn, _ = server.accept()
    conn.close()
