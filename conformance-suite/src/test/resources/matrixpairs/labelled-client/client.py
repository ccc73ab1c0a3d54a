#!/usr/bin/env python3
# labelled-client: correct, except that it prints the reply with a label around it, "Received: Goodbye in C",
# after a "Sending: ..." line, as the class's own example output did. The spec allows a label (CLI-PRINT).
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
print("Sending: Hello in Python", flush=True)
with socket.create_connection((host, port), timeout=10) as s:
    s.sendall(b"Hello in Python\n")
    reply = b""
    while True:
        data = s.recv(1024)
        if not data:
            break
        reply += data
print("Received: " + reply.decode("utf-8", "replace").strip(), flush=True)
