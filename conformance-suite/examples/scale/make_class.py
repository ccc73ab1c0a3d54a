#!/usr/bin/env python3
"""Writes N synthetic submission folders (a class repository) for measuring `hello matrix` at scale.

    python3 make_class.py N OUT [--seed S]

Each folder OUT/gNNN has a tiny server and client in Python or Bash (cheap to start) and a hello.yml. The mix of
faults is a class's: most programs are correct; the rest are no-newline clients, servers that never close, servers
that crash on a connection, clients that crash after the reply, and servers with a wrong reply. The same N and seed
always give the same folders. Loopback only: the programs connect to the host and port the harness gives them.
"""
import os
import random
import sys

GOOD_SERVER = r'''import socket, sys
s = socket.create_server(("", int(sys.argv[1])), family=socket.AF_INET6, dualstack_ipv6=True)
while True:
    c, _ = s.accept()
    with c:
        data = b""
        c.settimeout(2)
        try:
            while b"\n" not in data:
                part = c.recv(1024)
                if not part:
                    break
                data += part
        except OSError:
            pass
        FAULT
'''
SERVER_REPLIES = {
    "good": 'c.sendall(b"Goodbye in %s\\n")',
    "never-closes": 'c.sendall(b"Goodbye in %s\\n"); import time; time.sleep(60)',
    "crashes": 'sys.exit(3)',
    "wrong-reply": 'c.sendall(b"Bye!\\n")',
}
PY_CLIENT = r'''import socket, sys
with socket.create_connection((sys.argv[1].strip("[]"), int(sys.argv[2])), timeout=10) as s:
    s.sendall(b"Hello in %s%s")
    data = b""
    while b"\n" not in data:
        part = s.recv(1024)
        if not part:
            break
        data += part
print(data.split(b"\n")[0].decode(), flush=True)
%s
'''
BASH_CLIENT = r'''#!/bin/bash
host=${1#[}; host=${host%%]}
exec 3<>"/dev/tcp/$host/$2" || exit 1
printf 'Hello in Bash%s' >&3
IFS= read -r -t 10 line <&3
printf '%%s\n' "$line"
%s
'''
# (server fault, client fault) with weights: mostly correct
MIX = [(("good", "good"), 60), (("good", "no-newline"), 10), (("never-closes", "good"), 10),
       (("crashes", "good"), 6), (("good", "crashes"), 6), (("wrong-reply", "good"), 8)]


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 18
    rnd = random.Random(seed)
    kinds = [k for k, w in MIX for _ in range(w)]
    for i in range(1, n + 1):
        server_fault, client_fault = rnd.choice(kinds)
        bash = rnd.random() < 0.3
        d = os.path.join(out, "g%03d" % i)
        os.makedirs(d, exist_ok=True)
        lang = "Bash" if bash else "Python"
        with open(os.path.join(d, "server.py"), "w", encoding="utf-8") as f:
            reply = SERVER_REPLIES[server_fault]
            f.write(GOOD_SERVER.replace("FAULT", reply % (lang,) if "%s" in reply else reply))
        newline = "" if client_fault == "no-newline" else "\\n"
        crash = "sys.exit(1)" if client_fault == "crashes" else ""
        if bash:
            with open(os.path.join(d, "client.sh"), "w", encoding="utf-8") as f:
                f.write(BASH_CLIENT % ("\\n" if newline else "", "exit 1" if crash else ""))
            client = "bash client.sh {host} {port}"
        else:
            with open(os.path.join(d, "client.py"), "w", encoding="utf-8") as f:
                f.write(PY_CLIENT % (lang, newline, crash))
            client = "python3 client.py {host} {port}"
        with open(os.path.join(d, "hello.yml"), "w", encoding="utf-8") as f:
            f.write("language: %s\npreset: python\nserver: python3 server.py {port}\nclient: %s\n" % (lang, client))
        with open(os.path.join(d, "FAULTS"), "w", encoding="utf-8") as f:
            f.write("server %s, client %s (%s)\n" % (server_fault, client_fault, lang))


if __name__ == "__main__":
    main()
