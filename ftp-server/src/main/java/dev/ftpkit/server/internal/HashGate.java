package dev.ftpkit.server.internal;

import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Bounds how many password hashes run at once (issue 13: 95 concurrent PBKDF2 checks at 600,000 iterations left no
 * core for anyone else) and counts them. Waiting checks are served in arrival order.
 */
public final class HashGate {

    private final int allowedAtOnce;
    private final Semaphore permits;
    private final AtomicLong computed = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    /**
     * Creates a gate.
     *
     * @param allowedAtOnce how many hashes may run at the same time, at least 1
     * @throws IllegalArgumentException if not positive
     */
    public HashGate(int allowedAtOnce) {
        if (allowedAtOnce < 1) {
            throw new IllegalArgumentException("concurrentHashes must be at least 1: " + allowedAtOnce);
        }
        this.allowedAtOnce = allowedAtOnce;
        this.permits = new Semaphore(allowedAtOnce, true);
    }

    /**
     * Runs one hash computation once a permit is free.
     *
     * @param hash the computation
     * @return its result
     * @throws InterruptedIOException if interrupted while waiting (the login cannot be checked)
     */
    public boolean run(BooleanSupplier hash) throws InterruptedIOException {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to check a password");
        }
        try {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            computed.incrementAndGet();
            return hash.getAsBoolean();
        } finally {
            running.decrementAndGet();
            permits.release();
        }
    }

    /**
     * How many hashes were computed.
     *
     * @return the count
     */
    public long computed() {
        return computed.get();
    }

    /**
     * The most hashes that ran at the same time.
     *
     * @return the count
     */
    public int mostAtOnce() {
        return mostAtOnce.get();
    }

    /**
     * How many hashes may run at the same time.
     *
     * @return the bound
     */
    public int allowedAtOnce() {
        return allowedAtOnce;
    }
}
