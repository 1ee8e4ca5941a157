package dev.ftpkit.server.internal;


/**
 * What earlier commands set for later ones: TYPE and REST for the next transfer, the HASH algorithm chosen with
 * OPTS HASH, and the path RNFR named for the RNTO that must follow it.
 */
final class CommandParameters {

    // RFC 959 §5.1 (minimum implementation) and §3.1.1.1: the default type is ASCII Non-print
    private boolean ascii = true;
    private long restOffset;
    // the normalized FTP path RNFR named: RNTO finds it again, so what it renames is what the jail checks then
    private String renameFrom;
    private String hashAlgorithm = "SHA-256";
    private MlsxFactSelection mlsxFacts = MlsxFactSelection.ALL;

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

    /** The MLST/MLSD facts selected with OPTS MLST (RFC 3659 §7.9). */
    MlsxFactSelection mlsxFacts() {
        return mlsxFacts;
    }

    void mlsxFacts(MlsxFactSelection selection) {
        this.mlsxFacts = selection;
    }

    String hashAlgorithm() {
        return hashAlgorithm;
    }

    void hashAlgorithm(String algorithm) {
        this.hashAlgorithm = algorithm;
    }

    /** REIN (RFC 959 §4.1.1): TYPE (back to ASCII), REST, RNFR and the MLSx facts return to their defaults; the HASH algorithm stays. */
    void reset() {
        ascii = true;
        restOffset = 0;
        renameFrom = null;
        mlsxFacts = MlsxFactSelection.ALL;
    }
}
