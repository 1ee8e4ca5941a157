package dev.ftpkit.testing;

import dev.ftpkit.server.FtpServer;
import dev.ftpkit.testing.internal.memfs.MemoryFileSystem;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A real ftpkit FTP server for tests of FTP client code (ftpkit's, Apache Commons Net's, anyone's): on 127.0.0.1
 * at a free port, files in memory by default, the users and files a test sets up, a {@link Transcript} of every
 * session, {@link Fault faults} on demand and FTPS with a generated certificate.
 *
 * <pre>{@code
 * try (FtpTestServer server = FtpTestServer.builder()
 *         .user("alice", "secret")
 *         .file("/in/report.csv", "a,b\n")
 *         .start()) {
 *     server.inject(Fault.reply(421, "Busy").atCommand(3));
 *     new MyUploader(server.host(), server.port()).upload(...);
 *     assertThat(Files.readString(server.root().resolve("out/report.csv"))).isEqualTo(...);
 *     server.transcript().awaitCommand("STOR", Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>Closing it stops the server (sessions get 421) and frees the in-memory files.
 */
public final class FtpTestServer implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final FtpServer server;
    private final Path root;
    private final FileSystem memory;
    private final Transcript transcript;
    private final FaultPlan faults;
    private final TestCertificate certificate;

    FtpTestServer(FtpServer server, Path root, FileSystem memory, Transcript transcript, FaultPlan faults,
                  TestCertificate certificate) {
        this.server = server;
        this.root = root;
        this.memory = memory;
        this.transcript = transcript;
        this.faults = faults;
        this.certificate = certificate;
    }

    /**
     * Starts the set-up of a server: anonymous logins with read-write access, in-memory files, no TLS, until told
     * otherwise.
     *
     * @return a builder
     */
    public static FtpTestServerBuilder builder() {
        return new FtpTestServerBuilder();
    }

    /**
     * A server with the defaults of {@link #builder()}, started.
     *
     * @return the running server
     * @throws IOException if it cannot listen
     */
    public static FtpTestServer start() throws IOException {
        return builder().start();
    }

    /**
     * The address clients connect to.
     *
     * @return {@code "127.0.0.1"}
     */
    public String host() {
        return HOST;
    }

    /**
     * The port the server listens on (chosen by the system).
     *
     * @return the port
     */
    public int port() {
        return server.port();
    }

    /**
     * The server as a URL, e.g. for a client configured by URL.
     *
     * @return e.g. {@code "ftp://127.0.0.1:40123/"}
     */
    public String url() {
        return "ftp://" + HOST + ":" + port() + "/";
    }

    /**
     * The directory clients see as {@code /}: in the in-memory file system unless the builder was given a
     * directory. Set files up and check the results through it with {@link Files}.
     *
     * @return the root path
     */
    public Path root() {
        return root;
    }

    /**
     * The record of every session so far.
     *
     * @return the live transcript
     */
    public Transcript transcript() {
        return transcript;
    }

    /**
     * Arms a fault; several are tried in the order they were injected, and the first that matches a command strikes.
     *
     * @param fault the fault
     * @return this server
     */
    public FtpTestServer inject(Fault fault) {
        faults.inject(Objects.requireNonNull(fault, "fault"));
        return this;
    }

    /** Disarms every fault that is still armed. */
    public void clearFaults() {
        faults.clear();
    }

    /**
     * Makes the in-memory disk full after {@code bytes} more bytes of file content: a write past it fails as ENOSPC
     * does, which an upload answers with {@code 452}.
     *
     * @param bytes how many more bytes fit, at least 0
     * @return this server
     * @throws IllegalStateException if the server runs on a directory of the disk ({@link FtpTestServerBuilder#root})
     */
    public FtpTestServer diskFullAfter(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("diskFullAfter bytes must not be negative: " + bytes);
        }
        MemoryFileSystem fs = memoryFileSystem("diskFullAfter");
        fs.capacity(Math.addExact(fs.used(), bytes));
        return this;
    }

    /**
     * Refuses access to a path and everything under it (opening, listing, creating, deleting, renaming) as EACCES
     * does: the client gets {@code 550}.
     *
     * @param ftpPath an absolute path as clients see it, e.g. {@code "/private"}
     * @return this server
     * @throws IllegalStateException if the server runs on a directory of the disk ({@link FtpTestServerBuilder#root})
     */
    public FtpTestServer denyAccess(String ftpPath) {
        if (ftpPath == null || !ftpPath.startsWith("/")) {
            throw new IllegalArgumentException("denyAccess needs an absolute FTP path: " + ftpPath);
        }
        memoryFileSystem("denyAccess").deny(root.resolve(ftpPath.substring(1)));
        return this;
    }

    private MemoryFileSystem memoryFileSystem(String option) {
        if (!(memory instanceof MemoryFileSystem fs)) {
            throw new IllegalStateException(option + " needs the in-memory file system, not a root on disk");
        }
        return fs;
    }

    /**
     * The generated certificate the server presents, when built with {@link FtpTestServerBuilder#tls()}.
     *
     * @return the certificate, empty without TLS
     */
    public Optional<TestCertificate> certificate() {
        return Optional.ofNullable(certificate);
    }

    /**
     * A TLS context for a client of this server: it trusts the server's generated certificate and no other.
     *
     * @return the context
     * @throws IllegalStateException if the server was built without {@link FtpTestServerBuilder#tls()}
     */
    public SSLContext clientSslContext() {
        return certificate().orElseThrow(() -> new IllegalStateException("the server was built without tls()"))
                .clientContext();
    }

    /**
     * The ftpkit server underneath, e.g. for {@link FtpServer#sessions()}.
     *
     * @return the server
     */
    public FtpServer server() {
        return server;
    }

    /** Stops the server (open sessions get 421), ends injected stalls and frees the in-memory files. */
    @Override
    public void close() {
        faults.close();
        server.close();
        if (memory != null) {
            try {
                memory.close();
            } catch (IOException ignored) {
                // an in-memory file system closes without I/O
            }
        }
    }

    @Override
    public String toString() {
        return "FtpTestServer " + url();
    }
}
