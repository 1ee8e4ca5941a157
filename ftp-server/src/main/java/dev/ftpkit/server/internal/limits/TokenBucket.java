package dev.ftpkit.server.internal.limits;

import java.io.InterruptedIOException;
import java.util.function.LongSupplier;

/**
 * A token bucket of bytes: tokens flow in at the rate, at most {@link #BURST_NANOS} (100 ms) worth wait in the bucket, and
 * taking more than there are leaves a debt that the taker waits off. Over a time T the bytes taken are at most
 * {@code rate * T + burst + one chunk}, and at least {@code rate * T - one chunk} when the taker never pauses on its
 * own, so a transfer of two seconds is within a few percent of the rate (the 10 % of issue 19).
 *
 * <p>Time and waiting are injected: tests run the bucket on a clock they move themselves.
 */
public final class TokenBucket {

    /** How much time's worth of tokens a bucket holds: what may pass at once after an idle moment. */
    static final long BURST_NANOS = 100_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The highest rate: products of it with nanoseconds stay within a long. */
    public static final long MAX_RATE = 1L << 32;
    private static final int MAX_CHUNK = 64 * 1024;

    /** How the taker waits. */
    @FunctionalInterface
    public interface Pause {
        /** {@link Thread#sleep(long, int)}, the production pause. */
        Pause SLEEP = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

        /**
         * Waits about this long.
         *
         * @param nanos how long
         * @throws InterruptedException if interrupted
         */
        void pause(long nanos) throws InterruptedException;
    }

    private final long bytesPerSecond;
    private final long capacity;
    private final LongSupplier nanoClock;
    private final Pause pause;
    private long tokens;
    private long updated;
    /** Nanoseconds' worth of a token fraction not yet credited, so slow rates do not lose time to rounding. */
    private long carryNanos;

    /**
     * A full bucket.
     *
     * @param bytesPerSecond the rate, 1..{@link #MAX_RATE}
     * @param nanoClock      the time in nanoseconds ({@code System::nanoTime})
     * @param pause          how to wait ({@link Pause#SLEEP})
     */
    public TokenBucket(long bytesPerSecond, LongSupplier nanoClock, Pause pause) {
        if (bytesPerSecond <= 0 || bytesPerSecond > MAX_RATE) {
            throw new IllegalArgumentException("rate must be 1.." + MAX_RATE + ": " + bytesPerSecond);
        }
        this.bytesPerSecond = bytesPerSecond;
        this.capacity = Math.max(1, tokensFor(BURST_NANOS));
        this.nanoClock = nanoClock;
        this.pause = pause;
        this.tokens = capacity;
        this.updated = nanoClock.getAsLong();
    }

    /**
     * The most bytes to move per {@link #take(long)}: at most the bucket (100 ms worth), so a slow rate moves small
     * pieces often rather than 64 KiB after a long wait, within 1..64 KiB.
     *
     * @return the chunk size
     */
    public int chunk() {
        return (int) Math.max(1, Math.min(MAX_CHUNK, capacity));
    }

    /**
     * Takes tokens for bytes moved (or about to be), waiting until the bucket is out of debt.
     *
     * @param bytes how many, at most a few chunks
     * @throws InterruptedIOException if interrupted while waiting (the transfer is being stopped)
     */
    public void take(long bytes) throws InterruptedIOException {
        refill();
        tokens -= bytes;
        while (tokens < 0) {
            long debtNanos = Math.max(1, ceilDiv(-tokens * NANOS_PER_SECOND, bytesPerSecond) - carryNanos);
            try {
                pause.pause(debtNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while throttled");
            }
            refill();
        }
    }

    /** Credits the tokens that flowed in since the last call; time beyond a full bucket is not kept. */
    private void refill() {
        long now = nanoClock.getAsLong();
        // a second fills any bucket (it holds 100 ms): capping keeps the products below from overflowing
        long elapsed = Math.min(NANOS_PER_SECOND, Math.max(0, now - updated)) + carryNanos;
        updated = now;
        long added = tokensFor(elapsed);
        carryNanos = elapsed - added * NANOS_PER_SECOND / bytesPerSecond;
        tokens += added;
        if (tokens >= capacity) {
            tokens = capacity;
            carryNanos = 0;
        }
    }

    private long tokensFor(long nanos) {
        return nanos * bytesPerSecond / NANOS_PER_SECOND; // below 2^63: nanos < 2^31, rate <= 2^32
    }

    private static long ceilDiv(long x, long y) {
        return (x + y - 1) / y;
    }
}
