import socket
import sys

if len(sys.argv) != 3:
    print("usage: python3 helloPython.py HOST PORT", file=sys.stderr)
    sys.exit(1)

host = sys.argv[1]
port = int(sys.argv[2])

s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.settimeout(10)
try:
    s.connect((host, port))
except Exception as e:
    print("could not connect to server:", e, file=sys.stderr)
    sys.exit(1)

s.sendall("Hello in Python\n".encode())

reply = b""
try:
    while True:
        data = s.recv(1024)
        if not data:
            break
        reply += data
except socket.timeout:
    print("server did not answer", file=sys.stderr)
    sys.exit(1)
s.close()

if not reply:
    print("server closed the connection without a reply", file=sys.stderr)
    sys.exit(1)
print(reply.decode().strip())
