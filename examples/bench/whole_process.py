#!/usr/bin/env python3
"""Whole-process benchmark rows (issue 21): each contender is a real process started the way a user starts it
(`ftpkit serve`, vsftpd, curl, `ftpkit get`), timed from outside with the JVM start-up included where the JVM is
started per operation. Contenders run in interleaved repetitions (A B, B A, ...); each row is the median of the
repetitions, and its ratio is the median of the per-repetition ratios against the anchor in the same run.

Usage (from the repository root, after `mvn -B package -DskipTests`):
    python3 examples/bench/whole_process.py [--reps 7] [--size-mib 512] [--entries 10000] [--rows nlst,list,...]

Rows: nlst, list (curl against `ftpkit serve` and vsftpd, 10,000 entries), retr-disk, stor-disk, retr-tmpfs
(curl downloads/uploads), first (the first RETR after `ftpkit serve` started, vs vsftpd's first), startup
(`ftpkit version` through examples/target/ftpkit, the launcher with the class-data archive, vs `java -jar`; the
anchor column is then `java -jar`), get (ftpkit get vs curl, both from vsftpd). Files live on the repository's file system (page cache warm) unless the row says tmpfs.
Prints a Markdown table. Not a test: nothing here asserts a speed.
"""
import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(REPO, "examples", "target", "ftpkit.jar")
LAUNCHER = os.path.join(REPO, "examples", "target", "ftpkit")
JAVA = os.environ.get("JAVA", shutil.which("java") or "java")
MIB = 1024 * 1024


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def await_greeting(port, process, deadline_s=180):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if process.poll() is not None:
            raise RuntimeError("the server on port %d exited with %d" % (port, process.returncode))
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(3) == b"220":
                    return
        except OSError:
            pass
        time.sleep(0.02)  # polling a port: there is no event to wait on
    raise RuntimeError("no greeting on port %d" % port)


class Server:
    def __init__(self, name, argv, port, cwd=None):
        self.name, self.port = name, port
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def ftpkit_serve(root, write=False):
    port = free_port()
    argv = launcher() + ["serve", "--root", root, "--anonymous", "--port", str(port), "--max-sessions", "2000"]
    if write:
        argv.append("--write")
    server = Server("ftpkit serve", argv, port)
    await_greeting(port, server.process)
    return server


def vsftpd(root, work):
    port = free_port()
    conf = os.path.join(work, "vsftpd-%d.conf" % port)
    options = {
        "listen": "YES", "listen_ipv6": "NO", "listen_address": "127.0.0.1", "listen_port": str(port),
        "background": "NO", "seccomp_sandbox": "NO", "secure_chroot_dir": "/var/run/vsftpd/empty",
        "xferlog_enable": "NO", "dirmessage_enable": "NO", "local_enable": "NO", "anonymous_enable": "YES",
        "no_anon_password": "YES", "anon_root": root, "write_enable": "YES", "anon_upload_enable": "YES",
        "anon_other_write_enable": "YES", "anon_umask": "022", "anon_world_readable_only": "NO",
        "max_clients": "2000", "max_per_ip": "2000",
    }
    with open(conf, "w") as f:
        f.write("".join("%s=%s\n" % item for item in options.items()))
    os.makedirs("/var/run/vsftpd/empty", exist_ok=True)
    server = Server("vsftpd", [shutil.which("vsftpd"), conf], port)
    await_greeting(port, server.process)
    return server


def launcher():
    """The packaged launcher (with its class-data archive) when there is one, else java -jar."""
    if os.access(LAUNCHER, os.X_OK):
        return [LAUNCHER]
    return [JAVA, "-jar", JAR]


def timed(argv, expect_bytes=None, out_file=None):
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.PIPE if out_file is None else subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(argv), result.returncode, result.stderr[-500:]))
    if expect_bytes is not None:
        got = len(result.stdout) if out_file is None else os.path.getsize(out_file)
        if got != expect_bytes:
            raise RuntimeError("%s gave %d bytes, not %d" % (" ".join(argv), got, expect_bytes))
    return seconds, result.stdout


def make_tree(parent, size, entries):
    root = tempfile.mkdtemp(prefix="ftpkit-whole-", dir=parent)
    os.chmod(root, 0o755)
    block = os.urandom(4 * MIB)
    with open(os.path.join(root, "big.bin"), "wb") as f:
        for _ in range(size // len(block)):
            f.write(block)
    listed = os.path.join(root, "listed")
    os.mkdir(listed)
    for i in range(entries):
        open(os.path.join(listed, "file-%05d.dat" % i), "w").close()
    upload = os.path.join(root, "upload")
    os.mkdir(upload)
    os.chmod(upload, 0o777)
    with open(os.path.join(root, "big.bin"), "rb") as f:  # warm the page cache
        while f.read(4 * MIB):
            pass
    return root


def interleaved(reps, contenders):
    """contenders: list of (name, fn returning a figure); returns {name: [figures]} run A B, B A, ..."""
    figures = {name: [] for name, _ in contenders}
    for rep in range(reps + 1):  # one unrecorded warm-up
        order = contenders if rep % 2 == 0 else list(reversed(contenders))
        for name, fn in order:
            value = fn()
            if rep > 0:
                figures[name].append(value)
    return figures


def row(label, unit, figures, ours, anchor, lower_is_better):
    ratios = [o / a for o, a in zip(figures[ours], figures[anchor])]
    med = statistics.median
    fmt = "%.3f" if unit == "s" else "%.0f"
    better = "lower is better" if lower_is_better else "higher is better"
    return "| %s | %s %s | %s %s | %.2f× (%.2f–%.2f) | %s |" % (
        label, fmt % med(figures[ours]), unit, fmt % med(figures[anchor]), unit, med(ratios), min(ratios),
        max(ratios), better)


class Rows:
    """Prints each row as soon as it is measured (a later failure keeps the earlier rows)."""

    def __init__(self):
        print("| row | ftpkit | anchor (vsftpd or curl) | ratio, median (min–max) | |")
        print("|---|---|---|---|---|", flush=True)

    def append(self, line):
        print(line, flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--size-mib", type=int, default=512)
    parser.add_argument("--entries", type=int, default=10000)
    parser.add_argument("--dir", default=os.path.join(REPO, "examples", "target"))
    parser.add_argument("--rows", default="nlst,list,retr-disk,stor-disk,retr-tmpfs,first,startup,get")
    args = parser.parse_args()
    rows = args.rows.split(",")
    size = args.size_mib * MIB
    work = tempfile.mkdtemp(prefix="ftpkit-whole-work-", dir=args.dir)
    disk = make_tree(args.dir, size, args.entries)
    tmpfs = make_tree("/dev/shm", size, 0) if "retr-tmpfs" in rows else None
    lines = Rows()
    servers = []
    try:
        ours, theirs = ftpkit_serve(disk, write=True), vsftpd(disk, work)
        servers += [ours, theirs]
        url = lambda s, path: "ftp://127.0.0.1:%d/%s" % (s.port, path)

        def listing(flag, entries):
            def run(server):
                seconds, out = timed(["curl", "-s"] + flag + [url(server, "listed/")])
                if out.count(b"\n") < entries:
                    raise RuntimeError("short listing from %s" % server.name)
                return seconds
            return run

        for name, flag, title in (("nlst", ["-l"], "NLST"), ("list", [], "LIST")):
            if name in rows:
                run = listing(flag, args.entries)
                f = interleaved(args.reps, [("ours", lambda: run(ours)), ("theirs", lambda: run(theirs))])
                lines.append(row("%s of %d files, `curl%s` (time, whole curl process)" % (
                    title, args.entries, " -l" if flag else ""), "s", f, "ours", "theirs", True))

        def download(server, path):
            seconds, _ = timed(["curl", "-s", "-o", "/dev/null", "-w", "%{size_download}", url(server, path)])
            return size / MIB / seconds

        if "retr-disk" in rows:
            f = interleaved(args.reps, [("ours", lambda: download(ours, "big.bin")),
                                        ("theirs", lambda: download(theirs, "big.bin"))])
            lines.append(row("RETR %d MiB from the disk (page cache), curl, MiB/s" % args.size_mib, "MiB/s", f,
                             "ours", "theirs", False))
        if "stor-disk" in rows:
            source = os.path.join(disk, "big.bin")

            def upload(server):
                target = "upload/up-%d.bin" % time.monotonic_ns()
                seconds, _ = timed(["curl", "-s", "-T", source, url(server, target)])
                os.remove(os.path.join(disk, target))
                return size / MIB / seconds

            f = interleaved(args.reps, [("ours", lambda: upload(ours)), ("theirs", lambda: upload(theirs))])
            lines.append(row("STOR %d MiB to the disk, curl -T, MiB/s" % args.size_mib, "MiB/s", f, "ours", "theirs",
                             False))
        if tmpfs is not None:
            ours_t, theirs_t = ftpkit_serve(tmpfs), vsftpd(tmpfs, work)
            servers += [ours_t, theirs_t]
            f = interleaved(args.reps, [("ours", lambda: download(ours_t, "big.bin")),
                                        ("theirs", lambda: download(theirs_t, "big.bin"))])
            lines.append(row("RETR %d MiB from tmpfs (/dev/shm), curl, MiB/s" % args.size_mib, "MiB/s", f, "ours",
                             "theirs", False))
        if "startup" in rows and launcher() != [JAVA, "-jar", JAR]:
            f = interleaved(args.reps, [("ours", lambda: timed(launcher() + ["version"])[0]),
                                        ("theirs", lambda: timed([JAVA, "-jar", JAR, "version"])[0])])
            lines.append(row("`ftpkit version` through the launcher (class-data archive) vs `java -jar`, time", "s",
                             f, "ours", "theirs", True))
        if "get" in rows:
            local = os.path.join(work, "got.bin")

            def get_ftpkit():
                seconds, _ = timed(launcher() + ["get", url(theirs, "big.bin"), local], out_file=local)
                os.remove(local)
                return size / MIB / seconds

            def get_curl():
                seconds, _ = timed(["curl", "-s", "-o", local, url(theirs, "big.bin")], out_file=local)
                os.remove(local)
                return size / MIB / seconds

            f = interleaved(args.reps, [("ours", get_ftpkit), ("theirs", get_curl)])
            lines.append(row("`ftpkit get` vs `curl -o`, %d MiB from vsftpd to the disk, whole process, MiB/s"
                             % args.size_mib, "MiB/s", f, "ours", "theirs", False))
        if "first" in rows:
            def first(start):
                server = start()
                try:
                    return download(server, "big.bin")
                finally:
                    server.stop()

            f = interleaved(args.reps, [("ours", lambda: first(lambda: ftpkit_serve(disk))),
                                        ("theirs", lambda: first(lambda: vsftpd(disk, work)))])
            lines.append(row("first RETR %d MiB after the server started, curl, MiB/s" % args.size_mib, "MiB/s", f,
                             "ours", "theirs", False))
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(disk, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
        if tmpfs:
            shutil.rmtree(tmpfs, ignore_errors=True)
    print("\n%d interleaved repetitions after one warm-up; load average at the end: %s" % (
        args.reps, " ".join(open("/proc/loadavg").read().split()[:3])))


if __name__ == "__main__":
    sys.exit(main())
