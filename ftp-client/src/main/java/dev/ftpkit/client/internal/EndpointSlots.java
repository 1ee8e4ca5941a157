package dev.ftpkit.client.internal;

import dev.ftpkit.client.FtpClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One pool key's share of a connection pool: the permits that bound its connections (idle and in use together) and
 * its idle connections, the most recently returned first (reusing the warmest connection lets the others expire).
 * The idle list is guarded by the pool's lock; the permits need none.
 */
public final class EndpointSlots {

    /** An idle connection and when it was returned. */
    private record Idle(FtpClient client, Instant since) {
    }

    private final Semaphore permits;
    private final Deque<Idle> idle = new ArrayDeque<>();

    /**
     * Slots for at most {@code maxConnections} connections.
     *
     * @param maxConnections the bound, 1 or more
     */
    public EndpointSlots(int maxConnections) {
        this.permits = new Semaphore(maxConnections, true);
    }

    /**
     * Waits for a free slot.
     *
     * @param timeout how long to wait
     * @return false when none became free in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean acquire(Duration timeout) throws InterruptedException {
        return permits.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Frees a slot taken by {@link #acquire(Duration)}. */
    public void release() {
        permits.release();
    }

    /**
     * Takes the most recently returned idle connection (caller holds the pool's lock).
     *
     * @param now the time now
     * @return the connection and how long it was idle, or null when none is idle
     */
    public Taken takeIdle(Instant now) {
        Idle first = idle.pollFirst();
        return first == null ? null : new Taken(first.client(), Duration.between(first.since(), now));
    }

    /**
     * Keeps a returned connection idle, and moves out the oldest ones past {@code maxIdle} (caller holds the lock).
     *
     * @param client  the connection
     * @param now     the time now
     * @param maxIdle how many idle connections to keep at most
     * @param evicted where the connections to close go
     */
    public void putIdle(FtpClient client, Instant now, int maxIdle, List<FtpClient> evicted) {
        idle.addFirst(new Idle(client, now));
        // Bounded by the deque's size.
        while (idle.size() > maxIdle) {
            evicted.add(idle.pollLast().client());
        }
    }

    /**
     * Moves out the connections idle for {@code timeout} or longer (caller holds the lock).
     *
     * @param now     the time now
     * @param timeout the idle timeout
     * @param evicted where the connections to close go
     */
    public void evictExpired(Instant now, Duration timeout, List<FtpClient> evicted) {
        for (Iterator<Idle> it = idle.iterator(); it.hasNext(); ) {
            Idle candidate = it.next();
            if (Duration.between(candidate.since(), now).compareTo(timeout) >= 0) {
                evicted.add(candidate.client());
                it.remove();
            }
        }
    }

    /**
     * Moves out every idle connection (caller holds the lock).
     *
     * @param evicted where the connections to close go
     */
    public void evictAll(List<FtpClient> evicted) {
        idle.forEach(entry -> evicted.add(entry.client()));
        idle.clear();
    }

    /**
     * Counts the idle connections (caller holds the lock).
     *
     * @return the count
     */
    public int idleCount() {
        return idle.size();
    }

    /**
     * An idle connection taken for reuse.
     *
     * @param client  the connection
     * @param idleFor how long it was idle
     */
    public record Taken(FtpClient client, Duration idleFor) {
    }
}
