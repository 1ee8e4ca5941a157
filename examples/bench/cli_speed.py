#!/usr/bin/env python3
"""The command line's and a fresh server's speed (issue 21, items 2 and 3), whole process, against curl and vsftpd.

Rows: get (`ftpkit get` vs `curl -o`, both from vsftpd to the disk), put (`ftpkit put` vs `curl -T`, both to
vsftpd), first-retr and first-stor (curl's first RETR/STOR against a freshly started `ftpkit serve` vs a freshly
started vsftpd). Interleaved repetitions, medians, per-repetition ratios (whole_process.py's helpers).

Usage (from the repository root, after `mvn -B package -DskipTests`):
    python3 examples/bench/cli_speed.py [--reps 7] [--size-mib 512] [--rows get,put,first-retr,first-stor]
Takes about 2-4 minutes with the defaults. Not a test: nothing here asserts a speed.
"""
import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import whole_process as wp  # noqa: E402  (the sibling script's helpers: servers, timing, rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--size-mib", type=int, default=512)
    parser.add_argument("--dir", default=os.path.join(wp.REPO, "examples", "target"))
    parser.add_argument("--rows", default="get,put,first-retr,first-stor")
    args = parser.parse_args()
    rows = args.rows.split(",")
    size = args.size_mib * wp.MIB
    work = tempfile.mkdtemp(prefix="ftpkit-cli-work-", dir=args.dir)
    disk = wp.make_tree(args.dir, size, 0)
    source = os.path.join(disk, "big.bin")
    lines = wp.Rows()
    servers = []
    try:
        theirs = wp.vsftpd(disk, work)
        servers.append(theirs)
        url = lambda s, path: "ftp://127.0.0.1:%d/%s" % (s.port, path)
        mib_s = lambda seconds: size / wp.MIB / seconds
        if "get" in rows:
            local = os.path.join(work, "got.bin")

            def get(argv):
                def run():
                    seconds, _ = wp.timed(argv, out_file=local)
                    if os.path.getsize(local) != size:
                        raise RuntimeError("%s got %d bytes" % (argv[0], os.path.getsize(local)))
                    os.remove(local)
                    return mib_s(seconds)
                return run

            f = wp.interleaved(args.reps, [
                ("ours", get(wp.launcher() + ["get", url(theirs, "big.bin"), local])),
                ("theirs", get(["curl", "-s", "-o", local, url(theirs, "big.bin")]))])
            lines.append(wp.row("`ftpkit get` vs `curl -o`, %d MiB from vsftpd to the disk, whole process, MiB/s"
                                % args.size_mib, "MiB/s", f, "ours", "theirs", False))
        if "put" in rows:
            def put(argv_for):
                def run():
                    target = "upload/up-%d.bin" % time.monotonic_ns()
                    seconds, _ = wp.timed(argv_for(url(theirs, target)))
                    if os.path.getsize(os.path.join(disk, target)) != size:
                        raise RuntimeError("short upload")
                    os.remove(os.path.join(disk, target))
                    return mib_s(seconds)
                return run

            f = wp.interleaved(args.reps, [
                ("ours", put(lambda u: wp.launcher() + ["put", source, u])),
                ("theirs", put(lambda u: ["curl", "-s", "-T", source, u]))])
            lines.append(wp.row("`ftpkit put` vs `curl -T`, %d MiB from the disk to vsftpd, whole process, MiB/s"
                                % args.size_mib, "MiB/s", f, "ours", "theirs", False))

        def first(start, transfer):
            server = start()
            try:
                return transfer(server)
            finally:
                server.stop()

        def retr(server):
            seconds, _ = wp.timed(["curl", "-s", "-o", "/dev/null", url(server, "big.bin")])
            return mib_s(seconds)

        def stor(server):
            target = "upload/first-%d.bin" % time.monotonic_ns()
            seconds, _ = wp.timed(["curl", "-s", "-T", source, url(server, target)])
            os.remove(os.path.join(disk, target))
            return mib_s(seconds)

        for name, transfer, title in (("first-retr", retr, "RETR"), ("first-stor", stor, "STOR")):
            if name in rows:
                f = wp.interleaved(args.reps, [
                    ("ours", lambda: first(lambda: wp.ftpkit_serve(disk, write=True), transfer)),
                    ("theirs", lambda: first(lambda: wp.vsftpd(disk, work), transfer))])
                lines.append(wp.row("first %s %d MiB after the server started, curl, MiB/s" % (title, args.size_mib),
                                    "MiB/s", f, "ours", "theirs", False))
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(disk, ignore_errors=True)
        shutil.rmtree(work, ignore_errors=True)
    print("\n%d interleaved repetitions after one warm-up; load average at the end: %s" % (
        args.reps, " ".join(open("/proc/loadavg").read().split()[:3])))


if __name__ == "__main__":
    sys.exit(main())
