#!/usr/bin/env python3
# As a student new to sockets writes it: no loop around accept(), and a reply without "\n".
# It serves its first client and exits with status 0.
import socket
import sys

port = int(sys.argv[1])
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", port))
s.listen(5)
conn, addr = s.accept()
data = conn.recv(1024).decode("utf-8", "replace")
print(data.strip(), flush=True)
conn.sendall(b"Goodbye in Python")
conn.close()
s.close()
