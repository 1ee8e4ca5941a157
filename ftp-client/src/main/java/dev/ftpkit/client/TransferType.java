package dev.ftpkit.client;

/**
 * The representation type of a transfer (RFC 959 §3.1.1). Binary is the default: ASCII rewrites line ends and
 * corrupts anything that is not text.
 */
public enum TransferType {
    /** {@code TYPE I}: bytes are transferred unchanged. */
    BINARY("I"),
    /**
     * {@code TYPE A}: text whose lines end with CRLF on the wire; the client converts CRLF to the local line
     * separator on download and the local line ends (LF or CRLF) to CRLF on upload.
     */
    ASCII("A");

    private final String code;

    TransferType(String code) {
        this.code = code;
    }

    /**
     * Returns the argument of the {@code TYPE} command.
     *
     * @return {@code "I"} or {@code "A"}
     */
    public String code() {
        return code;
    }
}
