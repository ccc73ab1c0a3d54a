#!/usr/bin/env python3
# garbage-crash-server: one thread, selectors. Every complete line is decoded with a strict
# .decode(), so one line of bytes that are not UTF-8 raises UnicodeDecodeError in the main
# loop and the whole server dies. Wrong-case or wrong-word lines get a proper Error: line.
# Breaks: SRV-GARBAGE.
import re
import selectors
import socket
import sys
import time

HELLO = re.compile(r"Hello in [^\s\x00-\x1f\x7f]{1,64}")
sel = selectors.DefaultSelector()
bufs, last = {}, {}


def finish(conn, raw):
    text = raw.removesuffix(b"\r").decode()     # BUG: strict UTF-8, nobody catches the error
    try:
        if HELLO.fullmatch(text):
            print(text, flush=True)
            conn.sendall(b"Goodbye in Python\n")
        else:
            conn.sendall(f'Error: expected "Hello in <language>", got "{text[:100]}"\n'.encode("utf-8"))
    except OSError:                             # the client is already gone (reset, broken pipe)
        pass
    drop(conn)


def drop(conn):
    sel.unregister(conn)
    conn.close()
    del bufs[conn], last[conn]


def on_data(conn):
    try:
        data = conn.recv(1024)
    except ConnectionResetError:
        return drop(conn)
    if not data:                                # client closed: answer what it sent, if any
        return finish(conn, bufs[conn]) if bufs[conn].strip() else drop(conn)
    bufs[conn], last[conn] = bufs[conn] + data, time.monotonic()
    while b"\n" in bufs[conn]:
        line, bufs[conn] = bufs[conn].split(b"\n", 1)
        if line.removesuffix(b"\r"):            # empty lines are ignored
            return finish(conn, line)
    if len(bufs[conn]) > 1024:
        try:
            conn.sendall(b"Error: line longer than 1024 bytes\n")
        except OSError:
            pass
        drop(conn)


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
                bufs[conn], last[conn] = b"", time.monotonic()
            else:
                on_data(key.fileobj)
        for conn in [c for c in bufs if bufs[c] and time.monotonic() - last[c] >= 0.3]:
            hello = bufs[conn].removesuffix(b"\r")  # quiet period: a hello without LF?
            if HELLO.fullmatch(hello.decode("utf-8", "replace")):
                finish(conn, hello)             # (could crash here too, on "Hello in \xff")


main()
