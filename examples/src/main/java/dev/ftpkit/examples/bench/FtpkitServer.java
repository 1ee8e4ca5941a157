package dev.ftpkit.examples.bench;

import dev.ftpkit.server.Account;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.PasswordHash;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.SessionThreads;

import java.nio.file.Path;
import java.util.Locale;

/**
 * ftpkit's server in this JVM, on its defaults except: anonymous may write (like the other servers here), the
 * session limits are raised for the concurrency and idle-session benchmarks, and the password account's PBKDF2 cost
 * is {@link #ITERATIONS} (the default, {@value dev.ftpkit.server.PasswordHash#DEFAULT_ITERATIONS}, is in another cost
 * class than Apache FtpServer's 1,000 x MD5; the login table names the cost). Threads as the {@code serve} command
 * runs them: sessions and transfers on virtual threads where the JVM has them (Java 21+), else platform threads.
 */
final class FtpkitServer implements BenchServer {

    /** PBKDF2-HMAC-SHA256 iterations of the password account: the cost class of Apache FtpServer's 1,000 x MD5. */
    static final int ITERATIONS = 1_000;
    private static final int MAX_SESSIONS = 12_000;

    private final java.util.Optional<dev.ftpkit.server.TlsSettings> tls;

    FtpkitServer() {
        this(java.util.Optional.empty());
    }

    /** The server with FTPS ({@code tls}) or without (empty). */
    FtpkitServer(java.util.Optional<dev.ftpkit.server.TlsSettings> tls) {
        this.tls = tls;
    }

    @Override
    public String name() {
        return Goal.OURS;
    }

    @Override
    public Running start(Path root, Path workDir) throws Exception {
        FtpServer.Builder builder = configured(root);
        tls.ifPresent(builder::tls);
        FtpServer server = builder.build().start();
        String threads = SessionThreads.virtualThreadsAvailable() ? "virtual" : "platform";
        return new RunningFtpkit(server, String.format(Locale.ROOT,
                "PBKDF2-HMAC-SHA256, %,d iterations (%s session and transfer threads; the default cost, %,d "
                        + "iterations, takes %.0f ms per check here)", ITERATIONS, threads,
                PasswordHash.DEFAULT_ITERATIONS, defaultCostMillis()));
    }

    /**
     * The server of every benchmark, not yet built: the in-process one, and the ones that other benchmarks start
     * in a child JVM ({@link ChildFtpkitServer}) or with TLS on top ({@link TlsIdleSessions}).
     */
    static FtpServer.Builder configured(Path root) {
        Authenticator users = InMemoryUsers.builder()
                .iterations(ITERATIONS)
                .user(PASSWORD_USER, PASSWORD, Account.atRoot(PASSWORD_USER, Permission.all()))
                .build();
        return FtpServer.builder()
                .host("127.0.0.1")
                .port(0)
                .root(root)
                .authenticator(Authenticator.anonymous(Permission.all()).orElse(users))
                .threadFactory(SessionThreads.virtualIfAvailable("ftpkit-bench-session"))
                .transferThreadFactory(SessionThreads.virtualIfAvailable("ftpkit-bench-transfer"))
                .maxSessions(MAX_SESSIONS)
                .maxSessionsPerAddress(MAX_SESSIONS);
    }

    /** How long one password check at the library's default cost takes on this machine (median of three). */
    private static double defaultCostMillis() {
        String hash = PasswordHash.hash(PASSWORD.toCharArray());
        double[] millis = new double[3];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            PasswordHash.verify(PASSWORD.toCharArray(), hash);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return Stats.of(millis).median();
    }

    record RunningFtpkit(FtpServer server, String passwordHashing) implements Running {

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public boolean supportsMlsd() {
            return true;
        }

        @Override
        public boolean inProcess() {
            return true;
        }

        @Override
        public int openSessions() {
            return server.sessionCount();
        }

        @Override
        public long cpuNanos() throws Exception {
            return Cpu.selfNanos();
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
