package dev.ftpkit.server.internal;


/**
 * What earlier commands set for later ones: TYPE and REST for the next transfer, the HASH algorithm chosen with
 * OPTS HASH, and the path RNFR named for the RNTO that must follow it.
 */
final class CommandParameters {

    private boolean ascii;
    private long restOffset;
    // the normalized FTP path RNFR named: RNTO finds it again, so what it renames is what the jail checks then
    private String renameFrom;
    private String hashAlgorithm = "SHA-256";

    boolean asciiType() {
        return ascii;
    }

    void asciiType(boolean newAscii) {
        this.ascii = newAscii;
    }

    void restOffset(long offset) {
        this.restOffset = offset;
    }

    /** The REST offset for this transfer; consumed (RFC 3659 §5.3: it applies to the next transfer only). */
    long takeRestOffset() {
        long offset = restOffset;
        restOffset = 0;
        return offset;
    }

    void renameFrom(String from) {
        this.renameFrom = from;
    }

    String renameFrom() {
        return renameFrom;
    }

    String hashAlgorithm() {
        return hashAlgorithm;
    }

    void hashAlgorithm(String algorithm) {
        this.hashAlgorithm = algorithm;
    }

    /** REIN (RFC 959 §4.1.1): TYPE, REST and RNFR return to their defaults; the HASH algorithm stays. */
    void reset() {
        ascii = false;
        restOffset = 0;
        renameFrom = null;
    }
}
