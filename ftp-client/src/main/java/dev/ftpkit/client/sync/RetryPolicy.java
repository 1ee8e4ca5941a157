package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpTransferException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How often to try again after a transient failure, and how long to wait in between: exponential backoff from
 * {@code initialDelay}, doubling up to {@code maxDelay}. Only {@linkplain #isTransient(IOException) transient}
 * failures are retried; a permanent one (a {@code 5yz} reply, a local file error, a garbled reply) is thrown at once.
 *
 * @param retries      how many times to try again after the first attempt (0: never)
 * @param initialDelay the wait before the first retry
 * @param maxDelay     the longest wait between two attempts
 */
public record RetryPolicy(int retries, Duration initialDelay, Duration maxDelay) {

    /** Never retries. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    /** The most retries allowed, so a policy always ends. */
    public static final int MAX_RETRIES = 100;

    /**
     * RFC 959 §4.2: 421 (service closing), 425 (cannot open data connection) and 426 (transfer aborted) say the
     * failure is the connection's, not the file's.
     */
    private static final Set<Integer> TRANSIENT_CODES = Set.of(421, 425, 426);

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if retries is outside 0..{@value #MAX_RETRIES}, a delay is negative, or the
     *                                  initial delay exceeds the maximum
     */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (retries < 0 || retries > MAX_RETRIES) {
            throw new IllegalArgumentException("retries must be within 0.." + MAX_RETRIES + ": " + retries);
        }
        if (initialDelay.isNegative() || maxDelay.isNegative() || initialDelay.compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initialDelay <= maxDelay: "
                    + initialDelay + ", " + maxDelay);
        }
    }

    /**
     * Retries {@code n} times, waiting 1 s, 2 s, 4 s... up to 30 s in between.
     *
     * @param n the number of retries
     * @return the policy
     */
    public static RetryPolicy retries(int n) {
        return new RetryPolicy(n, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param retry the retry's number, from 1
     * @return {@code min(maxDelay, initialDelay * 2^(retry-1))}
     */
    public Duration delayBefore(int retry) {
        Duration delay = initialDelay;
        for (int i = 1; i < retry && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /**
     * Tells whether a failure may go away by trying again: replies 421, 425 and 426, a broken or timed-out
     * connection (connection reset, refused, closed by the server) and a transfer that broke without a negative
     * reply. Permanent replies ({@code 5yz}), local file errors and garbled replies are not.
     *
     * @param failure the failure
     * @return true when worth retrying
     */
    public static boolean isTransient(IOException failure) {
        if (failure instanceof FtpTransferException transfer) {
            return transfer.reply().map(RetryPolicy::isTransientReply)
                    .orElseGet(() -> !(transfer.getCause() instanceof IOException cause) || isTransient(cause));
        }
        if (failure instanceof FtpReplyException reply) {
            return TRANSIENT_CODES.contains(reply.code());
        }
        return failure instanceof SocketException || failure instanceof SocketTimeoutException
                || failure instanceof EOFException;
    }

    private static boolean isTransientReply(Reply reply) {
        return TRANSIENT_CODES.contains(reply.codeValue());
    }

    /**
     * One attempt of an operation; told its number (1 for the first) so a retry can resume.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    public interface Attempt<T> {
        /**
         * Runs the attempt.
         *
         * @param number the attempt's number, from 1
         * @return the result
         * @throws IOException when it fails
         */
        T run(int number) throws IOException;
    }

    /**
     * Runs an operation, trying again after transient failures with backoff in between.
     *
     * @param attempt the operation
     * @param <T>     its result type
     * @return the first successful result
     * @throws IOException the permanent failure, or the last transient one when the retries are used up (earlier
     *                     failures attached as suppressed)
     */
    public <T> T run(Attempt<T> attempt) throws IOException {
        IOException first = null;
        for (int number = 1; number <= retries + 1; number++) {
            try {
                return attempt.run(number);
            } catch (IOException failure) {
                if (!isTransient(failure) || number > retries) {
                    if (first != null && first != failure) {
                        failure.addSuppressed(first);
                    }
                    throw failure;
                }
                if (first == null) {
                    first = failure;
                }
                pause(delayBefore(number));
            }
        }
        throw new IllegalStateException("unreachable: the last attempt returns or throws");
    }

    private static void pause(Duration delay) throws InterruptedIOException {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
