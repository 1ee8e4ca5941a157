package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * vsftpd (the Debian package) as a child process with a configuration written here: anonymous, read-only root,
 * writable {@code upload/}, otherwise its defaults (sendfile on, privilege-separated sessions, one process pair per
 * session). It has no password account here: a local account would mean a system user and PAM.
 */
final class VsftpdServer implements BenchServer {

    static final Path SECURE_CHROOT_DIR = Path.of("/var/run/vsftpd/empty");
    private static final long START_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(15);

    /**
     * vsftpd's session processes outlive one another: one of each pair is orphaned, reparented to init and reaped
     * there, and its CPU time is lost to whoever watches vsftpd. This small wrapper makes itself a child subreaper
     * (prctl(2) PR_SET_CHILD_SUBREAPER) so the orphans come to it and their time stays in the tree that is measured.
     * vsftpd remains the direct child of the process that waits for it (it crashes on a SIGCHLD for a child it does
     * not know); the wrapper stops it on SIGTERM
     * and when its standard input closes (this JVM is gone).
     */
    private static final String REAPER = """
            import ctypes, os, signal, sys, threading
            if ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) != 0:
                sys.exit("prctl(PR_SET_CHILD_SUBREAPER) failed")
            child = os.fork()
            if child == 0:
                os.execv(sys.argv[1], sys.argv[1:])
            def stop(*ignored):
                try:
                    os.kill(child, signal.SIGTERM)
                except ProcessLookupError:
                    pass
            signal.signal(signal.SIGTERM, stop)
            def watch_parent():
                sys.stdin.buffer.read()
                stop()
            threading.Thread(target=watch_parent, daemon=True).start()
            while True:
                try:
                    done, status = os.wait()
                except ChildProcessError:
                    break
                except InterruptedError:
                    continue
                if done == child:
                    break
            """;

    private final Path executable;
    private final Optional<Path> python;
    private final Map<String, String> extraOptions;

    /**
     * @param executable vsftpd
     * @param python python3, for the subreaper wrapper; without it vsftpd's CPU time is undercounted
     */
    VsftpdServer(Path executable, Optional<Path> python) {
        this(executable, python, Map.of());
    }

    private VsftpdServer(Path executable, Optional<Path> python, Map<String, String> extraOptions) {
        this.executable = executable;
        this.python = python;
        this.extraOptions = extraOptions;
    }

    /** This server with one more vsftpd.conf option, e.g. {@code anon_max_rate}. */
    VsftpdServer withOption(String name, String value) {
        Map<String, String> options = new LinkedHashMap<>(extraOptions);
        options.put(name, value);
        return new VsftpdServer(executable, python, Map.copyOf(options));
    }

    @Override
    public String name() {
        return "vsftpd";
    }

    @Override
    public Running start(Path root, Path workDir) throws Exception {
        Files.createDirectories(SECURE_CHROOT_DIR);
        // vsftpd refuses a chroot root its session user could write to ("500 OOPS: ... writable root inside chroot()").
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        IOException last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                return startOnce(root, workDir, Ports.pickFree(), attempt);
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private Running startOnce(Path root, Path workDir, int port, int attempt) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("listen", "YES");
        options.put("listen_ipv6", "NO");
        options.put("listen_address", "127.0.0.1");
        options.put("listen_port", Integer.toString(port));
        options.put("background", "NO");
        options.put("seccomp_sandbox", "NO");
        options.put("secure_chroot_dir", SECURE_CHROOT_DIR.toString());
        options.put("xferlog_enable", "NO");
        options.put("dirmessage_enable", "NO");
        options.put("local_enable", "NO");
        options.put("anonymous_enable", "YES");
        options.put("anon_root", root.toString());
        options.put("write_enable", "YES");
        options.put("anon_upload_enable", "YES");
        options.put("anon_mkdir_write_enable", "YES");
        options.put("anon_other_write_enable", "YES");
        options.put("anon_umask", "022");
        options.put("anon_world_readable_only", "NO");
        options.put("pasv_enable", "YES");
        options.put("port_enable", "YES");
        options.put("connect_from_port_20", "NO");
        // Enough for the concurrency benchmark (its defaults cap sessions per client address).
        options.put("max_clients", "2000");
        options.put("max_per_ip", "2000");
        options.putAll(extraOptions);
        Path config = workDir.resolve("vsftpd-" + attempt + ".conf");
        Files.writeString(config, options.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n")), StandardCharsets.US_ASCII);
        Path log = workDir.resolve("vsftpd-" + attempt + ".log");
        List<String> command = new ArrayList<>();
        if (python.isPresent()) {
            Path reaper = workDir.resolve("reaper.py");
            Files.writeString(reaper, REAPER, StandardCharsets.US_ASCII);
            command.addAll(List.of(python.get().toString(), reaper.toString()));
        }
        command.addAll(List.of(executable.toString(), config.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        RunningVsftpd running = new RunningVsftpd(process, port);
        try {
            awaitGreeting(process, port, log);
            return running;
        } catch (IOException e) {
            running.close();
            throw e;
        }
    }

    private static void awaitGreeting(Process process, int port, Path log) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                socket.setSoTimeout(5_000);
                String greeting = new String(socket.getInputStream().readNBytes(3), StandardCharsets.US_ASCII);
                if (greeting.equals("220")) {
                    return;
                }
                throw new IOException("vsftpd greeted with '" + greeting + "': " + Files.readString(log));
            } catch (ConnectException notYetListening) {
                try {
                    // Waits for a failed start (the process exits) and paces the next attempt.
                    if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                        throw new IOException("vsftpd exited with " + process.exitValue() + ": " + Files.readString(log));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting vsftpd", e);
                }
            }
        }
        throw new IOException("vsftpd did not greet within 15 s: " + Files.readString(log));
    }

    private record RunningVsftpd(Process process, int port) implements Running {

        @Override
        public boolean supportsMlsd() {
            return false;
        }

        @Override
        public String passwordHashing() {
            return "";
        }

        @Override
        public boolean inProcess() {
            return false;
        }

        /** The wrapper, or vsftpd itself without python3: vsftpd's processes are this one's tree. */
        @Override
        public java.util.OptionalLong processId() {
            return java.util.OptionalLong.of(process.pid());
        }

        /** The time of the wrapper, the listener and every session process below them, finished or not (see {@link Cpu}). */
        @Override
        public long cpuNanos() throws IOException {
            return Cpu.processTreeNanos(process.pid());
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
