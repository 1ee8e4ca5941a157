package dev.ftpkit.server;

import dev.ftpkit.server.internal.limits.TokenBucket;

/**
 * The most bytes per second one session may move over its data connections, per direction; {@code 0} means no
 * limit. A limited direction is shaped by a token bucket that lets at most 100 ms of data through at once, so
 * over any two seconds a transfer stays within 5 % above the rate (below it only when the machine cannot keep up); an unlimited direction is not touched at all.
 *
 * @param uploadBytesPerSecond   the limit of uploads (STOR, APPE, STOU), 0 for none
 * @param downloadBytesPerSecond the limit of downloads and listings (RETR, LIST, NLST, MLSD), 0 for none
 */
public record RateLimit(long uploadBytesPerSecond, long downloadBytesPerSecond) {

    /** The highest limit (4 GiB/s; faster is as good as unlimited). */
    public static final long MAX_BYTES_PER_SECOND = TokenBucket.MAX_RATE;

    /** No limit in either direction. */
    public static final RateLimit UNLIMITED = new RateLimit(0, 0);

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a rate is negative or above {@link #MAX_BYTES_PER_SECOND}
     */
    public RateLimit {
        if (uploadBytesPerSecond < 0 || downloadBytesPerSecond < 0 || uploadBytesPerSecond > MAX_BYTES_PER_SECOND
                || downloadBytesPerSecond > MAX_BYTES_PER_SECOND) {
            throw new IllegalArgumentException("rate limit must be 0.." + MAX_BYTES_PER_SECOND + ": upload "
                    + uploadBytesPerSecond
                    + ", download " + downloadBytesPerSecond);
        }
    }

    /**
     * The same limit both ways.
     *
     * @param bytesPerSecond the limit, 0 for none
     * @return the limit
     */
    public static RateLimit of(long bytesPerSecond) {
        return new RateLimit(bytesPerSecond, bytesPerSecond);
    }

    /**
     * Whether uploads are limited.
     *
     * @return true if {@link #uploadBytesPerSecond()} is positive
     */
    public boolean limitsUploads() {
        return uploadBytesPerSecond > 0;
    }

    /**
     * Whether downloads are limited.
     *
     * @return true if {@link #downloadBytesPerSecond()} is positive
     */
    public boolean limitsDownloads() {
        return downloadBytesPerSecond > 0;
    }
}
