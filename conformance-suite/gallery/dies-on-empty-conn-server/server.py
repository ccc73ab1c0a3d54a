#!/usr/bin/env python3
# dies-on-empty-conn-server: one thread, selectors. A connection's buffer is created when
# its first bytes arrive, so a client that connects and leaves without sending anything
# (a port scan, a "is it up?" probe) makes bufs.pop() raise KeyError, and a reset makes
# recv() raise ConnectionResetError: either kills the whole server.
# Breaks: SRV-EMPTY-CONN.
import re
import selectors
import socket
import sys
import time

HELLO = re.compile(r"Hello in [^\s\x00-\x1f\x7f]{1,64}")
sel = selectors.DefaultSelector()
bufs, last = {}, {}


def is_hello(raw):
    try:
        return HELLO.fullmatch(raw.decode("utf-8")) is not None
    except UnicodeDecodeError:
        return False


def finish(conn, raw):
    raw = raw.removesuffix(b"\r")
    if is_hello(raw):
        print(raw.decode("utf-8"), flush=True)
        conn.sendall(b"Goodbye in Python\n")
    elif len(raw) > 1024:
        conn.sendall(b"Error: line longer than 1024 bytes\n")
    else:
        got = raw[:100].decode("utf-8", "replace")
        conn.sendall(f'Error: expected "Hello in <language>", got "{got}"\n'.encode("utf-8"))
    drop(conn)


def drop(conn):
    sel.unregister(conn)
    conn.close()
    bufs.pop(conn, None)
    last.pop(conn, None)


def on_data(conn):
    data = conn.recv(1024)                      # BUG: ConnectionResetError is not caught
    if not data:                                # client closed: answer what it sent
        raw = bufs.pop(conn)                    # BUG: KeyError if it never sent a byte
        return finish(conn, raw) if raw.strip() else drop(conn)
    bufs[conn], last[conn] = bufs.get(conn, b"") + data, time.monotonic()
    while b"\n" in bufs[conn]:
        line, bufs[conn] = bufs[conn].split(b"\n", 1)
        if line.removesuffix(b"\r"):            # empty lines are ignored
            return finish(conn, line)
    if len(bufs[conn]) > 1024:
        finish(conn, bufs[conn])


def main():
    if len(sys.argv) != 2 or not sys.argv[1].isdigit() or not 0 < int(sys.argv[1]) < 65536:
        sys.exit("usage: server.py PORT")
    server = socket.create_server(("", int(sys.argv[1])), family=socket.AF_INET6, dualstack_ipv6=True)
    sel.register(server, selectors.EVENT_READ)
    while True:
        for key, _ in sel.select(timeout=0.1):
            if key.fileobj is server:
                conn, _ = server.accept()
                sel.register(conn, selectors.EVENT_READ)
            else:
                on_data(key.fileobj)
        for conn in [c for c in bufs if time.monotonic() - last[c] >= 0.3]:
            if is_hello(bufs[conn].removesuffix(b"\r")):   # quiet period: hello without LF
                finish(conn, bufs[conn])


main()
