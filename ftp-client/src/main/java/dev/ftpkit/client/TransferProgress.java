package dev.ftpkit.client;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * How far a transfer has come. A resumed transfer (REST, or APPE after a partial upload) starts at {@code offset};
 * {@code bytes} counts what this transfer moved, and {@code total} is the whole file's size, so
 * {@link #position()} runs from {@code offset} to {@code total} whether the transfer was resumed or not.
 *
 * @param remotePath the remote file being transferred
 * @param direction  download or upload
 * @param offset     where in the file this transfer started (0 unless resumed)
 * @param bytes      the bytes transferred so far on the data connection, counted from {@code offset}
 * @param total      the whole file's size when known (from the server's 150 reply, SIZE, or the local file)
 */
public record TransferProgress(String remotePath, Direction direction, long offset, long bytes, OptionalLong total) {

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
     * @throws IllegalArgumentException if {@code offset} or {@code bytes} is negative
     */
    public TransferProgress {
        Objects.requireNonNull(remotePath, "remotePath");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(total, "total");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
    }

    /**
     * The progress of a transfer that started at the beginning of the file.
     *
     * @param remotePath the remote file being transferred
     * @param direction  download or upload
     * @param bytes      the bytes transferred so far
     * @param total      the file's size when known
     */
    public TransferProgress(String remotePath, Direction direction, long bytes, OptionalLong total) {
        this(remotePath, direction, 0, bytes, total);
    }

    /**
     * Where in the file the transfer is now.
     *
     * @return {@code offset + bytes}
     */
    public long position() {
        return offset + bytes;
    }

    /**
     * Tells whether the whole file has been transferred (only known when the total is).
     *
     * @return true when the total is known and the position has reached it
     */
    public boolean isComplete() {
        return total.isPresent() && position() >= total.getAsLong();
    }
}
