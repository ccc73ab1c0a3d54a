#!/usr/bin/env python3
# reads-once-server: takes whatever the first recv() returns as the whole hello.
# TCP is a byte stream, so a hello that arrives in pieces ("Hel" ... "lo in Java\n") is
# answered too early: an error for "Hel", or a Goodbye before the LF has arrived.
# Breaks: SRV-SEGMENTED.
import re
import socket
import sys
import threading

HELLO = re.compile(r"Hello in [^\s\x00-\x1f\x7f]{1,64}")


def answer(conn, raw):
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and HELLO.fullmatch(text):
        print(text, flush=True)
        conn.sendall(b"Goodbye in Python\n")
    else:
        got = raw[:100].decode("utf-8", "replace")
        conn.sendall(f'Error: expected "Hello in <language>", got "{got}"\n'.encode("utf-8"))


def handle(conn):
    with conn:
        try:
            data = conn.recv(1024)        # BUG: one recv() is not one message
            if data:                      # nothing at all: the client just left
                answer(conn, data.strip())
        except OSError as e:
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
