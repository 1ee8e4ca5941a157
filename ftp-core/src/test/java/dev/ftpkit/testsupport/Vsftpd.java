package dev.ftpkit.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A real vsftpd (the Debian package) on 127.0.0.1, configured by the test that starts it and stopped by
 * {@link #close()}.
 *
 * <p>The layout under the work directory: {@code root/} is the anonymous root (read-only, because vsftpd
 * refuses a writable chroot root), {@code root/upload/} is writable by anonymous users, and
 * {@code vsftpd.conf} and {@code vsftpd.log} sit beside it. vsftpd runs in the foreground as a direct child
 * of the test JVM: a shell that {@code exec}s into it while the shell has another child gets it a SIGCHLD for a
 * child it does not know, and it crashes.
 */
public final class Vsftpd implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final Path SECURE_CHROOT_DIR = Path.of("/var/run/vsftpd/empty");

    private final Process process;
    private final int port;
    private final Path root;
    private final Path log;

    private Vsftpd(Process process, int port, Path root, Path log) {
        this.process = process;
        this.port = port;
        this.root = root;
        this.log = log;
    }

    /** A builder for a vsftpd whose files live under {@code workDir} (a test's {@code @TempDir}). */
    public static Builder builder(Path workDir) {
        return new Builder(workDir);
    }

    /** The control port vsftpd listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Always {@code 127.0.0.1}. */
    public String host() {
        return "127.0.0.1";
    }

    /** The anonymous root directory (read-only for FTP users). */
    public Path root() {
        return root;
    }

    /** The directory anonymous users may write to: {@code root()/upload}. */
    public Path uploadDir() {
        return root.resolve("upload");
    }

    /** {@code ftp://127.0.0.1:PORT/} followed by {@code path} (no leading slash needed). */
    public String url(String path) {
        return "ftp://127.0.0.1:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    /** What vsftpd printed (it prints little: start-up failures mostly). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** Stops vsftpd and the session processes it forked. */
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

    /** Configures and starts a vsftpd. */
    public static final class Builder {
        private final Path workDir;
        private final Map<String, String> options = new LinkedHashMap<>();

        private Builder(Path workDir) {
            this.workDir = workDir;
            option("listen", "YES");
            option("listen_ipv6", "NO");
            option("listen_address", "127.0.0.1");
            option("background", "NO");
            option("seccomp_sandbox", "NO");
            option("secure_chroot_dir", SECURE_CHROOT_DIR.toString());
            option("xferlog_enable", "NO");
            option("dirmessage_enable", "NO");
            option("use_localtime", "NO");
            option("local_enable", "NO");
            option("anonymous_enable", "YES");
            option("write_enable", "YES");
            option("anon_upload_enable", "YES");
            option("anon_mkdir_write_enable", "YES");
            option("anon_other_write_enable", "YES");
            option("anon_umask", "022");
            option("anon_world_readable_only", "NO");
            option("pasv_enable", "YES");
            option("port_enable", "YES");
            option("connect_from_port_20", "NO");
            int low = 40_000 + ThreadLocalRandom.current().nextInt(200) * 100;
            passivePorts(low, low + 99);
        }

        /** Sets any vsftpd.conf option, e.g. {@code option("pasv_enable", "NO")}. */
        public Builder option(String name, String value) {
            options.put(name, value);
            return this;
        }

        /** The passive port range ({@code pasv_min_port}, {@code pasv_max_port}); default: 100 ports in 40000..59999. */
        public Builder passivePorts(int min, int max) {
            option("pasv_min_port", Integer.toString(min));
            return option("pasv_max_port", Integer.toString(max));
        }

        /**
         * Enables explicit FTPS for anonymous users with this certificate; vsftpd's own default
         * {@code require_ssl_reuse=YES} stays in force unless a test overrides it with {@link #option}.
         */
        public Builder tls(TestCertificates certificates) {
            option("ssl_enable", "YES");
            option("rsa_cert_file", certificates.pem().toString());
            option("allow_anon_ssl", "YES");
            option("ssl_ciphers", "HIGH");
            return option("debug_ssl", "YES");
        }

        /** Writes the configuration and the directory layout, starts vsftpd and waits for its 220 greeting. */
        public Vsftpd start() {
            Path vsftpd = Peers.require("vsftpd");
            try {
                Files.createDirectories(SECURE_CHROOT_DIR);
                Path root = Files.createDirectories(workDir.resolve("root"));
                Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
                Path upload = Files.createDirectories(root.resolve("upload"));
                Files.setPosixFilePermissions(upload, PosixFilePermissions.fromString("rwxrwxrwx"));
                option("anon_root", root.toString());
                IOException last = null;
                // The port was free when picked but another process may take it before vsftpd binds: try again.
                for (int attempt = 0; attempt < 3; attempt++) {
                    try {
                        return startOnce(vsftpd, root, FreePorts.pick(), attempt);
                    } catch (IOException e) {
                        last = e;
                    }
                }
                throw last;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Vsftpd startOnce(Path vsftpd, Path root, int port, int attempt) throws IOException {
            option("listen_port", Integer.toString(port));
            Path config = workDir.resolve("vsftpd.conf");
            String text = options.entrySet().stream()
                    .map(entry -> entry.getKey() + "=" + entry.getValue())
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(config, text, StandardCharsets.US_ASCII);
            Path log = workDir.resolve("vsftpd-" + attempt + ".log");
            Process process = new ProcessBuilder(vsftpd.toString(), config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Vsftpd server = new Vsftpd(process, port, root, log);
            // Implicit TLS greets only after a handshake: a successful TCP connect shows it is listening.
            awaitGreeting(server, process, port, "YES".equals(options.get("implicit_ssl")));
            return server;
        }

        private static void awaitGreeting(Vsftpd server, Process process, int port, boolean implicitTls)
                throws IOException {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                    if (implicitTls) {
                        return;
                    }
                    socket.setSoTimeout(5_000);
                    byte[] greeting = socket.getInputStream().readNBytes(3);
                    if (new String(greeting, StandardCharsets.US_ASCII).equals("220")) {
                        return;
                    }
                    server.close();
                    throw new IOException("vsftpd greeted with '" + new String(greeting, StandardCharsets.US_ASCII)
                            + "'; output: " + server.output());
                } catch (ConnectException notYetListening) {
                    // Waits for the process to exit (a failed start) and paces the next attempt at once.
                    try {
                        if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                            throw new IOException("vsftpd exited with " + process.exitValue() + ": " + server.output());
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        server.close();
                        throw new IOException("interrupted while starting vsftpd", e);
                    }
                }
            }
            server.close();
            throw new IOException("vsftpd did not greet within " + START_TIMEOUT + "; output: " + server.output());
        }
    }
}
