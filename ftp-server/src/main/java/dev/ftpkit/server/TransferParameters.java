package dev.ftpkit.server;

import java.util.Optional;

/**
 * What earlier commands set for later ones: TYPE (RFC 959 §3.1.1) and REST (RFC 3659 §5) for the next transfer,
 * the path RNFR named for the RNTO that must follow it (RFC 959 §4.1.3), and the HASH algorithm.
 * Structure is always File and mode always Stream: STRU and MODE accept nothing else.
 */
public interface TransferParameters {

    /**
     * Whether TYPE A (ASCII) is in effect, rather than TYPE I; ASCII is the default (RFC 959 §5.1).
     *
     * @return true for ASCII
     */
    boolean asciiType();

    /**
     * Sets the representation type.
     *
     * @param ascii true for TYPE A, false for TYPE I
     */
    void asciiType(boolean ascii);

    /**
     * The MLST/MLSD facts selected with OPTS MLST (RFC 3659 §7.9).
     *
     * @return the selection ({@link MlsxFactSelection#ALL} by default)
     */
    MlsxFactSelection mlsxFacts();

    /**
     * Selects the MLST/MLSD facts (OPTS MLST).
     *
     * @param selection the selection
     */
    void mlsxFacts(MlsxFactSelection selection);

    /**
     * Sets the restart offset of the next transfer.
     *
     * @param offset a byte offset, 0 or more
     */
    void restOffset(long offset);

    /**
     * The restart offset for this transfer, consumed (RFC 3659 §5.3: it applies to the next transfer only).
     *
     * @return the offset, 0 without REST
     */
    long takeRestOffset();

    /**
     * The path RNFR accepted.
     *
     * @return its absolute FTP path, empty without a pending RNFR
     */
    Optional<String> pendingRename();

    /**
     * Sets or clears the path RNFR accepted.
     *
     * @param from an absolute FTP path, or empty to clear it
     */
    void pendingRename(Optional<String> from);

    /**
     * The algorithm HASH uses, e.g. {@code "SHA-256"}.
     *
     * @return its canonical name
     */
    String hashAlgorithm();

    /**
     * Selects the algorithm HASH uses (OPTS HASH).
     *
     * @param algorithm a canonical name
     */
    void hashAlgorithm(String algorithm);
}
