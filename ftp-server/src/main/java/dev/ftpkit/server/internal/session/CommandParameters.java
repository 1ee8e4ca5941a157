package dev.ftpkit.server.internal.session;

import dev.ftpkit.server.MlsxFactSelection;
import dev.ftpkit.server.TransferParameters;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What earlier commands set for later ones: TYPE and REST for the next transfer, the HASH algorithm chosen with
 * OPTS HASH, the MLSx facts chosen with OPTS MLST, and the path RNFR named for the RNTO that must follow it.
 */
final class CommandParameters implements TransferParameters {

    // RFC 959 §5.1 (minimum implementation) and §3.1.1.1: the default type is ASCII Non-print
    private volatile boolean ascii = true;
    private MlsxFactSelection mlsxFacts = MlsxFactSelection.ALL;
    private long restOffset;
    private String renameFrom;
    private String hashAlgorithm = "SHA-256";
    private final int defaultModeZLevel;
    private volatile boolean modeZ;
    private volatile int modeZLevel;

    private final Charset defaultCharset;
    private volatile Charset nameCharset;

    /**
     * @param defaultModeZLevel the server's MODE Z level, until OPTS MODE Z LEVEL picks another
     * @param defaultCharset    the server's charset of names, until OPTS UTF8 ON picks UTF-8
     */
    CommandParameters(int defaultModeZLevel, Charset defaultCharset) {
        this.defaultModeZLevel = defaultModeZLevel;
        this.modeZLevel = defaultModeZLevel;
        this.defaultCharset = defaultCharset;
        this.nameCharset = defaultCharset;
    }

    @Override
    public boolean asciiType() {
        return ascii;
    }

    @Override
    public void asciiType(boolean newAscii) {
        this.ascii = newAscii;
    }

    @Override
    public MlsxFactSelection mlsxFacts() {
        return mlsxFacts;
    }

    @Override
    public void mlsxFacts(MlsxFactSelection selection) {
        this.mlsxFacts = selection;
    }

    @Override
    public void restOffset(long offset) {
        this.restOffset = offset;
    }

    @Override
    public long takeRestOffset() {
        long offset = restOffset;
        restOffset = 0;
        return offset;
    }

    @Override
    public void pendingRename(Optional<String> from) {
        this.renameFrom = from.orElse(null);
    }

    @Override
    public Optional<String> pendingRename() {
        return Optional.ofNullable(renameFrom);
    }

    @Override
    public String hashAlgorithm() {
        return hashAlgorithm;
    }

    @Override
    public void hashAlgorithm(String algorithm) {
        this.hashAlgorithm = algorithm;
    }

    @Override
    public boolean modeZ() {
        return modeZ;
    }

    @Override
    public void modeZ(boolean deflate) {
        this.modeZ = deflate;
    }

    @Override
    public int modeZLevel() {
        return modeZLevel;
    }

    @Override
    public void modeZLevel(int level) {
        this.modeZLevel = level;
    }

    @Override
    public Charset nameCharset() {
        return nameCharset;
    }

    @Override
    public void useUtf8() {
        this.nameCharset = StandardCharsets.UTF_8;
    }

    /**
     * REIN (RFC 959 §4.1.1): TYPE (back to ASCII), MODE (back to S), the charset of names, REST, RNFR and the MLSx facts return to their
     * defaults; the HASH algorithm stays.
     */
    void reset() {
        ascii = true;
        modeZ = false;
        modeZLevel = defaultModeZLevel;
        nameCharset = defaultCharset;
        mlsxFacts = MlsxFactSelection.ALL;
        restOffset = 0;
        renameFrom = null;
    }
}
