package dev.ftpkit.server;

import java.nio.file.FileSystemException;

/**
 * The account's storage allocation is used up (EDQUOT, or a quota of a custom file system). Answered with
 * {@code 552 Exceeded storage allocation} (RFC 959 §4.2).
 */
public class QuotaExceededException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param file   the file being written, or null
     * @param reason the platform's text, or null
     */
    public QuotaExceededException(String file, String reason) {
        super(file, null, reason);
    }
}
