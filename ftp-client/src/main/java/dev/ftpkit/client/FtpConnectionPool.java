package dev.ftpkit.client;

import dev.ftpkit.client.internal.EndpointSlots;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Logged-in connections kept for reuse, keyed by {@link FtpEndpoint} (host, port, user, password and configuration,
 * which holds the TLS settings). Thread-safe: any number of threads may borrow and return at once.
 *
 * <ul>
 *   <li>At most {@link Builder#maxConnectionsPerEndpoint(int) maxConnectionsPerEndpoint} connections per endpoint
 *       exist at a time; {@link #borrow} waits up to {@link Builder#borrowTimeout(Duration) borrowTimeout} for one.</li>
 *   <li>At most {@link Builder#maxIdlePerEndpoint(int) maxIdlePerEndpoint} returned connections are kept; the most
 *       recently returned is reused first.</li>
 *   <li>A connection idle for {@link Builder#idleTimeout(Duration) idleTimeout} is closed. There is no background
 *       thread: expired connections are found and closed during {@link #borrow} and {@link Lease#close()}.</li>
 *   <li>A connection idle longer than {@link Builder#validateAfter(Duration) validateAfter} gets a NOOP before it is
 *       handed out; one that fails it is closed and the next one (or a new connection) is tried.</li>
 *   <li>A connection that broke, was {@linkplain Lease#discard() discarded} or was returned with a transfer still
 *       open is closed instead of kept.</li>
 * </ul>
 *
 * <p>A returned connection keeps its working directory: borrowers should use absolute paths. Its transfer type is
 * set back to the configuration's.
 *
 * <pre>{@code
 * try (FtpConnectionPool pool = FtpConnectionPool.builder().maxIdlePerEndpoint(4).build()) {
 *     FtpEndpoint server = new FtpEndpoint(FtpClientConfig.defaults(), "ftp.example.com", 21, "alice", "secret");
 *     try (FtpConnectionPool.Lease lease = pool.borrow(server)) {
 *         lease.client().retrieve("/pub/file.bin", Path.of("file.bin"));
 *     }                                             // back in the pool, logged in, for the next borrower
 * }
 * }</pre>
 */
public final class FtpConnectionPool implements AutoCloseable {

    private final int maxIdlePerEndpoint;
    private final int maxConnectionsPerEndpoint;
    private final Duration idleTimeout;
    private final Duration validateAfter;
    private final Duration borrowTimeout;
    private final InstantSource clock;
    /** Guarded by {@code this}, as is every {@link EndpointSlots}' idle list. */
    private final Map<FtpEndpoint, EndpointSlots> slots = new HashMap<>();
    private boolean closed;

    private FtpConnectionPool(Builder b) {
        this.maxIdlePerEndpoint = b.maxIdlePerEndpoint;
        this.maxConnectionsPerEndpoint = b.maxConnectionsPerEndpoint;
        this.idleTimeout = b.idleTimeout;
        this.validateAfter = b.validateAfter;
        this.borrowTimeout = b.borrowTimeout;
        this.clock = b.clock;
    }

    /**
     * A builder with the defaults: 5 idle and 8 connections per endpoint, idle timeout 1 minute, NOOP after 5 seconds
     * idle, borrow timeout 30 seconds.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Hands out a logged-in connection to {@code endpoint}: an idle one (checked with NOOP when it was idle longer
     * than {@code validateAfter}) or a new one.
     *
     * @param endpoint where and as whom
     * @return the lease; closing it returns the connection
     * @throws IOException if no connection is free within the borrow timeout, or connecting or logging in fails
     * @throws IllegalStateException if the pool is closed
     */
    public Lease borrow(FtpEndpoint endpoint) throws IOException {
        Objects.requireNonNull(endpoint, "endpoint");
        EndpointSlots slot = slotFor(endpoint);
        try {
            if (!slot.acquire(borrowTimeout)) {
                throw new IOException("no connection to " + endpoint + " became free within " + borrowTimeout
                        + " (" + maxConnectionsPerEndpoint + " in use)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for a connection to " + endpoint);
        }
        try {
            FtpClient client = reuseIdle(slot);
            return new Lease(endpoint, slot, client != null ? client : endpoint.connect());
        } catch (IOException | RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    /**
     * Counts the idle connections to one endpoint.
     *
     * @param endpoint the endpoint
     * @return how many connections wait in the pool for it
     */
    public synchronized int idleCount(FtpEndpoint endpoint) {
        EndpointSlots slot = slots.get(endpoint);
        return slot == null ? 0 : slot.idleCount();
    }

    /** Closes every idle connection now (connections in use are closed when they come back, as usual). */
    public void evictAll() {
        List<FtpClient> evicted = new ArrayList<>();
        synchronized (this) {
            slots.values().forEach(slot -> slot.evictAll(evicted));
        }
        closeAll(evicted);
    }

    /** Closes the idle connections; connections in use are closed when their lease ends. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        evictAll();
    }

    private synchronized EndpointSlots slotFor(FtpEndpoint endpoint) {
        if (closed) {
            throw new IllegalStateException("the connection pool is closed");
        }
        return slots.computeIfAbsent(endpoint, key -> new EndpointSlots(maxConnectionsPerEndpoint));
    }

    /** An idle connection that passed its NOOP check, or null. Bounded: each pass takes one connection out. */
    private FtpClient reuseIdle(EndpointSlots slot) {
        while (true) {
            List<FtpClient> evicted = new ArrayList<>();
            EndpointSlots.Taken taken;
            synchronized (this) {
                evictExpired(evicted);
                taken = slot.takeIdle(clock.instant());
            }
            closeAll(evicted);
            if (taken == null) {
                return null;
            }
            if (taken.idleFor().compareTo(validateAfter) < 0 || stillAnswers(taken.client())) {
                return taken.client();
            }
            taken.client().close();
        }
    }

    private static boolean stillAnswers(FtpClient client) {
        try {
            client.noop();
            return true;
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    private void giveBack(Lease lease, boolean discard) {
        FtpClient client = lease.client;
        List<FtpClient> evicted = new ArrayList<>();
        boolean reusable = !discard && client.isConnected() && !client.isTransferInProgress();
        if (reusable) {
            client.setTransferType(lease.endpoint.config().transferType());
        }
        synchronized (this) {
            evictExpired(evicted);
            if (reusable && !closed) {
                lease.slot.putIdle(client, clock.instant(), maxIdlePerEndpoint, evicted);
            } else {
                evicted.add(client);
            }
        }
        lease.slot.release();
        closeAll(evicted);
    }

    private void evictExpired(List<FtpClient> evicted) {
        slots.values().forEach(slot -> slot.evictExpired(clock.instant(), idleTimeout, evicted));
    }

    /** Outside the lock: closing sends QUIT and may wait (briefly) for its reply. */
    private static void closeAll(List<FtpClient> clients) {
        clients.forEach(FtpClient::close);
    }

    /**
     * A borrowed connection. Closing the lease returns the connection to the pool (or closes it, see
     * {@link FtpConnectionPool}); a lease is used by one thread at a time, like the client it holds.
     */
    public final class Lease implements AutoCloseable {
        private final FtpEndpoint endpoint;
        private final EndpointSlots slot;
        private final FtpClient client;
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile boolean discard;

        private Lease(FtpEndpoint endpoint, EndpointSlots slot, FtpClient client) {
            this.endpoint = endpoint;
            this.slot = slot;
            this.client = client;
        }

        /**
         * Returns the connection, logged in.
         *
         * @return the client
         * @throws IllegalStateException after the lease ended
         */
        public FtpClient client() {
            if (ended.get()) {
                throw new IllegalStateException("the lease has ended; borrow again");
            }
            return client;
        }

        /**
         * Returns the endpoint the connection belongs to.
         *
         * @return the endpoint
         */
        public FtpEndpoint endpoint() {
            return endpoint;
        }

        /** Marks the connection as not to be reused: closing the lease closes it. */
        public void discard() {
            discard = true;
        }

        /** Returns the connection to the pool, or closes it (broken, discarded, transfer open). Idempotent. */
        @Override
        public void close() {
            if (ended.compareAndSet(false, true)) {
                giveBack(this, discard);
            }
        }
    }

    /** Validating builder of a {@link FtpConnectionPool}. */
    public static final class Builder {
        private int maxIdlePerEndpoint = 5;
        private int maxConnectionsPerEndpoint = 8;
        private Duration idleTimeout = Duration.ofMinutes(1);
        private Duration validateAfter = Duration.ofSeconds(5);
        private Duration borrowTimeout = Duration.ofSeconds(30);
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /**
         * How many returned connections to keep per endpoint.
         *
         * @param count 0 (keep none) or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder maxIdlePerEndpoint(int count) {
            maxIdlePerEndpoint = atLeast("maxIdlePerEndpoint", count, 0);
            return this;
        }

        /**
         * How many connections per endpoint may exist at once (in use and idle).
         *
         * @param count 1 or more
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder maxConnectionsPerEndpoint(int count) {
            maxConnectionsPerEndpoint = atLeast("maxConnectionsPerEndpoint", count, 1);
            return this;
        }

        /**
         * How long a connection may stay idle before it is closed.
         *
         * @param timeout positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder idleTimeout(Duration timeout) {
            idleTimeout = positive("idleTimeout", timeout);
            return this;
        }

        /**
         * After how long idle a connection is checked with NOOP before reuse.
         *
         * @param idle zero (always check) or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder validateAfter(Duration idle) {
            Objects.requireNonNull(idle, "validateAfter");
            if (idle.isNegative()) {
                throw new IllegalArgumentException("validateAfter must not be negative: " + idle);
            }
            validateAfter = idle;
            return this;
        }

        /**
         * How long {@link FtpConnectionPool#borrow} waits for a free connection when all are in use.
         *
         * @param timeout positive
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder borrowTimeout(Duration timeout) {
            borrowTimeout = positive("borrowTimeout", timeout);
            return this;
        }

        /**
         * The clock idle times are measured with (tests pass a clock they move by hand).
         *
         * @param source the clock
         * @return this builder
         */
        public Builder clock(InstantSource source) {
            clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /**
         * Builds the pool.
         *
         * @return the pool, empty
         */
        public FtpConnectionPool build() {
            return new FtpConnectionPool(this);
        }

        private static int atLeast(String option, int value, int minimum) {
            if (value < minimum) {
                throw new IllegalArgumentException(option + " must be " + minimum + " or more: " + value);
            }
            return value;
        }

        private static Duration positive(String option, Duration value) {
            Objects.requireNonNull(value, option);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(option + " must be positive: " + value);
            }
            return value;
        }
    }
}
