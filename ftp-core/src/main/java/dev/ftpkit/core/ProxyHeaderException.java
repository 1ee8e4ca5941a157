package dev.ftpkit.core;

/**
 * A PROXY protocol header that is malformed, of an unknown version, or larger than
 * {@link ProxyHeaderParser#MAX_HEADER_BYTES}. {@link ProxyHeaderParser} throws this exception and only this one
 * for bad input; a server that gets it closes the connection without a greeting.
 */
public final class ProxyHeaderException extends FtpProtocolException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception.
     *
     * @param message what was wrong with the header
     */
    public ProxyHeaderException(String message) {
        super(message);
    }
}
