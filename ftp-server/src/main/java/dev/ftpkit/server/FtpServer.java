package dev.ftpkit.server;

import dev.ftpkit.server.internal.ServerConfig;
import dev.ftpkit.server.internal.ServerRuntime;
import dev.ftpkit.server.internal.TlsConfig;
import dev.ftpkit.server.internal.jfr.JfrListener;

import javax.net.ssl.SSLContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * An embeddable FTP server. Build it with {@link #builder()}, {@link #start()} it, and {@link #close()} it:
 *
 * <pre>{@code
 * try (FtpServer server = FtpServer.builder()
 *         .root(Path.of("/srv/ftp"))
 *         .authenticator(InMemoryUsers.builder().user("alice", "secret").build())
 *         .port(0)
 *         .build()
 *         .start()) {
 *     System.out.println("listening on port " + server.port());
 *     ...
 * }
 * }</pre>
 */
public final class FtpServer implements AutoCloseable {

    private final ServerRuntime runtime;

    private FtpServer(ServerConfig config) {
        this.runtime = new ServerRuntime(config);
    }

    /**
     * Starts a configuration with secure defaults: loopback only, port 2121, nobody may log in, passive on
     * with kernel-chosen ports, active on (only to the client's own address, ports 1024 and up).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds the listener and starts accepting sessions.
     *
     * @return this server
     * @throws IOException           if the address cannot be bound
     * @throws IllegalStateException if already started
     */
    public FtpServer start() throws IOException {
        runtime.start();
        return this;
    }

    /**
     * The bound port (the real one when built with port 0).
     *
     * @return the port
     * @throws IllegalStateException if not started
     */
    public int port() {
        return runtime.localAddress().getPort();
    }

    /**
     * The bound address and port.
     *
     * @return the socket address
     * @throws IllegalStateException if not started
     */
    public InetSocketAddress address() {
        return runtime.localAddress();
    }

    /**
     * The bound port of the implicit-TLS listener ({@link Builder#implicitTlsPort(int)}).
     *
     * @return the port
     * @throws IllegalStateException if not started or no implicit listener is configured
     */
    public int implicitTlsPort() {
        return runtime.implicitTlsAddress().getPort();
    }

    /**
     * How many sessions are connected now.
     *
     * @return the count
     */
    public int sessionCount() {
        return runtime.sessionCount();
    }

    /**
     * Snapshots of the connected sessions (client, user, command, transfer progress), oldest first.
     *
     * @return an immutable list, empty when none is connected
     */
    public List<SessionInfo> sessions() {
        return runtime.sessions();
    }

    /**
     * Closes one session politely: {@code 421} at once, or while a transfer runs, {@code 426} for the transfer and
     * then {@code 421}.
     *
     * @param id the id from {@link SessionInfo#id()} (or {@link FtpSession#id()})
     * @return false if no session with that id is connected
     */
    public boolean closeSession(String id) {
        return runtime.closeSession(id);
    }

    /**
     * Stops accepting, sends {@code 421} to idle sessions and closes them, lets running transfers finish until
     * the deadline, then closes whatever is left. Returns when every session ended.
     *
     * @param deadline how long transfers may still run
     */
    public void shutdown(Duration deadline) {
        runtime.shutdown(deadline);
    }

    /** Shuts down without waiting for transfers ({@link #shutdown(Duration)} with a zero deadline). */
    @Override
    public void close() {
        runtime.shutdown(Duration.ZERO);
    }

    /** Collects and validates the configuration; {@link #build()} fails naming the first bad option. */
    public static final class Builder {
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port = 2121;
        private Path root;
        private Authenticator authenticator = Authenticator.denyAll();
        private final Map<String, VirtualHost> virtualHosts = new LinkedHashMap<>();
        private CommandRegistry commands = CommandRegistry.standard();
        private ServerListener listener = ServerListener.NONE;
        private ThreadFactory threadFactory;
        private ThreadFactory transferThreadFactory;
        private String greeting = "ftpkit ready";
        private int maxSessions = 500;
        private int maxSessionsPerAddress = 100;
        private Duration idleTimeout = Duration.ofSeconds(300);
        private Duration lineTimeout = Duration.ofSeconds(30);
        private Duration dataTimeout = Duration.ofSeconds(60);
        private int maxLineBytes = 4096;
        private Duration loginFailureDelay = Duration.ofSeconds(1);
        private int maxLoginFailures = 3;
        private boolean passiveEnabled = true;
        private int passiveMinPort;
        private int passiveMaxPort;
        private Function<FtpSession, InetAddress> passiveAddress;
        private IntUnaryOperator passivePortMapping = IntUnaryOperator.identity();
        private boolean passivePromiscuous;
        private boolean activeEnabled = true;
        private boolean atomicUploads = true;
        private boolean syncUploads;
        private SSLContext tlsContext;
        private List<String> tlsProtocols = List.of("TLSv1.2");
        private boolean tlsRequiredForLogin;
        private boolean tlsRequiredForData;
        private boolean tlsSessionReuseRequired = true;
        private boolean cccEnabled;
        private int implicitTlsPort = -1;

        private Builder() {
        }

        /**
         * The address to listen on (default loopback). Use {@code 0.0.0.0} or {@code ::} for every interface.
         *
         * @param address the address
         * @return this builder
         */
        public Builder host(InetAddress address) {
            this.bindAddress = Objects.requireNonNull(address, "host");
            return this;
        }

        /**
         * The address to listen on, as an IP literal or host name.
         *
         * @param host e.g. {@code "127.0.0.1"} or {@code "::1"}
         * @return this builder
         * @throws IllegalArgumentException if the name does not resolve
         */
        public Builder host(String host) {
            try {
                return host(InetAddress.getByName(Objects.requireNonNull(host, "host")));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("host: unknown host " + host, e);
            }
        }

        /**
         * The control port; 0 lets the kernel pick one ({@link FtpServer#port()} tells which).
         *
         * @param port 0..65535 (checked at build)
         * @return this builder
         */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * The root directory of the default host: any {@link Path}, of the default file system, a zip file
         * system or an in-memory one. Required.
         *
         * @param root an existing directory
         * @return this builder
         */
        public Builder root(Path root) {
            this.root = root;
            return this;
        }

        /**
         * Who may log in on the default host (default: nobody).
         *
         * @param authenticator the authenticator
         * @return this builder
         */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
            return this;
        }

        /**
         * Adds a virtual host for {@code HOST} (RFC 7151).
         *
         * @param host the host
         * @return this builder
         */
        public Builder virtualHost(VirtualHost host) {
            virtualHosts.put(host.name().toLowerCase(Locale.ROOT), host);
            return this;
        }

        /**
         * Replaces the command table (default {@link CommandRegistry#standard()}); it is copied here, so later
         * changes to {@code registry} do not reach this builder.
         *
         * @param registry the table
         * @return this builder
         */
        public Builder commands(CommandRegistry registry) {
            this.commands = Objects.requireNonNull(registry, "commands").copy();
            return this;
        }

        /**
         * Adds or replaces one verb in the command table.
         *
         * @param verb       the verb
         * @param descriptor the handler and flags
         * @return this builder
         */
        public Builder command(String verb, CommandDescriptor descriptor) {
            commands.register(verb, descriptor);
            return this;
        }

        /**
         * Adds or replaces one SITE subcommand.
         *
         * @param name       the subcommand
         * @param descriptor the handler and flags
         * @return this builder
         */
        public Builder siteCommand(String name, CommandDescriptor descriptor) {
            commands.registerSite(name, descriptor);
            return this;
        }

        /**
         * Observes session events (default {@link ServerListener#NONE}).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(ServerListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Where session threads come from (default: daemon platform threads; see
         * {@link SessionThreads#virtualIfAvailable(String)}), and transfer threads too unless
         * {@link #transferThreadFactory(ThreadFactory)} names another factory.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder threadFactory(ThreadFactory factory) {
            this.threadFactory = Objects.requireNonNull(factory, "threadFactory");
            return this;
        }

        /**
         * Where the threads that run data transfers (RETR, STOR, APPE, STOU, LIST, NLST, MLSD) come from; default:
         * the {@link #threadFactory(ThreadFactory)}. A listing of a large directory (thousands of entries) also
         * reads the entries' attributes on up to three extra short-lived threads from it, one per core, because
         * each entry costs a system call. Sessions spend
         * their life waiting for commands, where virtual threads are cheapest; a bulk transfer is a tight loop
         * of socket and file calls, where a platform thread blocks in the kernel directly instead of parking
         * through the JDK's poller. Measured on loopback with 1 GiB uploads from curl, platform transfer threads
         * used about a fifth less CPU per GiB than virtual ones at the same throughput, so {@code ftpkit serve}
         * pairs virtual session threads with {@link SessionThreads#platform(String) platform} transfer threads.
         *
         * @param factory the factory
         * @return this builder
         */
        public Builder transferThreadFactory(ThreadFactory factory) {
            this.transferThreadFactory = Objects.requireNonNull(factory, "transferThreadFactory");
            return this;
        }

        /**
         * The text of the 220 greeting.
         *
         * @param text one line
         * @return this builder
         */
        public Builder greeting(String text) {
            this.greeting = Objects.requireNonNull(text, "greeting");
            return this;
        }

        /**
         * The most sessions at once (default 500); more get {@code 421}.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxSessions(int max) {
            this.maxSessions = max;
            return this;
        }

        /**
         * The most sessions at once from one client address (default 100); more get {@code 421}.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxSessionsPerAddress(int max) {
            this.maxSessionsPerAddress = max;
            return this;
        }

        /**
         * How long a session may wait for a command before it is closed with {@code 421} (default 300 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * How long one command line may take to arrive once its first byte came (default 30 s): a client that
         * trickles bytes is closed even though each byte would reset an idle timer.
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder lineTimeout(Duration timeout) {
            this.lineTimeout = timeout;
            return this;
        }

        /**
         * How long to wait for a data connection to open and for each read or write on it (default 60 s).
         *
         * @param timeout positive
         * @return this builder
         */
        public Builder dataTimeout(Duration timeout) {
            this.dataTimeout = timeout;
            return this;
        }

        /**
         * The longest command line in bytes (default 4096, like vsftpd); longer lines get {@code 500}.
         *
         * @param bytes at least 64
         * @return this builder
         */
        public Builder maxLineBytes(int bytes) {
            this.maxLineBytes = bytes;
            return this;
        }

        /**
         * How long to wait before answering a failed login (default 1 s).
         *
         * @param delay zero or positive
         * @return this builder
         */
        public Builder loginFailureDelay(Duration delay) {
            this.loginFailureDelay = delay;
            return this;
        }

        /**
         * After how many failed logins the connection is closed (default 3).
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxLoginFailures(int max) {
            this.maxLoginFailures = max;
            return this;
        }

        /**
         * Whether PASV and EPSV are allowed (vsftpd's {@code pasv_enable}, default on).
         *
         * @param enabled true to allow
         * @return this builder
         */
        public Builder passiveEnabled(boolean enabled) {
            this.passiveEnabled = enabled;
            return this;
        }

        /**
         * The passive port range (vsftpd's {@code pasv_min_port}/{@code pasv_max_port}); without it the kernel
         * picks ephemeral ports. Ports are leased per data connection; an exhausted range gives {@code 425}.
         *
         * @param min the lowest port, 1..65535
         * @param max the highest port, at least min
         * @return this builder
         */
        public Builder passivePorts(int min, int max) {
            this.passiveMinPort = min;
            this.passiveMaxPort = max;
            return this;
        }

        /**
         * The address advertised in 227 replies (vsftpd's {@code pasv_address}), e.g. a NAT's public address.
         * By default the server's end of the control connection is advertised.
         *
         * @param address the address (IPv4 for PASV)
         * @return this builder
         */
        public Builder passiveAddress(InetAddress address) {
            Objects.requireNonNull(address, "passiveAddress");
            this.passiveAddress = session -> address;
            return this;
        }

        /**
         * The address advertised in 227 replies, chosen per session (e.g. the public address for outside
         * clients and the LAN address for inside ones).
         *
         * @param chooser gets the session, returns the address to advertise
         * @return this builder
         */
        public Builder passiveAddress(Function<FtpSession, InetAddress> chooser) {
            this.passiveAddress = Objects.requireNonNull(chooser, "passiveAddress");
            return this;
        }

        /**
         * Maps a listening passive port to the port advertised in 227/229 replies, for port forwarding where
         * the outside port differs (default: the same port).
         *
         * @param mapping listening port to advertised port
         * @return this builder
         */
        public Builder passivePortMapping(IntUnaryOperator mapping) {
            this.passivePortMapping = Objects.requireNonNull(mapping, "passivePortMapping");
            return this;
        }

        /**
         * Whether a passive data connection may come from another address than the control connection's
         * (vsftpd's {@code pasv_promiscuous}, default off).
         *
         * @param promiscuous true to allow any address
         * @return this builder
         */
        public Builder passivePromiscuous(boolean promiscuous) {
            this.passivePromiscuous = promiscuous;
            return this;
        }

        /**
         * Whether PORT and EPRT are allowed (vsftpd's {@code port_enable}, default on). They are only ever
         * accepted to the client's own address and ports 1024 and up.
         *
         * @param enabled true to allow
         * @return this builder
         */
        public Builder activeEnabled(boolean enabled) {
            this.activeEnabled = enabled;
            return this;
        }

        /**
         * Whether STOR writes to a temporary file in the same directory and renames it onto the target only
         * after the data connection closed cleanly (default on). APPE and REST+STOR always write in place.
         *
         * @param atomic true for atomic uploads
         * @return this builder
         */
        public Builder atomicUploads(boolean atomic) {
            this.atomicUploads = atomic;
            return this;
        }

        /**
         * Whether an upload is forced to storage (fsync) before 226 is sent (default off).
         *
         * @param sync true to sync
         * @return this builder
         */
        public Builder syncUploads(boolean sync) {
            this.syncUploads = sync;
            return this;
        }

        /**
         * Enables FTPS (RFC 4217) with this server key and certificate: {@code AUTH TLS} upgrades the control
         * connection, {@code PBSZ 0} and {@code PROT P} protect data connections, and FEAT lists them. Without it
         * the server is plain FTP and refuses AUTH with 502. See {@link TlsContexts#fromPkcs12(Path, char[])}.
         *
         * @param context a context with a key manager
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            this.tlsContext = Objects.requireNonNull(context, "tls");
            return this;
        }

        /**
         * The TLS versions offered (default {@code TLSv1.2} only). TLS 1.3 works, but on a resumed data connection
         * JSSE sends a NewSessionTicket that uploading clients never read (curl 7.88, lftp with GnuTLS): they close
         * with unread data, their kernel resets the connection, the end of the upload is lost and the server
         * reports 426. Enable it with {@code tlsProtocols("TLSv1.3", "TLSv1.2")} for clients that read it.
         *
         * @param protocols JSSE protocol names, e.g. {@code "TLSv1.2"}; each must be supported by the context
         * @return this builder
         */
        public Builder tlsProtocols(String... protocols) {
            this.tlsProtocols = List.copyOf(Arrays.asList(protocols));
            return this;
        }

        /**
         * Whether USER and PASS are refused with {@code 530} until the control connection is protected (vsftpd's
         * {@code force_local_logins_ssl}, default off), so no password ever crosses the network in clear. It
         * applies to every login, the anonymous one included. Needs {@link #tls(SSLContext)}.
         *
         * @param required true to require TLS before login
         * @return this builder
         */
        public Builder tlsRequiredForLogin(boolean required) {
            this.tlsRequiredForLogin = required;
            return this;
        }

        /**
         * Whether transfers are refused with {@code 522 Data connections must be encrypted.} unless {@code PROT P}
         * is in effect (vsftpd's {@code force_local_data_ssl}, default off). Needs {@link #tls(SSLContext)}.
         *
         * @param required true to require protected data connections
         * @return this builder
         */
        public Builder tlsRequiredForData(boolean required) {
            this.tlsRequiredForData = required;
            return this;
        }

        /**
         * Whether a protected data connection must resume the TLS session of its control connection (vsftpd's
         * {@code require_ssl_reuse}, default on). A data connection with any other session gets
         * {@code 522 SSL connection failed: session reuse required}: whoever connects to the data port first
         * cannot take the transfer without the control connection's secrets. Clients that never resume (Python's
         * {@code ftplib}) need it off.
         *
         * @param required true to require session reuse
         * @return this builder
         */
        public Builder tlsSessionReuseRequired(boolean required) {
            this.tlsSessionReuseRequired = required;
            return this;
        }

        /**
         * Whether CCC (RFC 4217 §12.3) may return the control connection to plaintext after login, e.g. for NAT
         * helpers that read PORT commands (default off: CCC gets {@code 534}). Needs {@link #tls(SSLContext)}.
         *
         * @param enabled true to allow CCC
         * @return this builder
         */
        public Builder cccEnabled(boolean enabled) {
            this.cccEnabled = enabled;
            return this;
        }

        /**
         * Adds a second listener, on the same address, where TLS starts at once, before the greeting (implicit
         * FTPS, {@code ftps://}, traditionally port 990); its sessions start with {@code PROT P}. Needs
         * {@link #tls(SSLContext)}. {@link FtpServer#implicitTlsPort()} tells the bound port.
         *
         * @param port 0..65535, 0 for a kernel-chosen port
         * @return this builder
         */
        public Builder implicitTlsPort(int port) {
            this.implicitTlsPort = port;
            return this;
        }

        /**
         * Validates the options and creates the server (not yet started).
         *
         * @return the server
         * @throws IllegalArgumentException naming the first bad option
         */
        public FtpServer build() {
            require(port >= 0 && port <= 65535, "port must be 0..65535: " + port);
            require(root != null, "root is required");
            require(Files.isDirectory(root), "root is not a directory: " + root);
            require(maxSessions >= 1, "maxSessions must be at least 1: " + maxSessions);
            require(maxSessionsPerAddress >= 1, "maxSessionsPerAddress must be at least 1: " + maxSessionsPerAddress);
            requirePositive(idleTimeout, "idleTimeout");
            requirePositive(lineTimeout, "lineTimeout");
            requirePositive(dataTimeout, "dataTimeout");
            require(maxLineBytes >= 64, "maxLineBytes must be at least 64: " + maxLineBytes);
            require(loginFailureDelay != null && !loginFailureDelay.isNegative(),
                    "loginFailureDelay must not be negative: " + loginFailureDelay);
            require(maxLoginFailures >= 1, "maxLoginFailures must be at least 1: " + maxLoginFailures);
            if (passiveMinPort != 0 || passiveMaxPort != 0) {
                require(passiveMinPort >= 1 && passiveMinPort <= 65535,
                        "passivePorts: min must be 1..65535: " + passiveMinPort);
                require(passiveMaxPort >= 1 && passiveMaxPort <= 65535,
                        "passivePorts: max must be 1..65535: " + passiveMaxPort);
                require(passiveMinPort <= passiveMaxPort,
                        "passivePorts: range is inverted: " + passiveMinPort + "-" + passiveMaxPort);
            }
            require(!greeting.isEmpty() && greeting.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0),
                    "greeting must be one non-empty line");
            Optional<TlsConfig> tls = tlsConfig();
            ThreadFactory threads = threadFactory != null ? threadFactory : SessionThreads.platform("ftpkit-session");
            ThreadFactory transferThreads = transferThreadFactory != null ? transferThreadFactory : threads;
            return new FtpServer(new ServerConfig(bindAddress, port, root, authenticator, Map.copyOf(virtualHosts),
                    commands.copy(), new JfrListener(listener), threads, transferThreads, greeting, maxSessions, maxSessionsPerAddress, idleTimeout,
                    lineTimeout, dataTimeout, maxLineBytes, loginFailureDelay, maxLoginFailures, passiveEnabled,
                    passiveMinPort, passiveMaxPort, Optional.ofNullable(passiveAddress), passivePortMapping,
                    passivePromiscuous, activeEnabled, atomicUploads, syncUploads, tls));
        }

        private Optional<TlsConfig> tlsConfig() {
            if (tlsContext == null) {
                require(!tlsRequiredForLogin, "tlsRequiredForLogin needs tls(SSLContext)");
                require(!tlsRequiredForData, "tlsRequiredForData needs tls(SSLContext)");
                require(!cccEnabled, "cccEnabled needs tls(SSLContext)");
                require(implicitTlsPort < 0, "implicitTlsPort needs tls(SSLContext)");
                return Optional.empty();
            }
            require(implicitTlsPort >= -1 && implicitTlsPort <= 65535,
                    "implicitTlsPort must be 0..65535: " + implicitTlsPort);
            require(implicitTlsPort <= 0 || implicitTlsPort != port,
                    "implicitTlsPort must differ from port: " + implicitTlsPort);
            require(!tlsProtocols.isEmpty(), "tlsProtocols must not be empty");
            List<String> supported = Arrays.asList(tlsContext.getSupportedSSLParameters().getProtocols());
            for (String protocol : tlsProtocols) {
                require(supported.contains(protocol), "tlsProtocols: " + protocol + " is not supported by the context "
                        + supported);
            }
            return Optional.of(new TlsConfig(tlsContext, tlsProtocols, tlsRequiredForLogin, tlsRequiredForData,
                    tlsSessionReuseRequired, cccEnabled, implicitTlsPort));
        }

        private static void requirePositive(Duration duration, String option) {
            require(duration != null && !duration.isNegative() && !duration.isZero(),
                    option + " must be positive: " + duration);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
