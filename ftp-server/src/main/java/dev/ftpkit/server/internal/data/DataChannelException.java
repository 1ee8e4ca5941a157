package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.internal.ErrorMapper;
import java.io.IOException;

/**
 * A data connection could not be prepared, opened or secured. The code that fails says what went wrong (its
 * {@link Reason}); {@link ErrorMapper} alone picks the reply.
 */
public final class DataChannelException extends IOException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** A transfer command came without PASV, EPSV, PORT or EPRT before it. */
        NOT_PREPARED,
        /** Every port of the passive range is leased or taken. */
        PASSIVE_PORTS_EXHAUSTED,
        /** The accept or connect failed or timed out. */
        CANNOT_CONNECT,
        /** A passive data connection came from another address than the control connection's (RFC 2577 §5). */
        FOREIGN_ADDRESS,
        /** The server requires PROT P and the client did not send it. */
        PROTECTION_REQUIRED,
        /** The TLS handshake on the data connection failed. */
        TLS_FAILED,
        /** The data connection's TLS session is not the control connection's, and reuse is required. */
        TLS_NOT_RESUMED
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason what went wrong
     * @param cause  the underlying failure, or null
     */
    public DataChannelException(Reason reason, Throwable cause) {
        super(reason.name(), cause);
        this.reason = reason;
    }

    /**
     * What went wrong.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
