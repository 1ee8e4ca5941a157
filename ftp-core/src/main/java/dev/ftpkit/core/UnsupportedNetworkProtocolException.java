package dev.ftpkit.core;

/**
 * An EPRT or EPSV named a network protocol number this library does not know; RFC 2428 §2 says
 * the server answers 522 and lists the protocols it supports.
 */
public class UnsupportedNetworkProtocolException extends FtpProtocolException {
    private static final long serialVersionUID = 1L;

    private final int protocolNumber;

    /**
     * Creates the exception.
     *
     * @param protocolNumber the number that was sent
     */
    public UnsupportedNetworkProtocolException(int protocolNumber) {
        super("network protocol " + protocolNumber + " not supported");
        this.protocolNumber = protocolNumber;
    }

    /**
     * Returns the number that was sent.
     *
     * @return the unsupported protocol number
     */
    public int protocolNumber() {
        return protocolNumber;
    }
}
