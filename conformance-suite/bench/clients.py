#!/usr/bin/env python3
"""Unfriendly clients for the benchmarks, to 127.0.0.1 only, each run bounded in time.

  clients.py idle PORT N SECONDS       open N connections, send nothing, hold them SECONDS, then close
  clients.py hostile KIND PORT N SECONDS
      KIND trickle   N clients send "Hello in Slow\\n" one byte every 0.5 s, over and over (new connection when closed)
           noread    N clients send a hello and never read, never close; reconnect when the server closes
           hugeline  N clients each send 1 MiB without a newline as fast as the server takes it, repeatedly
           flood     N clients connect and close at once, over and over (connection flood)
Prints one line: what it did, and how many connections it held at most.
"""
import selectors
import socket
import sys
import time

HOST = "127.0.0.1"


def connect_nonblocking(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    s.connect_ex((HOST, port))
    return s


def idle(port, n, seconds):
    socks, failed = [], 0
    deadline = time.monotonic() + seconds
    for _ in range(n):
        try:
            socks.append(connect_nonblocking(port))
        except OSError:
            failed += 1
        if time.monotonic() > deadline:
            break
    print(f"idle: opened {len(socks)} connections ({failed} failed), holding for {seconds} s", flush=True)
    while time.monotonic() < deadline:
        time.sleep(0.2)
    closed_by_server = 0
    for s in socks:
        try:
            if s.recv(1) == b"":
                closed_by_server += 1
        except (BlockingIOError, OSError):
            pass
        s.close()
    print(f"idle: {closed_by_server} of {len(socks)} had been closed by the server", flush=True)


def hostile(kind, port, n, seconds):
    deadline = time.monotonic() + seconds
    sel = selectors.DefaultSelector()
    chunk = b"x" * 65536
    state = {}

    def open_one():
        try:
            s = connect_nonblocking(port)
        except OSError:
            return
        state[s] = 0
        sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE)

    def drop(s):
        sel.unregister(s)
        state.pop(s, None)
        s.close()

    opened = 0
    if kind != "flood":
        for _ in range(n):
            open_one()
            opened += 1
    hello = b"Hello in Slow\n"
    last_trickle = 0.0
    while time.monotonic() < deadline:
        if kind == "flood":
            for _ in range(n):
                try:
                    s = socket.create_connection((HOST, port), timeout=1)
                    s.close()
                    opened += 1
                except OSError:
                    pass
            continue
        for key, events in sel.select(timeout=0.05):
            s = key.fileobj
            if events & selectors.EVENT_READ:
                try:
                    if kind == "noread":
                        if s.recv(1, socket.MSG_PEEK) == b"":
                            drop(s); open_one(); opened += 1
                        continue
                    if s.recv(65536) == b"":
                        drop(s); open_one(); opened += 1
                        continue
                except OSError:
                    drop(s); open_one(); opened += 1
                    continue
            if events & selectors.EVENT_WRITE and s in state:
                try:
                    if kind == "hugeline":
                        if state[s] < 1 << 20:
                            state[s] += s.send(chunk)
                    elif kind == "noread" and state[s] == 0:
                        state[s] = s.send(hello)
                        sel.modify(s, selectors.EVENT_READ)
                    elif kind == "trickle":
                        sel.modify(s, selectors.EVENT_READ)
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    drop(s); open_one(); opened += 1
        if kind == "trickle" and time.monotonic() - last_trickle >= 0.5:
            last_trickle = time.monotonic()
            for s in list(state):
                try:
                    s.send(hello[state[s] % len(hello):][:1])
                    state[s] += 1
                except (BlockingIOError, InterruptedError):
                    pass
                except OSError:
                    drop(s); open_one(); opened += 1
    for s in list(state):
        drop(s)
    print(f"hostile {kind}: {n} at a time, {opened} connections in {seconds} s", flush=True)


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "idle":
        idle(int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]))
    elif len(sys.argv) == 6 and sys.argv[1] == "hostile" and sys.argv[2] in ("trickle", "noread", "hugeline", "flood"):
        hostile(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), min(float(sys.argv[5]), 600))
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


main()
