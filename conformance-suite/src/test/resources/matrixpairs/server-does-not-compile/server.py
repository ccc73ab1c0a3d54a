#!/usr/bin/env python3
# server-does-not-compile: a server with a syntax error (an unclosed parenthesis), as a real class's C# server had.
import socket
import sys

with socket.create_server(("", int(sys.argv[1])) as listener:
    while True:
        conn, _ = listener.accept()
        conn.sendall(b"Goodbye in Python\n")
        conn.close()
