#!/usr/bin/env python3
# very-slow-server: correct, one thread per connection, but every reply takes 3 s.
# Breaks: SRV-PROMPT only: a merely slow server fails no other rule (not SRV-SEQUENTIAL's ten
# clients in a row, not SRV-NO-LF-HELLO's or SRV-CONCURRENT's 2 s, which allow for the server's own pace).
import re
import socket
import sys
import threading
import time

HELLO = re.compile(r"Hello in [^\s\x00-\x1f\x7f]{1,64}")


def strip_cr(raw):
    return raw[:-1] if raw.endswith(b"\r") else raw


def is_hello(raw):
    try:
        return HELLO.fullmatch(raw.decode("utf-8")) is not None
    except UnicodeDecodeError:
        return False


def answer(conn, raw):
    time.sleep(3)                     # BUG: "thinks" for 3 s before every reply
    if is_hello(raw):
        print(raw.decode("utf-8"), flush=True)
        conn.sendall(b"Goodbye in Python\n")
    else:
        got = raw[:100].decode("utf-8", "replace")
        conn.sendall(f'Error: expected "Hello in <language>", got "{got}"\n'.encode("utf-8"))


def handle(conn):
    buf, idle = b"", 0.0
    with conn:
        conn.settimeout(0.3)                       # the quiet period
        try:
            while True:
                try:
                    data = conn.recv(1024)
                except socket.timeout:
                    if is_hello(strip_cr(buf)):       # complete hello without LF
                        return answer(conn, strip_cr(buf))
                    idle += 0.3
                    if idle > 30:                     # silent for 30 s: give up
                        return
                    continue
                if not data:                          # client closed (or half-closed)
                    if strip_cr(buf):
                        answer(conn, strip_cr(buf))
                    return
                buf, idle = buf + data, 0.0
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    if strip_cr(line):                # empty lines are ignored
                        return answer(conn, strip_cr(line))
                if len(buf) > 1024:
                    return conn.sendall(b"Error: line longer than 1024 bytes\n")
        except OSError as e:                          # reset by the client, broken pipe...
            print(f"connection error: {e}", file=sys.stderr)


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or not 0 < int(sys.argv[1]) < 65536:
        print("usage: server.py PORT", file=sys.stderr)
        sys.exit(2)
    port = int(sys.argv[1])
    try:
        server = socket.create_server(("", port), family=socket.AF_INET6, dualstack_ipv6=True)
    except OSError as e:
        print(f"server: cannot listen on port {port}: {e.strerror}", file=sys.stderr)
        sys.exit(1)
    print(f"listening on port {port}", file=sys.stderr)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


main()
