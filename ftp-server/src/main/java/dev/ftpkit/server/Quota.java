package dev.ftpkit.server;

/**
 * How much one account may store under its home: bytes, and optionally a number of files. Reaching a limit
 * exactly is allowed; an upload that would pass it gets {@code 552} (RFC 959 §4.2, "exceeded storage allocation")
 * and leaves no file behind.
 *
 * @param maxBytes the most bytes of regular files, at least 0
 * @param maxFiles the most regular files, at least 0; {@link Long#MAX_VALUE} for no file limit
 */
public record Quota(long maxBytes, long maxFiles) {

    /**
     * Validates.
     *
     * @throws IllegalArgumentException if a limit is negative
     */
    public Quota {
        if (maxBytes < 0 || maxFiles < 0) {
            throw new IllegalArgumentException("quota must not be negative: " + maxBytes + " bytes, " + maxFiles
                    + " files");
        }
    }

    /**
     * A limit of bytes alone.
     *
     * @param maxBytes the most bytes
     * @return the quota
     */
    public static Quota bytes(long maxBytes) {
        return new Quota(maxBytes, Long.MAX_VALUE);
    }
}
