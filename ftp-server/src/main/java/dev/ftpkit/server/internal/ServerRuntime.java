package dev.ftpkit.server.internal;

import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.SessionInfo;
import dev.ftpkit.server.SessionThreads;
import dev.ftpkit.server.internal.data.DataPeers;
import dev.ftpkit.server.internal.data.DataSetup;
import dev.ftpkit.server.internal.data.DirectBuffers;
import dev.ftpkit.server.internal.data.PassivePortPool;
import dev.ftpkit.server.internal.data.SendWays;
import dev.ftpkit.server.internal.limits.Defender;
import dev.ftpkit.server.internal.limits.QuotaBook;
import dev.ftpkit.server.internal.session.Session;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** The running server: the acceptor thread, the session table with its limits, the passive port pool. */
public final class ServerRuntime {

    private static final System.Logger LOG = System.getLogger(ServerRuntime.class.getName());
    private static final Duration FORCED_CLOSE_WAIT = Duration.ofSeconds(5);
    private static final Duration WATCHDOG_PERIOD = Duration.ofSeconds(1);
    private static final Duration ACCEPT_FAILURE_PAUSE = Duration.ofMillis(50);

    private final ServerConfig config;
    private final PassivePortPool passivePorts;
    private final SendWays sendWays = new SendWays();
    private final DirectBuffers buffers = new DirectBuffers();
    /** Behind a load balancer: where connections wait for their PROXY header before they are admitted. */
    private final Optional<ProxyGate> proxyGate;
    /** Helper threads that read large listings, for all sessions together (ParallelEntries). */
    private final Semaphore listingHelpers = new Semaphore(Runtime.getRuntime().availableProcessors());
    private final LoginThrottle loginThrottle;
    private final Defender defender;
    private final QuotaBook quotas;
    private final AtomicLong sessionIds = new AtomicLong();
    private final Set<Session> sessions = new LinkedHashSet<>();
    private final Map<InetAddress, Integer> sessionsPerAddress = new HashMap<>();
    private ServerSocket listener;
    private ServerSocket implicitListener;
    private Thread acceptor;
    private volatile boolean stopping;
    /**
     * What the watchdog sleeps on. Not {@code this}: every session end notifies {@code this} for a waiting
     * shutdown, and with many short sessions that woke the watchdog (and its walk over all sessions) each time.
     */
    private final Object watchdogClock = new Object();

    /**
     * Creates the runtime; nothing is bound yet.
     *
     * @param config the validated configuration
     */
    public ServerRuntime(ServerConfig config) {
        this.config = config;
        this.passivePorts = new PassivePortPool(config.passive().minPort(), config.passive().maxPort(),
                config.passive().promiscuous(),
                config.proxyProtocol().map(ProxyHeaderReader::dataPeers).orElse(DataPeers.DIRECT));
        this.proxyGate = config.proxyProtocol()
                .map(settings -> new ProxyGate(settings, config.threadFactory(), config.maxSessions()));
        this.loginThrottle = new LoginThrottle(System::nanoTime, config.limits().defender().maxWaitingLogins());
        this.defender = new Defender(config.limits().defender());
        this.quotas = new QuotaBook(config.limits().quotas());
    }

    Semaphore listingHelpers() {
        return listingHelpers;
    }

    /** Password checks per client address, across its connections. */
    LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    /**
     * Binds and starts accepting.
     *
     * @throws IOException if the address cannot be bound
     */
    public synchronized void start() throws IOException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        ServerSocket socket = bind(config.port());
        ServerSocket implicit = null;
        if (config.tls().isPresent() && config.tls().get().hasImplicitListener()) {
            try {
                implicit = bind(config.tls().get().implicitPort());
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        }
        listener = socket;
        implicitListener = implicit;
        acceptor = startAcceptor(socket, false);
        if (implicit != null) {
            startAcceptor(implicit, true);
        }
        Thread watchdog = new Thread(this::watchdogLoop, "ftpkit-watchdog-" + socket.getLocalPort());
        watchdog.setDaemon(true);
        watchdog.start();
        LOG.log(System.Logger.Level.DEBUG, () -> "ftpkit listening on " + socket.getLocalSocketAddress());
    }

    private ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(config.bindAddress(), port), 128);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    private Thread startAcceptor(ServerSocket socket, boolean implicitTls) {
        // A virtual thread where the JVM has them. On Java 25 (Linux) the JDK's socket pollers are virtual
        // threads: they wake the sessions they serve onto their carrier's own queue, which a carrier drains before
        // it takes a task submitted from outside. A session thread started by a platform acceptor is such a task:
        // with a thousand sessions transferring, it waited up to 1.3 s to send its 220 (BENCHMARKS.md table 7b,
        // p99 login 1.8 times vsftpd's). Started from a virtual acceptor, it takes its turn with the others (0.7).
        Thread thread = SessionThreads.virtualIfAvailable("ftpkit-acceptor").newThread(
                () -> acceptLoop(socket, implicitTls));
        thread.setName("ftpkit-acceptor-" + (implicitTls ? "tls-" : "") + socket.getLocalPort());
        thread.start();
        return thread;
    }

    /**
     * The bound address of the implicit-TLS listener.
     *
     * @return the address and port
     */
    public synchronized InetSocketAddress implicitTlsAddress() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        if (implicitListener == null) {
            throw new IllegalStateException("no implicit TLS listener configured");
        }
        return (InetSocketAddress) implicitListener.getLocalSocketAddress();
    }

    /**
     * The bound address.
     *
     * @return the address and port
     */
    public synchronized InetSocketAddress localAddress() {
        if (listener == null) {
            throw new IllegalStateException("not started");
        }
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /**
     * How many sessions are connected.
     *
     * @return the count
     */
    public synchronized int sessionCount() {
        return sessions.size();
    }

    /**
     * Snapshots of the connected sessions, oldest first.
     *
     * @return an immutable list
     */
    public List<SessionInfo> sessions() {
        List<Session> current;
        synchronized (this) {
            current = List.copyOf(sessions);
        }
        return current.stream().map(Session::info).toList();
    }

    /**
     * Closes one session with 421.
     *
     * @param id the session's id
     * @return false if no such session is connected
     */
    public boolean closeSession(String id) {
        Session found;
        synchronized (this) {
            found = sessions.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
        }
        if (found == null) {
            return false;
        }
        found.closeByAdministrator();
        return true;
    }

    private void acceptLoop(ServerSocket socket, boolean implicitTls) {
        while (!stopping) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException | OutOfMemoryError e) {
                if (!stopping) {
                    acceptFailed(e);
                }
                continue;
            }
            try {
                if (proxyGate.isPresent()) {
                    proxyGate.get().pass(connection, (c, client) -> admitSafely(c, implicitTls, client));
                    continue;
                }
                admit(connection, implicitTls, (InetSocketAddress) connection.getRemoteSocketAddress());
            } catch (RuntimeException | OutOfMemoryError e) {
                // one connection that could not be served (a heap exhausted by some session) must not end the
                // acceptor: the next client is greeted once memory is back
                DataSetup.closeQuietly(connection);
                acceptFailed(e);
            }
        }
    }

    /** Admits a connection whose PROXY header was read on a thread of its own. */
    private void admitSafely(Socket connection, boolean implicitTls, InetSocketAddress client) {
        try {
            admit(connection, implicitTls, client);
        } catch (RuntimeException | OutOfMemoryError e) {
            DataSetup.closeQuietly(connection);
            LOG.log(System.Logger.Level.WARNING, "cannot admit a connection: " + e);
        }
    }

    /** Logs, then pauses a moment: a failure that repeats (no file descriptors, no memory) must not spin. */
    private void acceptFailed(Throwable e) {
        try {
            LOG.log(System.Logger.Level.WARNING, "accept failed: " + e);
            Thread.sleep(ACCEPT_FAILURE_PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | OutOfMemoryError stillFailing) {
            // nothing more to do for this connection
        }
    }

    /** Once a second: sessions whose writes are stuck or whose transfers stalled (bounded by the socket reads). */
    private void watchdogLoop() {
        while (!stopping) {
            synchronized (watchdogClock) {
                try {
                    watchdogClock.wait(WATCHDOG_PERIOD.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            List<Session> current;
            synchronized (this) {
                current = List.copyOf(sessions);
            }
            long now = System.nanoTime();
            for (Session session : current) {
                session.watchdog(now);
            }
        }
    }

    /** Counts the session against the limits of its client's address (the PROXY header's, behind a balancer). */
    private void admit(Socket connection, boolean implicitTls, InetSocketAddress client) {
        InetAddress address = client.getAddress();
        Session session = null;
        String refusal = null;
        synchronized (this) {
            int fromAddress = sessionsPerAddress.getOrDefault(address, 0);
            if (stopping) {
                refusal = "Server shutting down.";
            } else if (sessions.size() >= config.maxSessions()) {
                refusal = "Too many users, try again later.";
            } else if (fromAddress >= config.maxSessionsPerAddress()) {
                refusal = "Too many connections from your address.";
            } else {
                session = new Session(config, new ServerResources(passivePorts, loginThrottle, listingHelpers,
                        defender, quotas, sendWays, buffers), connection, client,
                        Long.toString(sessionIds.incrementAndGet()), implicitTls, this::sessionEnded);
                sessions.add(session);
                sessionsPerAddress.put(address, fromAddress + 1);
            }
        }
        if (refusal != null) {
            if (implicitTls) {
                DataSetup.closeQuietly(connection); // a plaintext 421 would only confuse a TLS client
                return;
            }
            refuse(connection, refusal);
            return;
        }
        try {
            config.threadFactory().newThread(session).start();
        } catch (RuntimeException | OutOfMemoryError e) { // "unable to create native thread" is an OutOfMemoryError
            LOG.log(System.Logger.Level.WARNING, "cannot start a session thread", e);
            sessionEnded(session);
            if (implicitTls) {
                DataSetup.closeQuietly(connection);
            } else {
                refuse(connection, "Cannot serve this connection.");
            }
        }
    }

    private static void refuse(Socket connection, String text) {
        try (Socket s = connection; OutputStream out = s.getOutputStream()) {
            s.setSoLinger(true, 1);
            out.write(Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, text).encode().getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // the client went away first
        }
    }

    synchronized void sessionEnded(Session session) {
        if (sessions.remove(session)) {
            InetAddress address = session.clientAddress().getAddress();
            sessionsPerAddress.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
            notifyAll();
        }
    }

    /**
     * Stops accepting, closes idle sessions with 421, lets transfers run until the deadline, then closes
     * everything and waits for the session threads.
     *
     * @param deadline how long transfers may still run
     */
    public void shutdown(Duration deadline) {
        List<Session> current;
        Thread acceptorThread;
        synchronized (this) {
            if (stopping) {
                current = List.copyOf(sessions);
                acceptorThread = null;
            } else {
                stopping = true;
                synchronized (watchdogClock) {
                    watchdogClock.notifyAll(); // the watchdog ends
                }
                DataSetup.closeQuietly(listener);
                DataSetup.closeQuietly(implicitListener);
                current = List.copyOf(sessions);
                acceptorThread = acceptor;
            }
        }
        for (Session session : current) {
            session.requestShutdown();
        }
        if (!awaitSessions(deadline)) {
            List<Session> left;
            synchronized (this) {
                left = List.copyOf(sessions);
            }
            for (Session session : left) {
                session.forceClose();
            }
            awaitSessions(FORCED_CLOSE_WAIT);
        }
        if (acceptorThread != null) {
            try {
                acceptorThread.join(FORCED_CLOSE_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private synchronized boolean awaitSessions(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (!sessions.isEmpty()) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            try {
                wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
