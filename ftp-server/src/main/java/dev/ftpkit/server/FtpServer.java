package dev.ftpkit.server;

import dev.ftpkit.core.ModeZ;
import dev.ftpkit.server.internal.OperationLimits;
import dev.ftpkit.server.internal.ServerConfig;
import dev.ftpkit.server.internal.ServerRuntime;
import dev.ftpkit.server.internal.WireOptions;
import dev.ftpkit.server.internal.jfr.JfrListener;
import dev.ftpkit.server.internal.tls.TlsConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;

import static dev.ftpkit.server.internal.OptionChecks.require;
import static dev.ftpkit.server.internal.OptionChecks.requirePositive;

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
     * The bound port of the implicit-TLS listener ({@link TlsSettings.Builder#implicitPort(int)}).
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

    /**
     * Collects the configuration; each setter checks its value and names the option when it refuses one
     * ({@link IllegalArgumentException}), and {@link #build()} checks what involves several options.
     */
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
        private PassiveSettings passive = PassiveSettings.defaults();
        private ActiveSettings active = ActiveSettings.allowed();
        private boolean atomicUploads = true;
        private boolean syncUploads;
        private TlsSettings tls;
        private ProxyProtocolSettings proxyProtocol;
        private final List<ServerHook> hooks = new ArrayList<>();
        private RateLimits rateLimits = RateLimits.NONE;
        private Quotas quotas = Quotas.NONE;
        private DefenderSettings defender = DefenderSettings.DEFAULTS;
        private OptionalInt modeZLevel = OptionalInt.empty();
        private Charset controlEncoding;

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
         * @param port 0..65535
         * @return this builder
         */
        public Builder port(int port) {
            require(port >= 0 && port <= 65535, "port must be 0..65535: " + port);
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
            require(root != null && Files.isDirectory(root), "root is not a directory: " + root);
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
         * each entry costs a system call. {@code ftpkit serve} takes both kinds of thread from
         * {@link SessionThreads#virtualIfAvailable(String)}. Measured on loopback (Java 25, 2 cores,
         * {@code bench --only server} run twice back to back, 1 GiB to and from curl): with virtual transfer threads
         * downloads took 2.2 times the server process's CPU per GiB of {@link SessionThreads#platform(String)
         * platform} ones, but the machine's CPU per GiB (every core, the kernel's network work included, which
         * loopback charges to whichever process runs) was a quarter lower and the rate 1.3 times as high; uploads
         * took a sixth less of both at 1.2 times the rate. With a thousand sessions each moving twenty files of
         * 64 KiB (BENCHMARKS.md table 7b's benchmark, run twice), virtual transfer threads used 0.8 times vsftpd's
         * CPU per GiB and platform ones 1.8 times (a new platform thread per file), and moved 1.85 times vsftpd's
         * bytes per second against 0.99 times; with platform ones, the few carrier threads of the virtual session
         * threads competed with hundreds of transfer threads for the cores, and the 99th percentile login took
         * more than three times vsftpd's.
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
            Objects.requireNonNull(text, "greeting");
            require(!text.isEmpty() && text.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0),
                    "greeting must be one non-empty line");
            this.greeting = text;
            return this;
        }

        /**
         * The most sessions at once (default 500); more get {@code 421}.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxSessions(int max) {
            require(max >= 1, "maxSessions must be at least 1: " + max);
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
            require(max >= 1, "maxSessionsPerAddress must be at least 1: " + max);
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
            requirePositive(timeout, "idleTimeout");
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
            requirePositive(timeout, "lineTimeout");
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
            requirePositive(timeout, "dataTimeout");
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
            require(bytes >= 64, "maxLineBytes must be at least 64: " + bytes);
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
            require(delay != null && !delay.isNegative(), "loginFailureDelay must not be negative: " + delay);
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
            require(max >= 1, "maxLoginFailures must be at least 1: " + max);
            this.maxLoginFailures = max;
            return this;
        }

        /**
         * Passive data connections (PASV, EPSV): on or off, port range, advertised address, port mapping,
         * promiscuity (default {@link PassiveSettings#defaults()}: on, kernel-chosen ports).
         *
         * @param settings the passive settings
         * @return this builder
         */
        public Builder passive(PassiveSettings settings) {
            this.passive = Objects.requireNonNull(settings, "passive");
            return this;
        }

        /**
         * Active data connections (PORT, EPRT), only ever to the client's own address and ports 1024 and up
         * (default {@link ActiveSettings#allowed()}).
         *
         * @param settings the active settings
         * @return this builder
         */
        public Builder active(ActiveSettings settings) {
            this.active = Objects.requireNonNull(settings, "active");
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
         * Enables FTPS (RFC 4217): {@code AUTH TLS} upgrades the control connection, {@code PBSZ 0} and
         * {@code PROT P} protect data connections, and FEAT lists them; optionally an implicit-TLS listener.
         * Without it the server is plain FTP and refuses AUTH with 502.
         *
         * @param settings the TLS settings, e.g. {@code TlsSettings.of(ServerTlsContexts.fromPkcs12(file, pw))}
         * @return this builder
         */
        public Builder tls(TlsSettings settings) {
            this.tls = Objects.requireNonNull(settings, "tls");
            return this;
        }

        /**
         * Puts the server behind a load balancer that speaks the PROXY protocol (v1 or v2): every control
         * connection must come from a trusted proxy and begin with a header, whose client address then stands for
         * the connection everywhere (limits, throttle, logs, events, the PORT/EPRT and passive address checks).
         * Off by default.
         *
         * @param settings trusted proxies and the header deadline, e.g. {@link ProxyProtocolSettings#defaults()}
         * @return this builder
         */
        public Builder proxyProtocol(ProxyProtocolSettings settings) {
            this.proxyProtocol = Objects.requireNonNull(settings, "proxyProtocol");
            return this;
        }

        /**
         * Adds a hook that can veto logins, commands and file operations and hears about committed uploads.
         * Hooks are asked in the order they were added.
         *
         * @param hook the hook
         * @return this builder
         */
        public Builder hook(ServerHook hook) {
            hooks.add(Objects.requireNonNull(hook, "hook"));
            return this;
        }

        /**
         * Bandwidth limits per session: for every session, for anonymous ones, per account, per direction
         * (default {@link RateLimits#NONE}). Sessions without a limit are not slowed at all.
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder rateLimits(RateLimits limits) {
            this.rateLimits = Objects.requireNonNull(limits, "rateLimits");
            return this;
        }

        /**
         * Offers MODE Z, the deflate transmission mode (draft-preston-ftpext-deflate; default: not offered): FEAT
         * lists {@code MODE Z}, {@code MODE Z} deflates the data of each later transfer, listings included, at
         * this level until the client picks another with {@code OPTS MODE Z LEVEL n}. REST other than 0 is refused
         * under MODE Z ({@link dev.ftpkit.core.ModeZ}).
         *
         * @param level the compression level, 0 (store) to 9 (best)
         * @return this builder
         */
        public Builder modeZ(int level) {
            require(level >= ModeZ.MIN_LEVEL && level <= ModeZ.MAX_LEVEL, "modeZ level must be 0..9: " + level);
            this.modeZLevel = OptionalInt.of(level);
            return this;
        }

        /**
         * Storage quotas per account (default {@link Quotas#NONE}): an upload that would pass one gets {@code 552}
         * and leaves no file.
         *
         * @param quotas the quotas
         * @return this builder
         */
        public Builder quotas(Quotas quotas) {
            this.quotas = Objects.requireNonNull(quotas, "quotas");
            return this;
        }

        /**
         * Bans of client addresses that keep failing logins or abuse the server, and how many logins of one
         * address may wait for their password check (default {@link DefenderSettings#DEFAULTS}: no bans, 32).
         *
         * @param settings the defender's settings
         * @return this builder
         */
        public Builder defender(DefenderSettings settings) {
            this.defender = Objects.requireNonNull(settings, "defender");
            return this;
        }

        /**
         * Names on the control connection and in listings in another charset than UTF-8, for clients that send
         * ISO-8859-1, GBK, Shift_JIS or other names (default: UTF-8, RFC 2640). With it FEAT does not list
         * {@code UTF8}, and a client that sends {@code OPTS UTF8 ON} switches its own session to UTF-8. A name
         * travels as the bytes the client sent: decoded with this charset here and encoded with it again in
         * replies and listings.
         *
         * @param charset the charset; it must encode every ASCII character as one byte of the same value
         * @return this builder
         */
        public Builder controlEncoding(Charset charset) {
            Objects.requireNonNull(charset, "controlEncoding");
            require(asciiCompatible(charset), "controlEncoding must keep ASCII as single bytes: " + charset.name());
            this.controlEncoding = charset.equals(StandardCharsets.UTF_8) ? null : charset;
            return this;
        }

        private static boolean asciiCompatible(Charset charset) {
            if (!charset.canEncode()) {
                return false;
            }
            String ascii = "AZaz09 /.-_\r\n";
            return Arrays.equals(ascii.getBytes(charset), ascii.getBytes(StandardCharsets.US_ASCII));
        }

        /**
         * Validates the options and creates the server (not yet started).
         *
         * @return the server
         * @throws IllegalArgumentException if the root is missing or the implicit-TLS port equals the port
         */
        public FtpServer build() {
            require(root != null, "root is required");
            require(tls == null || tls.implicitPort().orElse(0) == 0 || tls.implicitPort().getAsInt() != port,
                    "tls implicitPort must differ from port: " + port);
            ThreadFactory threads = threadFactory != null ? threadFactory : SessionThreads.platform("ftpkit-session");
            ThreadFactory transferThreads = transferThreadFactory != null ? transferThreadFactory : threads;
            return new FtpServer(new ServerConfig(bindAddress, port, root, authenticator, Map.copyOf(virtualHosts),
                    // a listener that throws is logged and ignored (CompositeListener), never the session's end
                    commands.copy(), new JfrListener(ServerListener.all(listener)), threads, transferThreads, greeting,
                    maxSessions, maxSessionsPerAddress, idleTimeout, lineTimeout, dataTimeout, maxLineBytes,
                    loginFailureDelay, maxLoginFailures, passive, active, atomicUploads, syncUploads,
                    Optional.ofNullable(tls).map(TlsConfig::of), List.copyOf(hooks),
                    new OperationLimits(rateLimits, quotas, defender),
                    Optional.ofNullable(proxyProtocol),
                    new WireOptions(modeZLevel, Optional.ofNullable(controlEncoding))));
        }
    }
}
