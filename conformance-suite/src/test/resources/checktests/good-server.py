#!/usr/bin/env python3
# A correct HelloInternet server (profile basic) for the end-to-end tests of `hello check`.
# One thread per connection; select() with a 300 ms quiet period answers a hello that has no LF
# (or at once on half-close); empty lines are skipped; non-hellos and lines over 1024 bytes get
# an "Error: ..." line. Dual-stack when the machine allows it, else IPv4 only (noted on stderr).
import re
import select
import socket
import sys
import threading

HELLO = re.compile(r"Hello in [^\s\x00-\x1f\x7f]{1,64}")
QUIET = 0.3
MAX = 1024


def strip_cr(raw):
    return raw[:-1] if raw.endswith(b"\r") else raw


def is_hello(raw):
    try:
        return HELLO.fullmatch(raw.decode("utf-8")) is not None
    except UnicodeDecodeError:
        return False


def answer(conn, raw):
    if is_hello(raw):
        print(raw.decode("utf-8"), flush=True)
        conn.sendall(b"Goodbye in Python\n")
    else:
        got = raw[:100].decode("utf-8", "replace")
        conn.sendall(('Error: expected "Hello in <language>", got "%s"\n' % got).encode("utf-8"))


def handle(conn):
    buf, idle = b"", 0.0
    with conn:
        try:
            while True:
                ready, _, _ = select.select([conn], [], [], QUIET)
                if not ready:
                    if is_hello(strip_cr(buf)):
                        return answer(conn, strip_cr(buf))
                    idle += QUIET
                    if idle > 30:
                        return
                    continue
                data = conn.recv(4096)
                if not data:
                    if strip_cr(buf):
                        answer(conn, strip_cr(buf))
                    return
                buf, idle = buf + data, 0.0
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)
                    if len(line) > MAX + 1:
                        return conn.sendall(b"Error: line longer than 1024 bytes\n")
                    if strip_cr(line):
                        return answer(conn, strip_cr(line))
                if len(buf) > MAX:
                    return conn.sendall(b"Error: line longer than 1024 bytes\n")
        except OSError as e:
            print("connection error: %s" % e, file=sys.stderr, flush=True)


def listen(port):
    if socket.has_dualstack_ipv6():
        try:
            return socket.create_server(("", port), family=socket.AF_INET6, dualstack_ipv6=True)
        except OSError:
            pass
    print("note: no dual-stack socket, IPv4 only", file=sys.stderr, flush=True)
    return socket.create_server(("", port))


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or not 0 < int(sys.argv[1]) < 65536:
        print("usage: server.py PORT", file=sys.stderr)
        sys.exit(2)
    port = int(sys.argv[1])
    try:
        server = listen(port)
    except OSError as e:
        print("server: cannot listen on port %d: %s" % (port, e.strerror), file=sys.stderr)
        sys.exit(1)
    print("listening on port %d" % port, file=sys.stderr, flush=True)
    while True:
        conn, _ = server.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


main()
