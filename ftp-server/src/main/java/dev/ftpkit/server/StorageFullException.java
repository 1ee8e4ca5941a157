package dev.ftpkit.server;

import java.nio.file.FileSystemException;

/**
 * The storage has no space left (ENOSPC). Answered with {@code 452 Insufficient storage space} (RFC 959 §4.2).
 * A custom {@link java.nio.file.FileSystem} can throw it directly; the server also raises it where the platform
 * reports a full disk only as an {@link java.io.IOException} with the system's error text.
 */
public class StorageFullException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param file   the file being written, or null
     * @param reason the platform's text, or null
     */
    public StorageFullException(String file, String reason) {
        super(file, null, reason);
    }
}
