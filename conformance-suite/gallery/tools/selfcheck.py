#!/usr/bin/env python3
"""Rough self-check of the gallery: builds each member, runs it on loopback and reports which
rule IDs look broken, next to the `breaks` list in gallery.yml. Not the conformance suite: a
maintainer's sanity check with generous timeouts. Loopback traffic only; every process it
starts runs in its own process group, and the whole group is killed afterwards.

    python3 tools/selfcheck.py [MEMBER...]      (run from the gallery folder or anywhere)
"""
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

GALLERY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# ---------------------------------------------------------------- gallery.yml (tiny reader)
def load_members():
    """Reads the simple subset of YAML that gallery.yml uses (no third-party parser here)."""
    members, cur, key = [], None, None
    for raw in open(os.path.join(GALLERY, "gallery.yml"), encoding="utf-8"):
        line = raw.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"  - name: (\S+)$", line)
        if m:
            cur = {"name": m.group(1)}
            members.append(cur)
            continue
        m = re.match(r"    (\w+):\s*(.*)$", line)
        if m and cur is not None:
            key, val = m.group(1), m.group(2)
            if val.startswith("["):
                val = [v.strip() for v in val.strip("[]").split(",") if v.strip()]
            elif val.startswith("'"):
                val = val[1:-1].replace("''", "'")
            elif val == ">-":
                val = ""
            cur[key] = val
        elif cur is not None and key and line.startswith("      "):
            cur[key] = (cur[key] + " " + line.strip()).strip()
    return members


# ---------------------------------------------------------------- processes
class Proc:
    def __init__(self, cmd, cwd):
        self.p = subprocess.Popen(cmd, shell=True, cwd=cwd, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        self.out, self.err = [], []
        self.t0 = time.monotonic()
        for stream, sink in ((self.p.stdout, self.out), (self.p.stderr, self.err)):
            threading.Thread(target=self._pump, args=(stream, sink), daemon=True).start()

    @staticmethod
    def _pump(stream, sink):
        for line in stream:
            sink.append((time.monotonic(), line))

    def stdout_lines(self):
        return [l.decode("utf-8", "replace").rstrip("\n") for _, l in self.out]

    def wait_stdout(self, pred, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if any(pred(l) for l in self.stdout_lines()):
                return True
            time.sleep(0.02)
        return False

    def kill(self):
        try:
            os.killpg(self.p.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            self.p.wait(3)
        except subprocess.TimeoutExpired:
            pass
        # whatever is left in the group (forked children) is killed too
        end = time.monotonic() + 3
        while group_alive(self.p.pid) and time.monotonic() < end:
            time.sleep(0.05)
        if group_alive(self.p.pid):
            print(f"    ! processes left in group {self.p.pid} after SIGTERM; SIGKILL", file=sys.stderr)
            os.killpg(self.p.pid, signal.SIGKILL)
        self.p.wait()


def group_alive(pgid):
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False
    except PermissionError:
        return True


def free_port():
    with socket.socket(socket.AF_INET6) as s:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
        s.bind(("::", 0))
        return s.getsockname()[1]


def listening(port):
    """True if something LISTENs on port (read from /proc, so no probe connection)."""
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            for row in open(name).readlines()[1:]:
                f = row.split()
                if f[3] == "0A" and int(f[1].rsplit(":", 1)[1], 16) == port:
                    return True
        except OSError:
            pass
    return False


# ---------------------------------------------------------------- server checks
def connect(port, host="127.0.0.1"):
    return socket.create_connection((host, port), timeout=5)


def read_reply(s, limit=5.0):
    """Reads until EOF or `limit`; returns (bytes, seconds to first byte, seconds to EOF or None)."""
    t0, data, first, eof = time.monotonic(), b"", None, None
    while time.monotonic() - t0 < limit:
        s.settimeout(max(0.01, limit - (time.monotonic() - t0)))
        try:
            chunk = s.recv(4096)
        except socket.timeout:
            break
        except OSError:
            eof = time.monotonic() - t0
            break
        if not chunk:
            eof = time.monotonic() - t0
            break
        if first is None:
            first = time.monotonic() - t0
        data += chunk
    return data, first, eof


def reply_ok(data, profile, x="Test", strict=False):
    """strict: the exact format (SRV-REPLY). Otherwise any one Goodbye line without a CR in it,
    so that a wrong format shows up under SRV-REPLY only."""
    line = data.split(b"\n")[0]
    if not strict:
        line = line.removesuffix(b"\r") if data.endswith(b"\r\n") else line
        return line.startswith(b"Goodbye") and b"\r" not in line
    pat = rb"Goodbye in \S+" if profile == "basic" else rb"Goodbye " + x.encode() + rb" from \S+"
    return re.fullmatch(pat, line.removesuffix(b"\r")) is not None


def exchange(port, profile, payload=b"Hello in Test\n", host="127.0.0.1"):
    with connect(port, host) as s:
        s.sendall(payload)
        data, first, eof = read_reply(s, 3)
    return reply_ok(data, profile)


def check_server(m, which):
    cwd = os.path.join(GALLERY, m["name"])
    profile = m.get("profile", "basic")
    results = {}

    def run(rule, fn):
        if which and rule not in which:
            return
        port = free_port()
        proc = Proc(m["command"].replace("{port}", str(port)), cwd)
        try:
            end = time.monotonic() + 10
            while not listening(port) and time.monotonic() < end and proc.p.poll() is None:
                time.sleep(0.02)
            if not listening(port):
                results[rule] = (False, "not listening")
                return
            ok, detail = fn(port, proc)
        except Exception as e:  # noqa: BLE001 -- a check that blows up is a failed check
            ok, detail = False, f"{type(e).__name__}: {e}"
        finally:
            proc.kill()
        results[rule] = (ok, detail)

    def basic(port, proc):
        with connect(port) as s:
            s.sendall(b"Hello in Test\n")
            data, first, eof = read_reply(s, 4)
        details = f"reply={data!r} first={first} eof={eof}"
        line = data.split(b"\n")[0]
        results["SRV-REPLY"] = (reply_ok(data, profile, strict=True) and data.count(b"\n") <= 1 and not data[len(line) + 1:], details)
        results["SRV-LF"] = (data.endswith(b"\n"), details)
        results["SRV-PROMPT"] = (first is not None and first < 1.0, details)
        close_after = None if eof is None or first is None else eof - first
        results["SRV-CLOSE"] = (close_after is not None and close_after < 1.0, details)
        want = "Hello in Test" + (" (client 127.0.0.1)" if profile == "challenge" else "")
        logged = proc.wait_stdout(lambda l: l.startswith("Hello in Test"), 1.5)
        results["SRV-LOG"] = (logged, f"stdout={proc.stdout_lines()}")
        if profile == "challenge":
            results["SRV-CLIENT-IP"] = (want in proc.stdout_lines(), f"stdout={proc.stdout_lines()}")
        return results["SRV-REPLY"]

    def crlf(port, proc):
        with connect(port) as s:
            s.sendall(b"Hello in Test\r\n")
            data, _, _ = read_reply(s, 3)
        return reply_ok(data, profile) and b"\r" not in data, repr(data)

    def segmented(port, proc):
        with connect(port) as s:
            early = b""
            for piece in (b"Hel", b"lo in Te", b"st\n"):
                s.setblocking(False)
                try:
                    early += s.recv(4096)
                except BlockingIOError:
                    pass
                s.setblocking(True)
                s.sendall(piece)
                time.sleep(0.1)
            data, _, _ = read_reply(s, 3)
        return not early and reply_ok(data, profile), f"early={early!r} reply={data!r}"

    def half_close(port, proc):
        with connect(port) as s:
            s.sendall(b"Hello in Test")
            s.shutdown(socket.SHUT_WR)
            data, first, _ = read_reply(s, 3)
        return reply_ok(data, profile) and first is not None and first < 1.5, f"{data!r} after {first}"

    def no_lf(port, proc):
        with connect(port) as s:
            s.sendall(b"Hello in Test")
            data, first, _ = read_reply(s, 3)
        return reply_ok(data, profile) and first is not None and first < 2.0, f"{data!r} after {first}"

    def empty_conn(port, proc):
        connect(port).close()
        s = connect(port)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        s.close()                                    # RST
        time.sleep(0.3)
        return exchange(port, profile), "exchange after an empty and a reset connection"

    def garbage(port, proc):
        errs = []
        for junk in (b"hello in test\n", b"\xff\xfe\xfd\n", b"\n\n", b"Hello in Visual Basic\n"):
            try:
                with connect(port) as s:
                    s.sendall(junk)
                    data, _, _ = read_reply(s, 1.5)
                    errs.append(data.startswith(b"Error: ") and data.endswith(b"\n"))
            except OSError:
                errs.append(False)
        results["SRV-ERROR-REPLY(draft)"] = (all(errs[:2] + errs[3:]), f"error lines: {errs}")
        time.sleep(0.3)
        return exchange(port, profile), "exchange after garbage"

    def long_line(port, proc):
        with connect(port) as s:
            try:
                s.sendall(b"x" * (1 << 20))
                data, _, _ = read_reply(s, 2)
            except OSError as e:
                data = repr(e).encode()
        time.sleep(0.3)
        return exchange(port, profile), f"reply to 1 MiB: {data[:60]!r}"

    def sequential(port, proc):
        oks = [exchange(port, profile) for _ in range(3)]
        return all(oks), str(oks)

    def concurrent(port, proc):
        silent = connect(port)
        try:
            time.sleep(0.1)
            with connect(port) as s:
                s.sendall(b"Hello in Test\n")
                data, first, _ = read_reply(s, 2.5)
            return reply_ok(data, profile) and first < 2.0, f"{data!r} after {first}"
        finally:
            silent.close()

    def ipv6(port, proc):
        return exchange(port, profile, host="::1"), "exchange over ::1"

    def empty_line(port, proc):
        with connect(port) as s:
            s.sendall(b"\r\n")
            time.sleep(0.1)
            s.sendall(b"Hello in Test\r\n")
            data, _, _ = read_reply(s, 3)
        return reply_ok(data, profile), repr(data)

    run("SRV-REPLY", basic)
    run("SRV-CRLF", crlf)
    run("SRV-SEGMENTED", segmented)
    run("SRV-HALF-CLOSE", half_close)
    run("SRV-NO-LF-HELLO", no_lf)
    run("SRV-EMPTY-CONN", empty_conn)
    run("SRV-GARBAGE", garbage)
    run("SRV-LONG-LINE", long_line)
    run("SRV-SEQUENTIAL", sequential)
    run("SRV-CONCURRENT", concurrent)
    run("SRV-IPV6", ipv6)
    run("SRV-EMPTY-LINE(draft)", empty_line)
    if not which or "SRV-USAGE" in which:
        ok = True
        for args in ("", "notaport"):
            proc = Proc(m["command"].replace("{port}", args), cwd)
            try:
                proc.p.wait(5)
            except subprocess.TimeoutExpired:
                pass
            err = b"".join(l for _, l in proc.err).decode("utf-8", "replace")
            rc = proc.p.poll()
            proc.kill()
            ok = ok and rc not in (None, 0) and "usage" in err.lower() and "Traceback" not in err
        results["SRV-USAGE"] = (ok, f"rc={rc} stderr={err[:80]!r}")
    return results


# ---------------------------------------------------------------- client checks
class FakeServer:
    """One-shot fake server on loopback. mode: normal | segmented | nolf | keepopen."""

    def __init__(self, mode="normal", host="127.0.0.1"):
        fam = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(fam)
        self.sock.bind((host, 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.mode, self.conns, self.received = mode, 0, b""
        self.reply_at = None
        self.stop = False
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        self.sock.settimeout(0.2)
        while not self.stop:
            try:
                c, _ = self.sock.accept()
            except socket.timeout:
                continue
            except OSError:
                return
            self.conns += 1
            threading.Thread(target=self.handle, args=(c,), daemon=True).start()

    def handle(self, c):
        with c:
            c.settimeout(0.4)
            buf = b""
            while True:                              # LF, EOF or a 400 ms quiet period ends the hello
                try:
                    d = c.recv(1024)
                except socket.timeout:
                    if buf:
                        break
                    if self.stop:
                        return
                    continue
                except OSError:
                    return
                if not d:
                    break
                buf += d
                if b"\n" in buf:
                    try:                             # catch anything sent right after the LF
                        c.settimeout(0.3)
                        buf += c.recv(1024)
                    except (socket.timeout, OSError):
                        pass
                    break
            if not buf:
                return
            self.received += buf
            try:
                if self.mode == "segmented":
                    c.sendall(b"Goodbye ")
                    time.sleep(0.3)
                    c.sendall(b"in Fake\n")
                elif self.mode == "nolf":
                    c.sendall(b"Goodbye in Fake")
                else:
                    c.sendall(b"Goodbye in Fake\n")
                self.reply_at = time.monotonic()
                if self.mode == "keepopen":
                    end = time.monotonic() + 5
                    while time.monotonic() < end and not self.stop:
                        time.sleep(0.05)
            except OSError:
                pass

    def close(self):
        self.stop = True
        self.sock.close()


def run_client(m, host, port, timeout=8, args=None):
    cwd = os.path.join(GALLERY, m["name"])
    cmd = m["command"].replace("{host}", host).replace("{port}", str(port)) if args is None else \
        re.sub(r"\{host\}.*", args, m["command"])
    proc = Proc(cmd, cwd)
    try:
        proc.p.wait(timeout)
    except subprocess.TimeoutExpired:
        pass
    rc, end = proc.p.poll(), time.monotonic()
    proc.kill()
    time.sleep(0.05)
    return rc, proc.stdout_lines(), b"".join(l for _, l in proc.err).decode("utf-8", "replace"), end


def check_client(m, which):
    results = {}

    def want(rule):
        return not which or rule in which

    fake = FakeServer("normal")
    rc, out, err, end = run_client(m, "127.0.0.1", fake.port)
    fake.close()
    got = fake.received
    results["CLI-CONNECT"] = (fake.conns >= 1, f"connections={fake.conns}")
    hello = got.removesuffix(b"\n").removesuffix(b"\r")
    results["CLI-HELLO"] = (re.fullmatch(rb"Hello in [^\s\x00-\x1f\x7f]{1,64}", hello) is not None
                            and got.count(b"\n") <= 1, repr(got))
    results["CLI-LF"] = (got.endswith(b"\n"), repr(got))
    results["CLI-PRINT"] = (out == ["Goodbye in Fake"], f"stdout={out}")
    results["CLI-EXIT"] = (rc == 0 and fake.reply_at is not None and end - fake.reply_at < 1.5, f"rc={rc}")
    results["CLI-SINGLE-CONN"] = (fake.conns == 1, f"connections={fake.conns}")

    for rule, mode, host, limit in (("CLI-SEGMENTED-REPLY", "segmented", "127.0.0.1", 8),
                                    ("CLI-REPLY-NO-LF", "nolf", "127.0.0.1", 8),
                                    ("CLI-NO-CLOSE", "keepopen", "127.0.0.1", 4),
                                    ("CLI-HOSTNAME", "normal", "localhost", 8),
                                    ("CLI-IPV6", "normal", "::1", 8),
                                    ("CLI-IPV6[]", "normal", "[::1]", 8)):
        if not want(rule.removesuffix("[]")):
            continue
        fake = FakeServer(mode, "::1" if "::1" in host else "127.0.0.1")
        rc, out, err, end = run_client(m, host, fake.port, timeout=limit)
        fake.close()
        if rule in ("CLI-HOSTNAME", "CLI-IPV6", "CLI-IPV6[]"):
            ok = fake.conns >= 1 and bool(fake.received)  # it connected and sent its hello
        elif not results["CLI-PRINT"][0]:
            results[rule] = (None, "SKIPPED: CLI-PRINT fails, the output cannot be judged")
            continue
        else:                                            # the exit status is CLI-EXIT's business...
            ok = rc is not None and out == ["Goodbye in Fake"]
        if rule == "CLI-NO-CLOSE":                       # ...except here: "print and exit 0 within 2 s"
            ok = ok and rc == 0 and fake.reply_at is not None and end - fake.reply_at < 2.5
        prev = results.get(rule.removesuffix("[]"), (True, ""))
        results[rule.removesuffix("[]")] = (prev[0] and ok, f"{host}: rc={rc} stdout={out} err={err[:60]!r}")

    if want("CLI-REFUSED"):
        port = free_port()
        t0 = time.monotonic()
        rc, out, err, end = run_client(m, "127.0.0.1", port, timeout=5)
        lines = [l for l in err.splitlines() if l.strip()]
        results["CLI-REFUSED"] = (rc not in (None, 0) and len(lines) == 1 and end - t0 < 4,
                                  f"rc={rc} stderr={lines[:3]}")
    if want("CLI-USAGE"):
        rc, out, err, _ = run_client(m, "", 0, timeout=5, args="")
        results["CLI-USAGE"] = (rc not in (None, 0) and "usage" in err.lower() and "Traceback" not in err,
                                f"rc={rc} stderr={err[:80]!r}")
    return results


# ---------------------------------------------------------------- main
def main():
    names = sys.argv[1:]
    bad = 0
    for m in load_members():
        if names and m["name"] not in names:
            continue
        cwd = os.path.join(GALLERY, m["name"])
        if m.get("build"):
            subprocess.run(m["build"], shell=True, cwd=cwd, check=True)
        res = check_server(m, None) if m["role"] == "server" else check_client(m, None)
        failed = sorted(r for r, (ok, _) in res.items() if ok is False)
        skipped = sorted(r for r, (ok, _) in res.items() if ok is None)
        breaks, skips = m.get("breaks") or [], m.get("skips") or []
        official = [r for r in failed if "(draft)" not in r]
        verdict = "OK " if sorted(official) == sorted(breaks) and skipped == sorted(skips) else "BAD"
        bad += verdict == "BAD"
        print(f"{verdict} {m['name']}: expected {breaks} skips {skips}, failed {failed} skipped {skipped}",
              flush=True)
        for r in failed + skipped:
            print(f"      {r}: {res[r][1][:160]}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
