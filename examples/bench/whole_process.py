#!/usr/bin/env python3
"""Whole-process benchmark rows (issue 21): each contender is a real process started the way a user starts it
(`ftpkit serve`, vsftpd, curl, `ftpkit get`), timed from outside, with the JVM start-up included where a JVM is
started per operation. Each row runs its two contenders in interleaved repetitions (A B, B A, ...) after unrecorded
warm-up repetitions; a figure is the median of the repetitions, and a ratio is the median (min–max) of the
per-repetition ratios against the anchor measured in the same repetition.

One command gives every row (from the repository root, after `mvn -B package -DskipTests`):
    python3 examples/bench/whole_process.py
Options: --reps N (default 7), --size-mib N (default 512), --entries N (default 10000), --logins N (default 200),
--rows a,b,... (default: all, see ROWS), --quick (a smoke run: 16 MiB, 2,000 entries, 50 logins, 2 repetitions).
Sizes are chosen so that the default run stays well under 12 minutes on an idle 2-core machine: each transfer
row is 16 transfers of 512 MiB (2 contenders × (1 warm-up + 7)), about 3–4 minutes in all at the rates of issue 21's
table (not yet timed on an idle machine: the script prints its own duration). A loaded machine takes much longer:
one repetition of every row (--reps 1 --warmups 0) took 7 minutes at a load average of 45 on 2 cores.

Servers: `ftpkit serve` through the examples/target/ftpkit launcher (its class-data archive) and vsftpd, both
children of this script on 127.0.0.1 with the same tree: one on the repository's file system (page cache warm) and
one on tmpfs (/dev/shm) for the tmpfs rows; both offer explicit FTPS with one self-signed key (openssl) for the
ftps rows. vsftpd runs with a config written to a temp directory (PEERS.md's traps: read-only anonymous root, a
writable upload directory, `anon_umask=022`, foreground, no seccomp sandbox) and is stopped by its PID.
Prints a Markdown table ready to paste, with the command, the machine and the load average at start and end.
Not a test: nothing here asserts a speed.
"""
import argparse
import ftplib
import os
import platform
import shlex
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(REPO, "examples", "target", "ftpkit.jar")
LAUNCHER = os.path.join(REPO, "examples", "target", "ftpkit")
JAVA = os.environ.get("JAVA", shutil.which("java") or "java")
MIB = 1024 * 1024
ROWS = ["nlst", "list", "logins", "retr-disk", "retr-tmpfs", "stor-disk", "stor-tmpfs", "get", "put", "put-small",
        "first-retr", "first-stor", "ftps-retr", "ftps-stor", "startup", "floor", "floor-put"]
TLS_PASSWORD = "whole-process"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class ServerExited(RuntimeError):
    """A server process ended before its greeting (e.g. its port was taken after free_port found it free)."""


def await_greeting(port, process, deadline_s=180):
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        if process.poll() is not None:
            raise ServerExited("the server on port %d exited with %d" % (port, process.returncode))
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                if s.recv(3) == b"220":
                    return
        except OSError:
            pass
        time.sleep(0.01)  # polling a port: there is no event to wait on
    raise RuntimeError("no greeting on port %d" % port)


class Server:
    """A server process, a direct child of this script (vsftpd segfaults under a shell with other children)."""

    def __init__(self, name, argv, port):
        self.name, self.port = name, port
        self.process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        await_greeting(port, self.process)

    def url(self, path, scheme="ftp"):
        return "%s://127.0.0.1:%d/%s" % (scheme, self.port, path)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def launcher():
    """The packaged launcher (with its class-data archive) when there is one, else java -jar."""
    if os.access(LAUNCHER, os.X_OK):
        return [LAUNCHER]
    return [JAVA, "-jar", JAR]


def java_feature(bin_dir):
    """The feature version of the JDK whose bin directory that is (its release file's JAVA_VERSION), 0 if unknown."""
    try:
        with open(os.path.join(os.path.dirname(bin_dir), "release")) as release:
            for line in release:
                if line.startswith("JAVA_VERSION="):
                    return int(line.split("=", 1)[1].strip().strip('"').split(".")[0])
    except (OSError, ValueError):
        pass
    return 0


def on_free_port(start, attempts=3):
    """start(port) on a port that was free a moment ago; again on another if a process took it in between."""
    for attempt in range(attempts):
        try:
            return start(free_port())
        except ServerExited:
            if attempt == attempts - 1:
                raise


def ftpkit_serve(root, keys):
    return on_free_port(lambda port: Server("ftpkit serve", launcher() + [
        "serve", "--root", root, "--anonymous", "--write", "--port", str(port), "--max-sessions", "2000",
        "--max-sessions-per-ip", "2000", "--tls-keystore", keys.p12, "--tls-password", TLS_PASSWORD], port))


def vsftpd(root, work, keys):
    return on_free_port(lambda port: vsftpd_on(port, root, work, keys))


def vsftpd_on(port, root, work, keys):
    conf = os.path.join(work, "vsftpd-%d.conf" % port)
    options = {
        "listen": "YES", "listen_ipv6": "NO", "listen_address": "127.0.0.1", "listen_port": str(port),
        "background": "NO", "seccomp_sandbox": "NO", "secure_chroot_dir": "/var/run/vsftpd/empty",
        "xferlog_enable": "NO", "dirmessage_enable": "NO", "local_enable": "NO", "anonymous_enable": "YES",
        "anon_root": root, "write_enable": "YES", "anon_upload_enable": "YES",
        "anon_other_write_enable": "YES", "anon_umask": "022", "anon_world_readable_only": "NO",
        "max_clients": "2000", "max_per_ip": "2000",
        # explicit FTPS offered, not forced; curl resumes the control connection's session (require_ssl_reuse)
        "ssl_enable": "YES", "allow_anon_ssl": "YES", "force_anon_logins_ssl": "NO", "force_anon_data_ssl": "NO",
        "ssl_ciphers": "HIGH", "rsa_cert_file": keys.pem,
    }
    with open(conf, "w") as f:
        f.write("".join("%s=%s\n" % item for item in options.items()))
    os.makedirs("/var/run/vsftpd/empty", exist_ok=True)
    return Server("vsftpd", [shutil.which("vsftpd"), conf], port)


class Keys:
    """One self-signed key for both servers: a PEM (key and certificate) for vsftpd, a PKCS12 for ftpkit."""

    def __init__(self, work):
        key, cert = os.path.join(work, "key.pem"), os.path.join(work, "cert.pem")
        self.pem, self.p12 = os.path.join(work, "server.pem"), os.path.join(work, "server.p12")
        run = lambda argv: subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
             "-subj", "/CN=127.0.0.1"])
        run(["openssl", "pkcs12", "-export", "-in", cert, "-inkey", key, "-out", self.p12, "-passout",
             "pass:" + TLS_PASSWORD])
        with open(self.pem, "w") as out:
            for part in (key, cert):
                with open(part) as f:
                    out.write(f.read())
        os.chmod(self.pem, 0o600)


def timed(argv):
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (shlex.join(argv), result.returncode, result.stderr[-500:]))
    return seconds, result.stdout


def expect_size(path, size, what):
    got = os.path.getsize(path)
    if got != size:
        raise RuntimeError("%s: %s holds %d bytes, not %d" % (what, path, got, size))


def make_tree(parent, size, entries):
    """big.bin (random bytes, page cache warm), listed/ with the entries, upload/ writable by anyone."""
    root = tempfile.mkdtemp(prefix="ftpkit-whole-", dir=parent)
    os.chmod(root, 0o755)  # vsftpd refuses an anonymous root it could write to
    block = os.urandom(4 * MIB)
    with open(os.path.join(root, "big.bin"), "wb") as f:
        for _ in range(size // len(block)):
            f.write(block)
        f.write(block[:size % len(block)])
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


def interleaved(reps, warmups, ours, theirs):
    """Runs ours and theirs alternately (A B, B A, ...); returns (ours, theirs) figures of the recorded reps."""
    figures = {"ours": [], "theirs": []}
    for rep in range(warmups + reps):
        order = [("ours", ours), ("theirs", theirs)]
        for name, fn in (order if rep % 2 == 0 else order[::-1]):
            value = fn()
            if rep >= warmups:
                figures[name].append(value)
    return figures["ours"], figures["theirs"]


def table_row(label, anchor, unit, ours, theirs, lower_is_better):
    ratios = [o / a for o, a in zip(ours, theirs)]
    med = statistics.median
    fmt = "%.3f" if unit == "s" else "%.0f"
    return "| %s | %s %s | %s %s (%s) | %.2f× (%.2f–%.2f) | %s |" % (
        label, fmt % med(ours), unit, fmt % med(theirs), unit, anchor, med(ratios), min(ratios), max(ratios),
        "lower is better" if lower_is_better else "higher is better")


def machine(disk_dir):
    def first_line(argv, stream="stdout"):
        try:
            result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                    text=True, timeout=30)
            text = (result.stdout if stream == "stdout" else result.stderr).strip()
            return text.splitlines()[0] if text else "?"
        except (OSError, subprocess.TimeoutExpired):
            return "?"
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    fs = subprocess.run(["df", "--output=source,fstype", disk_dir], stdout=subprocess.PIPE, text=True).stdout \
        .splitlines()[-1].split()
    return [
        ("CPU", "%s, %d cores" % (cpu, os.cpu_count())),
        ("OS", "%s %s" % (platform.system(), platform.release())),
        ("java", first_line([JAVA, "-version"], "stderr") + " (" + JAVA + ")"),
        ("ftpkit", " ".join(launcher()) + " (launcher with class-data archive)" if launcher() == [LAUNCHER]
         else " ".join(launcher())),
        ("vsftpd", first_line(["sh", "-c", "vsftpd -v 0>&1"])),
        ("curl", first_line(["curl", "--version"])),
        ("disk rows", "%s (%s on %s), page cache warm" % (disk_dir, fs[1], fs[0])),
        ("tmpfs rows", "/dev/shm"),
    ]


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


class Bench:
    """The rows: each a method measuring one pair of contenders, returning a table line."""

    def __init__(self, args, work):
        self.args, self.work = args, work
        self.size = args.size_mib * MIB
        self.keys = Keys(work)
        self.servers, self.trees = [], []
        self.disk = self.ours = self.theirs = self._tmpfs = self._minimal_put = None

    def start(self, rows):
        if not set(rows) - {"nlst", "list", "logins", "startup", "put-small", "floor", "floor-put"}:
            self.size = 0  # no transfer row: no big file to write
        self.disk = self.tree(self.args.dir, self.args.entries)
        self.prime_server_cache(self.disk)
        self.ours, self.theirs = self.serve(self.disk)
        self.prime_client_cache()

    # A JDK that did not make the build's archive gets the launcher's own caches (FTPKIT_CDS_DIR, here in the work
    # directory). The launcher makes them from a user's first commands: a dynamic archive when the first ends (Java
    # 19-24); on Java 25 a record when the first ends and the AOT cache when the second starts. These make them
    # before any figure is taken, as a user's first two servers and client commands would; with the build's archive
    # they change nothing. A server that served nothing before it was stopped would leave a cache without the
    # classes of a transfer (then slower than none on Java 25: its first RETR ran at 0.74x vsftpd's speed).

    def prime_server_cache(self, root):
        for _ in range(2):
            server = ftpkit_serve(root, self.keys)
            try:
                self.download(server)
                self.listing(server, [])
            finally:
                server.stop()

    def prime_client_cache(self):
        for _ in range(2):
            self.into_work(lambda local: launcher() + ["get", "-q", self.theirs.url("big.bin"), local])

    def tree(self, parent, entries):
        root = make_tree(parent, self.size, entries)
        self.trees.append(root)
        return root

    def serve(self, root):
        self.servers.append(ftpkit_serve(root, self.keys))
        self.servers.append(vsftpd(root, self.work, self.keys))
        return self.servers[-2], self.servers[-1]

    def tmpfs(self):
        if self._tmpfs is None:
            root = self.tree("/dev/shm", 0)
            self._tmpfs = (root,) + self.serve(root)
        return self._tmpfs

    def close(self):
        for server in self.servers:
            server.stop()
        for root in self.trees:
            shutil.rmtree(root, ignore_errors=True)

    def pair(self, ours, theirs):
        return interleaved(self.args.reps, self.args.warmups, ours, theirs)

    # --- the measurements, one per contender ---

    def listing(self, server, flag):
        seconds, out = timed(["curl", "-s"] + flag + [server.url("listed/")])
        if out.count(b"\n") < self.args.entries:
            raise RuntimeError("short listing from %s: %d lines" % (server.name, out.count(b"\n")))
        return seconds

    def download(self, server, tls=False):
        seconds, out = timed(["curl", "-s", "-o", "/dev/null", "-w", "%{size_download}"] + self.tls(tls)
                             + [server.url("big.bin")])
        if int(float(out)) != self.size:
            raise RuntimeError("%s sent %s bytes, not %d" % (server.name, out, self.size))
        return self.size / MIB / seconds

    def upload_with(self, argv_for, root, server):
        name = "upload/up-%d.bin" % time.monotonic_ns()
        seconds, _ = timed(argv_for(server.url(name)))
        target = os.path.join(root, name)
        expect_size(target, self.size, server.name)
        os.remove(target)
        return self.size / MIB / seconds

    def upload(self, root, server, tls=False):
        source = os.path.join(root, "big.bin")
        return self.upload_with(lambda url: ["curl", "-s", "-T", source] + self.tls(tls) + [url], root, server)

    @staticmethod
    def tls(on):
        # explicit FTPS, control and data (PROT P); the key is self-signed
        return ["--ssl-reqd", "-k"] if on else []

    def logins(self, server):
        start = time.perf_counter()
        for _ in range(self.args.logins):
            ftp = ftplib.FTP()
            ftp.connect("127.0.0.1", server.port, timeout=30)
            ftp.login()  # USER anonymous, PASS anonymous@
            ftp.quit()
        return self.args.logins / (time.perf_counter() - start)

    def first(self, start, transfer):
        server = start()
        try:
            return transfer(server)
        finally:
            server.stop()

    def into_work(self, argv_for):
        local = os.path.join(self.work, "got.bin")
        seconds, _ = timed(argv_for(local))
        expect_size(local, self.size, argv_for(local)[0])
        os.remove(local)
        return self.size / MIB / seconds

    # --- the rows ---

    def row_nlst(self):
        return self.listing_row(["-l"], "NLST", "curl -l")

    def row_list(self):
        return self.listing_row([], "LIST", "curl")

    def listing_row(self, flag, command, client):
        ours, theirs = self.pair(lambda: self.listing(self.ours, flag), lambda: self.listing(self.theirs, flag))
        return table_row("%s of %d files, `%s`, time of the whole curl process" % (command, self.args.entries, client),
                         "vsftpd", "s", ours, theirs, True)

    def row_logins(self):
        ours, theirs = self.pair(lambda: self.logins(self.ours), lambda: self.logins(self.theirs))
        return table_row("anonymous logins, %d sequential (Python ftplib: connect, USER, PASS, QUIT), logins/s"
                         % self.args.logins, "vsftpd", "/s", ours, theirs, False)

    def row_retr_disk(self):
        ours, theirs = self.pair(lambda: self.download(self.ours), lambda: self.download(self.theirs))
        return table_row("RETR %d MiB, `curl` from the server, file on the disk (page cache), MiB/s" % self.mib(),
                         "vsftpd", "MiB/s", ours, theirs, False)

    def row_retr_tmpfs(self):
        _, ours_t, theirs_t = self.tmpfs()
        ours, theirs = self.pair(lambda: self.download(ours_t), lambda: self.download(theirs_t))
        return table_row("RETR %d MiB, `curl` from the server, file on tmpfs, MiB/s" % self.mib(), "vsftpd", "MiB/s",
                         ours, theirs, False)

    def row_stor_disk(self):
        ours, theirs = self.pair(lambda: self.upload(self.disk, self.ours),
                                 lambda: self.upload(self.disk, self.theirs))
        return table_row("STOR %d MiB, `curl -T` to the server, onto the disk, MiB/s" % self.mib(), "vsftpd", "MiB/s",
                         ours, theirs, False)

    def row_stor_tmpfs(self):
        root, ours_t, theirs_t = self.tmpfs()
        ours, theirs = self.pair(lambda: self.upload(root, ours_t), lambda: self.upload(root, theirs_t))
        return table_row("STOR %d MiB, `curl -T` to the server, onto tmpfs, MiB/s" % self.mib(), "vsftpd", "MiB/s",
                         ours, theirs, False)

    def row_get(self):
        url = self.theirs.url("big.bin")
        ours, theirs = self.pair(lambda: self.into_work(lambda local: launcher() + ["get", "-q", url, local]),
                                 lambda: self.into_work(lambda local: ["curl", "-s", "-o", local, url]))
        return table_row("`ftpkit get` vs `curl -o`, %d MiB from vsftpd onto the disk, whole process "
                         "(JVM start-up included), MiB/s" % self.mib(), "curl", "MiB/s", ours, theirs, False)

    def row_put(self):
        source = os.path.join(self.disk, "big.bin")
        ours, theirs = self.pair(
            lambda: self.upload_with(lambda url: self.ftpkit_put(source, url), self.disk, self.theirs),
            lambda: self.upload_with(lambda url: self.curl_put(source, url), self.disk, self.theirs))
        return table_row("`ftpkit put` vs `curl -T`, %d MiB from the disk to vsftpd, whole process "
                         "(JVM start-up included), MiB/s" % self.mib(), "curl", "MiB/s", ours, theirs, False)

    def put_small(self, argv_for):
        """One whole process uploading a one-byte file to vsftpd; its time in seconds."""
        source = os.path.join(self.work, "one-byte.bin")
        with open(source, "wb") as f:
            f.write(b"x")
        name = "upload/small-%d.bin" % time.monotonic_ns()
        argv = argv_for(source, self.theirs.url(name))
        seconds, _ = timed(argv)
        target = os.path.join(self.disk, name)
        expect_size(target, 1, argv[0])
        os.remove(target)
        return seconds

    @staticmethod
    def ftpkit_put(source, url):
        return launcher() + ["put", "-q", source, url]

    @staticmethod
    def curl_put(source, url):
        return ["curl", "-s", "-T", source, url]

    def row_put_small(self):
        ours, theirs = self.pair(lambda: self.put_small(self.ftpkit_put),
                                 lambda: self.put_small(self.curl_put))
        return table_row("`ftpkit put` vs `curl -T`, 1 byte to vsftpd, whole process: what a command costs besides "
                         "its transfer, time", "curl", "s", ours, theirs, True)

    def row_floor(self):
        ours, theirs = self.pair(lambda: timed([JAVA, "-XX:TieredStopAtLevel=1", "-version"])[0],
                                 lambda: timed(["curl", "--version"])[0])
        return table_row("start of an empty JVM (`java -version`, no application) vs `curl --version`: the floor "
                         "under any JVM command, time", "curl", "s", ours, theirs, True)

    def minimal_put(self):
        """The argv that runs MinimalPut: compiled into the work directory, with a class-data archive of its own made
        from one run, as the launcher's are (an AOT cache on Java 25 and later, a static archive before)."""
        if self._minimal_put is None:
            out = os.path.join(self.work, "minimal-put")
            os.makedirs(out, exist_ok=True)
            bin_dir = os.path.dirname(os.path.realpath(JAVA))
            subprocess.run([os.path.join(bin_dir, "javac"), "-d", out,
                            os.path.join(REPO, "examples", "bench", "MinimalPut.java")], check=True)
            jar = os.path.join(out, "minimal-put.jar")
            with zipfile.ZipFile(jar, "w") as z:
                z.write(os.path.join(out, "MinimalPut.class"), "MinimalPut.class")
            run = ["-XX:TieredStopAtLevel=1", "-cp", jar, "MinimalPut"]
            if java_feature(bin_dir) >= 25:
                cache = os.path.join(out, "minimal-put.aot")
                self.put_small(lambda source, url: [JAVA, "-XX:AOTCacheOutput=" + cache, "-Xlog:aot=off",
                                                    "-Xlog:cds=off"] + run + [source, url])
                self._minimal_put = [JAVA, "-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off"] + run
            else:
                classes = os.path.join(out, "minimal-put.classlist")
                archive = os.path.join(out, "minimal-put.jsa")
                self.put_small(lambda source, url: [JAVA, "-XX:DumpLoadedClassList=" + classes] + run + [source, url])
                subprocess.run([JAVA, "-Xshare:dump", "-XX:SharedClassListFile=" + classes,
                                "-XX:SharedArchiveFile=" + archive, "-cp", jar], check=True,
                               stdout=subprocess.DEVNULL)
                self._minimal_put = [JAVA, "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off"] + run
        return self._minimal_put

    def row_floor_put(self):
        minimal = self.minimal_put()
        ours, theirs = self.pair(lambda: self.put_small(lambda source, url: minimal + [source, url]),
                                 lambda: self.put_small(self.curl_put))
        return table_row("a JVM command that does nothing but the upload (examples/bench/MinimalPut.java: one class, "
                         "no options, no TLS; its own class-data archive, C1 only) vs `curl -T`, 1 byte to vsftpd: "
                         "the floor under `ftpkit put`, time", "curl", "s", ours, theirs, True)

    def row_first_retr(self):
        ours, theirs = self.pair(
            lambda: self.first(lambda: ftpkit_serve(self.disk, self.keys), self.download),
            lambda: self.first(lambda: vsftpd(self.disk, self.work, self.keys), self.download))
        return table_row("first RETR %d MiB (curl) of a freshly started server, from the disk, MiB/s" % self.mib(),
                         "vsftpd", "MiB/s", ours, theirs, False)

    def row_first_stor(self):
        store = lambda server: self.upload(self.disk, server)
        ours, theirs = self.pair(lambda: self.first(lambda: ftpkit_serve(self.disk, self.keys), store),
                                 lambda: self.first(lambda: vsftpd(self.disk, self.work, self.keys), store))
        return table_row("first STOR %d MiB (curl -T) to a freshly started server, onto the disk, MiB/s"
                         % self.mib(), "vsftpd", "MiB/s", ours, theirs, False)

    def row_ftps_retr(self):
        ours, theirs = self.pair(lambda: self.download(self.ours, True), lambda: self.download(self.theirs, True))
        return table_row("FTPS RETR %d MiB (`curl --ssl-reqd`, AUTH TLS, PROT P), from the disk, MiB/s"
                         % self.mib(), "vsftpd", "MiB/s", ours, theirs, False)

    def row_ftps_stor(self):
        ours, theirs = self.pair(lambda: self.upload(self.disk, self.ours, True),
                                 lambda: self.upload(self.disk, self.theirs, True))
        return table_row("FTPS STOR %d MiB (`curl --ssl-reqd -T`, AUTH TLS, PROT P), onto the disk, MiB/s"
                         % self.mib(), "vsftpd", "MiB/s", ours, theirs, False)

    def row_startup(self):
        if launcher() != [LAUNCHER]:
            return "| start-up through the launcher | no launcher in examples/target | | | |"
        ours, theirs = self.pair(
            lambda: self.put_small(self.ftpkit_put),
            lambda: self.put_small(lambda source, url: [JAVA, "-jar", JAR, "put", "-q", source, url]))
        return table_row("`ftpkit put` of 1 byte through the launcher (class-data archive, C1 only) vs the same "
                         "command with `java -jar`, time", "`java -jar`", "s", ours, theirs, True)

    def mib(self):
        return self.args.size_mib


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=7, help="recorded repetitions per row (default 7)")
    parser.add_argument("--warmups", type=int, default=1, help="unrecorded repetitions before them (default 1)")
    parser.add_argument("--size-mib", type=int, default=512, help="transfer size (default 512)")
    parser.add_argument("--entries", type=int, default=10000, help="files in the listed directory (default 10000)")
    parser.add_argument("--logins", type=int, default=200, help="sequential logins per sample (default 200)")
    parser.add_argument("--dir", default=os.path.join(REPO, "examples", "target"),
                        help="where the disk tree lives (default: examples/target, the repository's disk)")
    parser.add_argument("--rows", default=",".join(ROWS), help="comma-separated, from: " + ", ".join(ROWS))
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 16 MiB, 2,000 entries, 50 logins, 2 repetitions (sizes given win)")
    args = parser.parse_args()
    if args.quick:
        given = " ".join(sys.argv[1:])
        args.reps = args.reps if "--reps" in given else 2
        args.size_mib = args.size_mib if "--size-mib" in given else 16
        args.entries = args.entries if "--entries" in given else 2000
        args.logins = args.logins if "--logins" in given else 50
    rows = [r.strip() for r in args.rows.split(",") if r.strip()]
    unknown = [r for r in rows if r not in ROWS]
    if unknown:
        parser.error("unknown rows %s; known: %s" % (", ".join(unknown), ", ".join(ROWS)))
    command = "python3 examples/bench/whole_process.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])
    began, load_start = time.monotonic(), loadavg()
    work = tempfile.mkdtemp(prefix="ftpkit-whole-work-", dir=args.dir)
    os.chmod(work, 0o755)
    # a JDK that did not make the build's archive: the launcher's own archive, written by the warm-up repetition,
    # goes here rather than into the user's cache
    os.environ.setdefault("FTPKIT_CDS_DIR", os.path.join(work, "cds"))
    bench = None
    try:
        bench = Bench(args, work)
        bench.start(rows)
        print("Command (from the repository root, after `mvn -B package -DskipTests`):\n\n```\n%s\n```\n"
              % command.strip())
        print("| machine | |\n|---|---|")
        for key, value in machine(args.dir):
            print("| %s | %s |" % (key, value.replace("|", "/")))
        print("\n%d recorded repetitions after %d unrecorded warm-up(s), contenders interleaved (A B, B A, ...); "
              "figure = median, ratio = median (min–max) of the per-repetition ratios ftpkit ÷ anchor.\n"
              % (args.reps, args.warmups))
        print("| row | ftpkit | anchor | ratio, median (min–max) | |")
        print("|---|---|---|---|---|", flush=True)
        for name in rows:
            try:
                print(getattr(bench, "row_" + name.replace("-", "_"))(), flush=True)
            except (RuntimeError, OSError, ftplib.Error, ValueError) as e:
                print("| %s | failed: %s | | | |" % (name, str(e).replace("|", "/").replace("\n", " ")[:300]),
                      flush=True)
    finally:
        if bench is not None:
            bench.close()
        shutil.rmtree(work, ignore_errors=True)
    elapsed = time.monotonic() - began
    print("\nLoad average (1, 5, 15 min): %s at the start, %s at the end; the run took %d min %d s." % (
        load_start, loadavg(), elapsed // 60, elapsed % 60))


if __name__ == "__main__":
    sys.exit(main())
