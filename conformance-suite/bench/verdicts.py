#!/usr/bin/env python3
"""Verdict stability: runs `hello check` on the gallery (and on submission folders) quiet and with N busy
processes beside it, and prints how many verdicts differ. Used by verdicts-under-load.sh; also runs alone:

  verdicts.py [--busy N] [--rounds R] [--container|--local] [--no-gallery] [--only NAME,...] [FOLDER...]

A verdict is one rule's status for one program (PASS, FAIL, SKIP, ERROR). Each round runs every program once
quiet and once loaded, interleaved (quiet, loaded, quiet, loaded...), so that a change in the machine's own load
hits both alike. For gallery members it also prints the rules whose verdict differs from gallery.yml.
Everything runs on loopback only. Standard library only (no PyYAML: gallery.yml is read by a small parser of
its simple shape).
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
GALLERY = os.path.join(ROOT, "conformance-suite", "gallery")
JAR = os.path.join(ROOT, "conformance-suite", "target", "hello.jar")


def gallery_members():
    """The members of gallery.yml: a list of dicts with the scalar and list fields the checks need."""
    members, cur = [], None
    with open(os.path.join(GALLERY, "gallery.yml"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^  - name: (\S+)", line)
            if m:
                cur = {"name": m.group(1)}
                members.append(cur)
                continue
            m = re.match(r"^    (role|language|profile|command|build|breaks|may_fail|skips): (.*)$", line)
            if cur is not None and m:
                key, value = m.group(1), m.group(2).strip()
                if value.startswith("["):
                    cur[key] = [v.strip() for v in value.strip("[]").split(",") if v.strip()]
                else:
                    cur[key] = value.strip("'\"")
    return members


def corpus_members(root):
    """Folders under root with an expected.yml (role, language, profile, build, run, fails, warns, unsure, skips)."""
    out = []
    for name in sorted(os.listdir(root)):
        path = os.path.join(root, name, "expected.yml")
        if not os.path.isfile(path):
            continue
        m = {"name": name, "dir": os.path.join(root, name)}
        with open(path, encoding="utf-8") as f:
            for line in f:
                mm = re.match(r"^(role|language|profile|build|run|fails|warns|unsure|skips): (.*)$", line)
                if mm:
                    key, value = mm.group(1), mm.group(2).strip()
                    if value.startswith("["):
                        m[key] = [v.strip() for v in value.split("#")[0].strip().strip("[]").split(",") if v.strip()]
                    else:
                        m[key] = value.split(" #")[0].strip().strip("'\"")
        m["command"] = m.get("run", "")
        m["breaks"] = m.get("fails", []) + m.get("warns", [])
        m["may_fail"] = m.get("unsure", [])
        out.append(m)
    return out


def run_check(args, cwd, timeout=600):
    """Runs hello check with --json; returns {rule: status} and the wall time, or raises on a harness failure."""
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        path = tmp.name
    try:
        t0 = time.monotonic()
        proc = subprocess.run(["java", "-jar", JAR, "check", *args, "--json", path], cwd=cwd,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout)
        wall = time.monotonic() - t0
        if proc.returncode not in (0, 1, 3):
            raise RuntimeError(f"hello check exited {proc.returncode}: {proc.stderr.decode()[-500:]}")
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        verdicts = {}
        for check in doc["checks"]:
            role = check["target"].get("role", "")
            for r in check["results"]:
                verdicts[f"{role}:{r['rule']}"] = (r["status"], r.get("message", ""))
        return verdicts, wall
    finally:
        os.unlink(path)


class Busy:
    """N processes that spin on the CPU until stopped."""

    def __init__(self, n):
        self.procs = [subprocess.Popen(["sh", "-c", "while :; do :; done"]) for _ in range(n)]

    def stop(self):
        for p in self.procs:
            p.kill()
            p.wait()


def programs(opts):
    """(name, args, cwd, expected) for each program to check; expected is None for folders."""
    out = []
    if not opts.no_gallery:
        for m in gallery_members():
            if opts.only and m["name"] not in opts.only:
                continue
            cwd = os.path.join(GALLERY, m["name"])
            if m.get("build"):
                subprocess.run(m["build"], shell=True, cwd=cwd, check=True)
            flag = "--server-cmd" if m["role"] == "server" else "--client-cmd"
            args = [flag, m["command"], "--language", m["language"], "--profile", m.get("profile", "basic")]
            out.append((m["name"], args, cwd, m))
    for root in opts.corpus:
        for m in corpus_members(root):
            if opts.only and m["name"] not in opts.only:
                continue
            if m.get("build"):
                subprocess.run(m["build"], shell=True, cwd=m["dir"], check=False,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            flag = "--server-cmd" if m.get("role") == "server" else "--client-cmd"
            args = [flag, m["command"], "--language", m.get("language", "X"), "--profile", m.get("profile", "basic")]
            out.append((m["name"], args, m["dir"], m))
    for folder in opts.folders:
        mode = ["--container"] if opts.container else ["--local"] if opts.local else []
        folder = os.path.abspath(folder)
        name = os.path.basename(folder)
        if opts.only and name not in opts.only:
            continue
        # a folder with an expected.yml (as in a --corpus folder) is also held to it
        expected = next((m for m in corpus_members(os.path.dirname(folder)) if m["name"] == name), None)
        out.append((name, [folder, *mode], ROOT, expected))
    return out


def expected_mismatches(member, verdicts):
    """Rules whose verdict differs from what gallery.yml says of the member."""
    breaks, may, skips = set(member.get("breaks", [])), set(member.get("may_fail", [])), set(member.get("skips", []))
    bad = []
    for key, (status, _) in verdicts.items():
        rule = key.split(":", 1)[1]
        want = "FAIL" if rule in breaks else "SKIP" if rule in skips else "PASS"
        if status == want or rule in may and status in ("PASS", "FAIL"):
            continue
        bad.append(f"{rule} {status} (expected: {want})")
    return bad


def main():
    global JAR
    p = argparse.ArgumentParser()
    p.add_argument("--busy", type=int, default=4)
    p.add_argument("--rounds", type=int, default=1)
    p.add_argument("--container", action="store_true")
    p.add_argument("--local", action="store_true")
    p.add_argument("--no-gallery", action="store_true")
    p.add_argument("--only", type=lambda s: set(s.split(",")), default=None)
    p.add_argument("--corpus", action="append", default=[],
                   help="a folder of programs, each with an expected.yml (fails, warns, unsure); may repeat")
    p.add_argument("folders", nargs="*")
    opts = p.parse_args()
    if not os.path.exists(JAR):
        sys.exit("verdicts: build the kit first (./hello --version)")
    # a copy of the jar: rebuilding the kit meanwhile must not change (or break) the checks of this run
    copy = os.path.join(tempfile.mkdtemp(prefix="verdicts-"), "hello.jar")
    shutil.copy(JAR, copy)
    JAR = copy
    progs = programs(opts)
    print(f"verdicts: {len(progs)} programs, {opts.rounds} round(s), quiet vs {opts.busy} busy processes on "
          f"{os.cpu_count()} cores", flush=True)
    total = differ = mismatched = 0
    walls = {"quiet": [], "busy": []}
    for rnd in range(opts.rounds):
        for name, args, cwd, member in progs:
            results = {}
            for mode in ("quiet", "busy"):
                busy = Busy(opts.busy) if mode == "busy" else None
                try:
                    load = os.getloadavg()[0]
                    results[mode], wall = run_check(args, cwd)
                    walls[mode].append(wall)
                except (RuntimeError, ValueError, OSError, subprocess.TimeoutExpired) as e:
                    print(f"  {name:34} {mode:5} the check itself failed: {e}", flush=True)
                    results[mode], wall = {"harness:check": ("ERROR", str(e))}, 0.0
                finally:
                    if busy:
                        busy.stop()
                line = f"  {name:34} {mode:5} {wall:6.1f} s  load {load:4.1f}"
                if member is not None:
                    bad = expected_mismatches(member, results[mode])
                    mismatched += len(bad)
                    line += "" if not bad else "  NOT AS EXPECTED: " + "; ".join(bad)
                print(line, flush=True)
            keys = sorted(set(results["quiet"]) | set(results["busy"]))
            for k in keys:
                total += 1
                q = results["quiet"].get(k, ("-", ""))
                b = results["busy"].get(k, ("-", ""))
                if q[0] != b[0]:
                    differ += 1
                    print(f"    DIFFERS {name} {k}: quiet {q[0]}, busy {b[0]}: {b[1][:200] if b[0] != 'PASS' else q[1][:200]}",
                          flush=True)
    med = lambda xs: sorted(xs)[len(xs) // 2] if xs else 0
    print(f"verdicts: {differ} of {total} verdicts differ between quiet and {opts.busy} busy processes; "
          f"{mismatched} not as expected (gallery.yml, expected.yml); median wall time quiet {med(walls['quiet']):.1f} s, "
          f"busy {med(walls['busy']):.1f} s")
    return 1 if differ or mismatched else 0


if __name__ == "__main__":
    sys.exit(main())
