package dev.ftpkit.server;

import java.util.Optional;

/**
 * What earlier commands set for later ones: TYPE (RFC 959 §3.1.1) and REST (RFC 3659 §5) for the next transfer,
 * the path RNFR named for the RNTO that must follow it (RFC 959 §4.1.3), and the HASH algorithm.
 * Structure is always File; the mode is Stream, or Deflate (MODE Z) where the server offers it.
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

    /**
     * Whether MODE Z (deflate, draft-preston-ftpext-deflate) is in effect rather than MODE S.
     *
     * @return true for MODE Z
     */
    boolean modeZ();

    /**
     * Sets the transmission mode.
     *
     * @param deflate true for MODE Z, false for MODE S
     */
    void modeZ(boolean deflate);

    /**
     * The compression level of what the server sends under MODE Z.
     *
     * @return 0..9
     */
    int modeZLevel();

    /**
     * Sets the MODE Z compression level (OPTS MODE Z LEVEL).
     *
     * @param level 0..9
     */
    void modeZLevel(int level);

    /**
     * The charset of names on the control connection and in listings: UTF-8 (RFC 2640) unless the server is
     * configured for older clients ({@link FtpServer.Builder#controlEncoding(java.nio.charset.Charset)}) and the
     * client did not send {@code OPTS UTF8 ON}.
     *
     * @return the charset
     */
    java.nio.charset.Charset nameCharset();

    /** Switches this session's names to UTF-8 ({@code OPTS UTF8 ON}). */
    void useUtf8();
}
