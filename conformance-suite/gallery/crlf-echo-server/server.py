#!/usr/bin/env python3
# crlf-echo-server: profile challenge; splits lines at LF and never removes the CR, so a
# telnet hello "Hello in C#\r\n" is answered "Goodbye C#\r from Python\n" (and logged
# with the CR inside). Plain LF hellos work.
# Breaks: SRV-CRLF.
import socket
import sys
import threading


def is_hello(raw):                    # "Hello", "in", and one word: the language
    try:
        words = raw.decode("utf-8").split(" ")
    except UnicodeDecodeError:
        return False
    return len(words) == 3 and words[:2] == ["Hello", "in"] and 0 < len(words[2]) <= 64


def answer(conn, raw):
    if is_hello(raw):
        hello = raw.decode("utf-8")
        ip = conn.getpeername()[0].removeprefix("::ffff:")    # IPv4-mapped -> plain IPv4
        print(f"{hello} (client {ip})", flush=True)
        conn.sendall(f"Goodbye {hello[9:]} from Python\n".encode("utf-8"))
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
                    if is_hello(buf):       # complete hello without LF
                        return answer(conn, buf)
                    idle += 0.3
                    if idle > 30:                     # silent for 30 s: give up
                        return
                    continue
                if not data:                          # client closed (or half-closed)
                    if buf:
                        answer(conn, buf)
                    return
                buf, idle = buf + data, 0.0
                while b"\n" in buf:
                    line, buf = buf.split(b"\n", 1)   # BUG: a CR before the LF stays in line
                    if line.strip():                  # empty lines are ignored
                        return answer(conn, line)
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
