package dev.ftpkit.client;

import dev.ftpkit.core.Reply;

import java.io.IOException;
import java.util.Optional;

/**
 * A transfer that did not complete: the data connection broke, or the server's final reply was negative
 * (e.g. {@code 426}). It tells how many bytes made it, so a download can be resumed from there. A file written
 * by the client is left in place holding those bytes.
 */
public class FtpTransferException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long bytesTransferred;
    private final transient Reply reply;

    /**
     * Creates the exception.
     *
     * @param message          what failed
     * @param bytesTransferred the bytes transferred before the failure
     * @param reply            the server's final reply, or null when none was read
     * @param cause            the underlying failure, or null
     */
    public FtpTransferException(String message, long bytesTransferred, Reply reply, Throwable cause) {
        super(message + " (" + bytesTransferred + " bytes transferred)", cause);
        this.bytesTransferred = bytesTransferred;
        this.reply = reply;
    }

    /**
     * Returns the bytes transferred before the failure (on the data connection, after any resume offset).
     *
     * @return the byte count
     */
    public long bytesTransferred() {
        return bytesTransferred;
    }

    /**
     * Returns the server's final reply for the transfer, when one was read.
     *
     * @return the reply, or empty when the failure happened before or without one
     */
    public Optional<Reply> reply() {
        return Optional.ofNullable(reply);
    }
}
