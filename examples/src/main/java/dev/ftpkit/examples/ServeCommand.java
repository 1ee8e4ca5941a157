package dev.ftpkit.examples;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.SessionThreads;
import dev.ftpkit.server.TlsContexts;
import dev.ftpkit.server.TransferEvent;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ftpkit serve}: serves a directory over FTP until SIGINT/SIGTERM. Prints exactly one line to stdout when
 * ready, {@code ftpkit serving <root> at ftp://<host>:<port>/}, then one line per session event to stderr.
 */
public final class ServeCommand implements Subcommand {

    /** How long running transfers may go on after SIGINT/SIGTERM. */
    static final Duration SHUTDOWN_DEADLINE = Duration.ofSeconds(10);

    /** The parsed command line. */
    record Options(String host, int port, Path root, List<String[]> users, boolean anonymous, boolean write,
                   boolean allowChmod, int passiveMin, int passiveMax, InetAddress passiveAddress, boolean passive, boolean active,
                   int maxSessions, boolean verbose, Path tlsKeystore, String tlsPassword, boolean tlsRequired,
                   int implicitTlsPort, boolean tlsReuse, int metricsPort, Path xferlog, Path auditLog) {
    }

    static final String METRICS_PORT_HELP = "--metrics-port N   serve Prometheus metrics at http://127.0.0.1:N/metrics";
    static final String XFERLOG_HELP = "--xferlog FILE     append one wu-ftpd/vsftpd xferlog line per file transfer";
    static final String AUDIT_LOG_HELP = "--audit-log FILE   append JSON lines: logins, transfers, deletes, renames, cwd";

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "serve [--host 127.0.0.1] [--port 2121|0] [--root DIR] [--user NAME:PASS]... [--anonymous] [--write] [--allow-chmod]"
                + " [--passive-ports MIN-MAX] [--passive-address ADDR] [--no-passive] [--no-active]"
                + " [--max-sessions N] [--tls-keystore FILE.p12 --tls-password PASS [--tls-required]"
                + " [--implicit-tls-port N] [--no-tls-reuse]] [--metrics-port N] [--xferlog FILE]"
                + " [--audit-log FILE] [-v]   serve a directory over FTP or FTPS";
    }

    @Override
    public int run(List<String> args, Terminal io) throws Exception {
        Options options = parse(args);
        Files.createDirectories(options.root());
        ServeOperations operations = ServeOperations.open(options.metricsPort(), options.xferlog(),
                options.auditLog());
        FtpServer server = build(options, operations.listener(new LogListener(io.err(), options.verbose()))).start();
        try {
            operations.startMetrics(io.err());
        } catch (IOException e) {
            server.close();
            operations.close();
            throw new UsageException("--metrics-port: cannot serve metrics on 127.0.0.1:" + options.metricsPort()
                    + " (" + e + ")");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            io.err().println("ftpkit: shutting down");
            server.shutdown(SHUTDOWN_DEADLINE);
            operations.close();
            stopped.countDown();
        }, "ftpkit-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        String implicit = options.implicitTlsPort() >= 0
                ? " and ftps://" + host + ":" + server.implicitTlsPort() + "/" : "";
        io.out().println("ftpkit serving " + options.root().toAbsolutePath().normalize() + " at ftp://" + host + ":"
                + server.port() + "/" + implicit);
        io.out().flush();
        stopped.await();
        return ExitCode.OK;
    }

    static FtpServer build(Options options, ServerListener listener) throws UsageException {
        Set<Permission> permissions = options.write() ? Permission.readWrite() : Permission.readOnly();
        Set<Permission> userPermissions = EnumSet.copyOf(permissions);
        if (options.allowChmod()) {
            userPermissions.add(Permission.CHMOD); // named users only: anonymous logins never hold it
        }
        Authenticator authenticator = Authenticator.denyAll();
        if (!options.users().isEmpty()) {
            InMemoryUsers.Builder users = InMemoryUsers.builder();
            for (String[] user : options.users()) {
                users.user(user[0], user[1], Account.atRoot(user[0], userPermissions));
            }
            authenticator = users.build();
        }
        if (options.anonymous()) {
            authenticator = authenticator.orElse(Authenticator.anonymous(permissions));
        }
        FtpServer.Builder builder = FtpServer.builder()
                .host(options.host())
                .port(options.port())
                .root(options.root())
                .authenticator(authenticator)
                .threadFactory(SessionThreads.virtualIfAvailable("ftpkit-session"))
                .transferThreadFactory(SessionThreads.platform("ftpkit-transfer"))
                .passiveEnabled(options.passive())
                .activeEnabled(options.active())
                .maxSessions(options.maxSessions())
                .listener(listener);
        if (options.passiveMin() > 0) {
            builder.passivePorts(options.passiveMin(), options.passiveMax());
        }
        if (options.passiveAddress() != null) {
            builder.passiveAddress(options.passiveAddress());
        }
        if (options.tlsKeystore() != null) {
            builder.tls(loadKeystore(options.tlsKeystore(), options.tlsPassword()))
                    .tlsRequiredForLogin(options.tlsRequired())
                    .tlsRequiredForData(options.tlsRequired())
                    .tlsSessionReuseRequired(options.tlsReuse());
            if (options.implicitTlsPort() >= 0) {
                builder.implicitTlsPort(options.implicitTlsPort());
            }
        }
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static SSLContext loadKeystore(Path keystore, String password) throws UsageException {
        try {
            return TlsContexts.fromPkcs12(keystore, password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new UsageException("--tls-keystore: cannot load " + keystore + " as PKCS12 with the given password ("
                    + e.getMessage() + ")");
        }
    }

    static Options parse(List<String> args) throws UsageException {
        String host = "127.0.0.1";
        int port = 2121;
        Path root = Path.of("ftpkit-root");
        List<String[]> users = new ArrayList<>();
        boolean anonymous = false;
        boolean write = false;
        boolean allowChmod = false;
        int passiveMin = 0;
        int passiveMax = 0;
        InetAddress passiveAddress = null;
        boolean passive = true;
        boolean active = true;
        int maxSessions = 500;
        boolean verbose = false;
        Path tlsKeystore = null;
        String tlsPassword = null;
        boolean tlsRequired = false;
        int implicitTlsPort = -1;
        boolean tlsReuse = true;
        int metricsPort = -1;
        Path xferlog = null;
        Path auditLog = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--host" -> host = value(args, ++i, arg);
                case "--port" -> port = number(value(args, ++i, arg), arg, 0, 65535);
                case "--root" -> root = Path.of(value(args, ++i, arg));
                case "--user" -> {
                    String spec = value(args, ++i, arg);
                    int colon = spec.indexOf(':');
                    if (colon <= 0) {
                        throw new UsageException("--user needs NAME:PASS, got " + spec);
                    }
                    users.add(new String[] {spec.substring(0, colon), spec.substring(colon + 1)});
                }
                case "--anonymous" -> anonymous = true;
                case "--write" -> write = true;
                case "--allow-chmod" -> allowChmod = true;
                case "--passive-ports" -> {
                    String range = value(args, ++i, arg);
                    int dash = range.indexOf('-');
                    if (dash <= 0) {
                        throw new UsageException("--passive-ports needs MIN-MAX, got " + range);
                    }
                    passiveMin = number(range.substring(0, dash), arg, 1, 65535);
                    passiveMax = number(range.substring(dash + 1), arg, 1, 65535);
                    if (passiveMin > passiveMax) {
                        throw new UsageException("--passive-ports: MIN is above MAX in " + range);
                    }
                }
                case "--passive-address" -> {
                    String address = value(args, ++i, arg);
                    try {
                        passiveAddress = InetAddress.getByName(address);
                    } catch (UnknownHostException e) {
                        throw new UsageException("--passive-address: unknown host " + address);
                    }
                    if (passiveAddress instanceof Inet6Address) {
                        throw new UsageException("--passive-address must be IPv4 (it goes into 227 replies)");
                    }
                }
                case "--no-passive" -> passive = false;
                case "--no-active" -> active = false;
                case "--max-sessions" -> maxSessions = number(value(args, ++i, arg), arg, 1, 1_000_000);
                case "-v", "--verbose" -> verbose = true;
                case "--tls-keystore" -> tlsKeystore = Path.of(value(args, ++i, arg));
                case "--tls-password" -> tlsPassword = value(args, ++i, arg);
                case "--tls-required" -> tlsRequired = true;
                case "--implicit-tls-port" -> implicitTlsPort = number(value(args, ++i, arg), arg, 0, 65535);
                case "--no-tls-reuse" -> tlsReuse = false;
                case "--metrics-port" -> metricsPort = number(value(args, ++i, arg), arg, 0, 65535);
                case "--xferlog" -> xferlog = Path.of(value(args, ++i, arg));
                case "--audit-log" -> auditLog = Path.of(value(args, ++i, arg));
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        if (users.isEmpty() && !anonymous) {
            throw new UsageException("nobody could log in: give --user NAME:PASS or --anonymous");
        }
        if (tlsKeystore == null && (tlsPassword != null || tlsRequired || implicitTlsPort >= 0 || !tlsReuse)) {
            throw new UsageException("--tls-password, --tls-required, --implicit-tls-port and --no-tls-reuse need"
                    + " --tls-keystore");
        }
        if (tlsKeystore != null && tlsPassword == null) {
            throw new UsageException("--tls-keystore needs --tls-password");
        }
        return new Options(host, port, root, users, anonymous, write, allowChmod, passiveMin, passiveMax, passiveAddress,
                passive, active, maxSessions, verbose, tlsKeystore, tlsPassword, tlsRequired, implicitTlsPort,
                tlsReuse, metricsPort, xferlog, auditLog);
    }

    private static String value(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static int number(String text, String option, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(text);
            if (n < min || n > max) {
                throw new UsageException(option + " must be " + min + ".." + max + ", got " + text);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a number, got " + text);
        }
    }

    /** One stderr line per session event; every command too with {@code -v}. */
    private static final class LogListener implements ServerListener {
        private final PrintStream log;
        private final boolean verbose;

        LogListener(PrintStream log, boolean verbose) {
            this.log = log;
            this.verbose = verbose;
        }

        private void line(FtpSession session, String text) {
            log.println("[" + session.id() + " " + session.clientAddress().getAddress().getHostAddress() + "] " + text);
        }

        @Override
        public void connected(FtpSession session) {
            line(session, "connected");
        }

        @Override
        public void loggedIn(FtpSession session, Account account) {
            line(session, "login " + account.name());
        }

        @Override
        public void loginFailed(FtpSession session, String userName) {
            line(session, "login failed");
        }

        @Override
        public void commandHandled(FtpSession session, Command command, Reply reply) {
            if (verbose) {
                line(session, command + " -> " + reply);
            }
        }

        @Override
        public void transferEnded(FtpSession session, TransferEvent event) {
            line(session, event.verb() + " " + event.path() + " " + event.bytes() + " bytes in "
                    + event.duration().toMillis() + " ms" + (event.success() ? "" : " (failed)"));
        }

        @Override
        public void disconnected(FtpSession session) {
            line(session, "disconnected");
        }
    }
}
