#!/usr/bin/env python3
"""Writes the shard files of a synthetic N x N matrix, for measuring `hello matrix merge` and the HTML page at a
scale whose real pairs would take hours (10,000 pairs at 1-3 pairs/s).

    python3 fake_shards.py N SHARDS OUT [--kit "HelloInternet kit 1.0.0"]

OUT/shard-K.json, K = 1..SHARDS, as `hello matrix --shard K/SHARDS --json` writes them: folders gNNN with the
fault mix of make_class.py (same seed), each pair's verdict and failure kind following its two programs' faults,
each program's check failing the rule its fault breaks, transcripts of a realistic length. No program runs.
"""
import json
import os
import random
import sys

import make_class

# fault -> (verdict, failure kind) of a pair with it; the rule a check of that program fails
SERVER = {"never-closes": ("hangs", "client-waits-for-close", "SRV-CLOSE"),
          "crashes": ("crashed", "server-died", "SRV-EMPTY-CONN"),
          "wrong-reply": ("wrong-reply", "server-reply-not-goodbye", "SRV-REPLY")}
CLIENT = {"no-newline": ("hangs", "server-waits-for-newline", "CLI-LF"),
          "crashes": ("crashed", "client-crashed", "CLI-EXIT")}
LEVEL = {"SRV-CLOSE": "MUST", "SRV-EMPTY-CONN": "SHOULD", "SRV-REPLY": "MUST", "CLI-LF": "MUST", "CLI-EXIT": "MUST"}


def faults(n, seed=18):
    rnd = random.Random(seed)
    kinds = [k for k, w in make_class.MIX for _ in range(w)]
    out = []
    for _ in range(n):
        out.append(rnd.choice(kinds))
        rnd.random()  # the language draw of make_class
    return out


def transcript(c, s, ok):
    lines = ["client: python3 client.py {host} {port}", "server: python3 server.py {port}",
             "c> client connects (connection a)", '> "Hello in Python\\n"']
    lines += ['< "Goodbye in Python\\n"', "c< server closes", "client exited with status 0",
              "client printed: Goodbye in Python"] if ok else ["(no reply for 3.0 s)", "client killed at the timeout"]
    return "\n".join(lines)


def main():
    n, shards, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    kit = sys.argv[sys.argv.index("--kit") + 1] if "--kit" in sys.argv else "HelloInternet kit 1.0.0-SNAPSHOT"
    names = ["g%03d" % i for i in range(1, n + 1)]
    fs = faults(n)
    pairs, checks = [], []
    for ci, c in enumerate(names):
        for si, s in enumerate(names):
            sf, cf = fs[si][0], fs[ci][1]
            verdict, failure = "works", "none"
            if cf in CLIENT:
                verdict, failure, _ = CLIENT[cf]
            elif sf in SERVER:
                verdict, failure, _ = SERVER[sf]
            pairs.append({"client": c, "server": s, "verdict": verdict, "reason": failure.replace("-", " "),
                          "failure": failure, "explanation": "", "explainedBy": [], "durationMs": 900,
                          "transcript": transcript(c, s, verdict == "works")})
    planned = []
    for i, name in enumerate(names):
        for role, fault, table in (("server", fs[i][0], SERVER), ("client", fs[i][1], CLIENT)):
            planned.append(role + " " + name)
            failed = []
            if fault in table:
                rule = table[fault][2]
                failed.append({"rule": rule, "level": LEVEL[rule], "status": "FAIL" if LEVEL[rule] == "MUST" else "WARN",
                               "title": "", "message": "synthetic: " + fault, "expected": "what the rule wants",
                               "observed": "what the program did", "hint": "", "reproduce": "",
                               "transcript": [{"atMs": 0, "dir": "NOTE", "conn": "a", "text": "synthetic"}]})
            must = sum(1 for f in failed if f["level"] == "MUST")
            checks.append({"submission": name, "role": role, "profile": "basic", "language": "Python",
                           "durationMs": 4000, "started": True, "startProblem": "",
                           "summary": {"passed": 15 - len(failed), "failed": must, "warnings": len(failed) - must,
                                       "skipped": 0, "errors": 0, "exitStatus": 1 if must else 0},
                           "failed": failed})
    os.makedirs(out, exist_ok=True)
    for k in range(1, shards + 1):
        mine = [p for i, p in enumerate(pairs) if i % shards == k - 1]
        mine_checks = [c for i, c in enumerate(checks) if i % shards == k - 1]
        counts = {}
        doc = {"schema": "hellointernet-matrix/1", "kit": kit, "durationMs": 60000, "clients": names,
               "servers": names, "counts": counts, "pairs": mine,
               "checks": {"run": True, "programs": mine_checks},
               "shard": {"index": k, "count": shards, "reused": 0, "plannedChecks": planned, "keys": {}}}
        with open(os.path.join(out, "shard-%d.json" % k), "w", encoding="utf-8") as f:
            json.dump(doc, f)


if __name__ == "__main__":
    main()
