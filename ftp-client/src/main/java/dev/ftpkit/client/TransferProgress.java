package dev.ftpkit.client;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far a transfer has come.
 *
 * @param remotePath the remote file being transferred
 * @param direction  download or upload
 * @param bytes      the bytes transferred so far on the data connection (after a resume: counted from the offset)
 * @param total      the total size when known (from the server's 150 reply, SIZE, or the local file)
 */
public record TransferProgress(String remotePath, Direction direction, long bytes, OptionalLong total) {

    /** Which way the bytes flow. */
    public enum Direction {
        /** From the server to the client (RETR). */
        DOWNLOAD,
        /** From the client to the server (STOR, APPE, STOU). */
        UPLOAD
    }

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public TransferProgress {
        Objects.requireNonNull(remotePath, "remotePath");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(total, "total");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }
}
