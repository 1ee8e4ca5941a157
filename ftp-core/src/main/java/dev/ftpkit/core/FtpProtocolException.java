package dev.ftpkit.core;

import java.io.IOException;

/**
 * Bad input from the network: a reply, command or argument that does not follow the FTP grammar,
 * or exceeds a limit. Every parser in this package throws this exception and only this one for
 * bad input; a parser stays usable after throwing it.
 */
public class FtpProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was wrong with the input
     */
    public FtpProtocolException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a cause.
     *
     * @param message what was wrong with the input
     * @param cause   the underlying failure
     */
    public FtpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
