package dev.ftpkit.testing;

import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.CommandRegistry;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TlsSettings;
import dev.ftpkit.testing.internal.memfs.MemoryFileSystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sets a {@link FtpTestServer} up: users, files, TLS, and anything else of the ftpkit server through
 * {@link #configure(Consumer)}. Each option checks its value and names itself when it refuses one.
 */
public final class FtpTestServerBuilder {

    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final List<String> directories = new ArrayList<>();
    private final List<Consumer<FtpServer.Builder>> customizations = new ArrayList<>();
    private final List<ServerListener> listeners = new ArrayList<>();
    private CommandRegistry commands = CommandRegistry.standard();
    private boolean anonymous;
    private boolean tls;
    private Path diskRoot;

    FtpTestServerBuilder() {
    }

    /**
     * Adds a user with a password, read-write at the root. Once a user is added, anonymous logins are refused
     * unless {@link #anonymous()} is also called.
     *
     * @param name     the user name
     * @param password the password
     * @return this builder
     */
    public FtpTestServerBuilder user(String name, String password) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("user name must not be blank");
        }
        users.put(name, Objects.requireNonNull(password, "password"));
        return this;
    }

    /**
     * Lets {@code anonymous} and {@code ftp} log in with any password, read-write at the root (the default when no
     * {@link #user} is added).
     *
     * @return this builder
     */
    public FtpTestServerBuilder anonymous() {
        this.anonymous = true;
        return this;
    }

    /**
     * A file that exists when the server starts; its directories are made.
     *
     * @param ftpPath an absolute path, e.g. {@code "/in/a.txt"}
     * @param content the content (UTF-8)
     * @return this builder
     */
    public FtpTestServerBuilder file(String ftpPath, String content) {
        return file(ftpPath, Objects.requireNonNull(content, "content").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A file that exists when the server starts; its directories are made.
     *
     * @param ftpPath an absolute path, e.g. {@code "/in/a.bin"}
     * @param content the content
     * @return this builder
     */
    public FtpTestServerBuilder file(String ftpPath, byte[] content) {
        files.put(absolute(ftpPath, "file"), Objects.requireNonNull(content, "content").clone());
        return this;
    }

    /**
     * A directory (and its parents) that exists when the server starts.
     *
     * @param ftpPath an absolute path, e.g. {@code "/outbox"}
     * @return this builder
     */
    public FtpTestServerBuilder directory(String ftpPath) {
        directories.add(absolute(ftpPath, "directory"));
        return this;
    }

    /**
     * Offers explicit FTPS (AUTH TLS, RFC 4217) with a certificate generated for {@code localhost} and
     * {@code 127.0.0.1}; clients get a context that trusts it from {@link FtpTestServer#clientSslContext()}.
     * Plain FTP stays allowed, and data connections need not resume the control connection's TLS session (many
     * clients do not).
     *
     * @return this builder
     */
    public FtpTestServerBuilder tls() {
        this.tls = true;
        return this;
    }

    /**
     * Serves a directory of the disk instead of the in-memory file system (file-system faults then need the
     * in-memory one).
     *
     * @param directory an existing directory
     * @return this builder
     */
    public FtpTestServerBuilder root(Path directory) {
        if (directory == null || !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("root must be an existing directory: " + directory);
        }
        this.diskRoot = directory;
        return this;
    }

    /**
     * Adds a listener of the server's events, beside the transcript.
     *
     * @param listener the listener
     * @return this builder
     */
    public FtpTestServerBuilder listener(ServerListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /**
     * Replaces the command table (default {@link CommandRegistry#standard()}), e.g. with custom verbs; faults
     * reach its commands too.
     *
     * @param registry the table (copied)
     * @return this builder
     */
    public FtpTestServerBuilder commands(CommandRegistry registry) {
        this.commands = Objects.requireNonNull(registry, "commands").copy();
        return this;
    }

    /**
     * Changes anything else of the ftpkit server (timeouts, passive ports, hooks, listeners, commands), after this
     * builder's own settings. The host, the port, the root, the listener and the command table stay the test
     * server's: use {@link #listener} and {@link #commands} for the last two.
     *
     * @param customization gets the server's builder
     * @return this builder
     */
    public FtpTestServerBuilder configure(Consumer<FtpServer.Builder> customization) {
        customizations.add(Objects.requireNonNull(customization, "customization"));
        return this;
    }

    /**
     * Builds and starts the server.
     *
     * @return the running server
     * @throws IOException if it cannot listen or the files cannot be made
     */
    public FtpTestServer start() throws IOException {
        FileSystem memory = diskRoot == null ? MemoryFileSystem.create() : null;
        Path root = diskRoot != null ? diskRoot : memory.getPath("/");
        for (String directory : directories) {
            Files.createDirectories(root.resolve(directory.substring(1)));
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = root.resolve(file.getKey().substring(1));
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
        Transcript transcript = new Transcript();
        FaultPlan faults = new FaultPlan();
        TestCertificate certificate = tls ? TestCertificate.generate() : null;
        FtpServer.Builder server = FtpServer.builder()
                .authenticator(authenticator())
                .loginFailureDelay(Duration.ZERO);
        if (certificate != null) {
            // no TLS session reuse demanded on data connections: Commons Net's FTPSClient and Python's ftplib do
            // not resume sessions, and a test fixture serves every client (configure() can demand it)
            server.tls(TlsSettings.builder(certificate.serverContext()).sessionReuseRequired(false).build());
        }
        customizations.forEach(c -> c.accept(server));
        List<ServerListener> all = new ArrayList<>(List.of(transcript.recorder(), faults));
        all.addAll(listeners);
        FtpServer built = server.host("127.0.0.1").port(0).root(root)
                .listener(ServerListener.all(all.toArray(ServerListener[]::new)))
                .commands(faults.wrap(commands))
                .build();
        try {
            built.start();
        } catch (IOException | RuntimeException e) {
            if (memory != null) {
                memory.close();
            }
            throw e;
        }
        return new FtpTestServer(built, root, memory, transcript, faults, certificate);
    }

    private Authenticator authenticator() {
        Authenticator anonymousLogins = Authenticator.anonymous(Permission.readWrite());
        if (users.isEmpty()) {
            return anonymousLogins;
        }
        InMemoryUsers.Builder accounts = InMemoryUsers.builder().iterations(1); // a test needs no slow hashing
        users.forEach(accounts::user);
        return anonymous ? accounts.build().orElse(anonymousLogins) : accounts.build();
    }

    private static String absolute(String ftpPath, String option) {
        if (ftpPath == null || !ftpPath.startsWith("/") || ftpPath.length() < 2) {
            throw new IllegalArgumentException(option + " needs an absolute FTP path below /: " + ftpPath);
        }
        return ftpPath;
    }
}
