#!/usr/bin/env python3
# reply-at-eof-server: reads a line, as Ruby's gets does: up to LF, or up to the end of the stream. A hello
# without LF is therefore answered only when the client closes (or is killed), never while it waits.
import socket
import sys

with socket.create_server(("127.0.0.1", int(sys.argv[1]))) as srv:
    while True:
        conn, _ = srv.accept()
        with conn:
            line = conn.makefile("rb").readline()
            print(line.decode("utf-8", "replace").rstrip("\n"), flush=True)
            try:
                conn.sendall(b"Goodbye in Python\n")
            except OSError:
                pass                                  # the client is gone
