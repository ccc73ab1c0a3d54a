#!/usr/bin/env python3
# resets-server: reads the hello, then drops the connection with a reset (RST) instead of answering, as a server
# that crashes or closes with unread data does. The client sees ECONNRESET, not an end of stream.
import socket
import struct
import sys

with socket.create_server(("127.0.0.1", int(sys.argv[1]))) as srv:
    while True:
        conn, _ = srv.accept()
        print(conn.recv(1024).decode("utf-8", "replace").rstrip("\n"), flush=True)
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()
