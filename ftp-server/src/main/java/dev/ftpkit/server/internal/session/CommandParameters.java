package dev.ftpkit.server.internal.session;

import dev.ftpkit.server.MlsxFactSelection;
import dev.ftpkit.server.TransferParameters;

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

    /** REIN (RFC 959 §4.1.1): TYPE (back to ASCII), REST, RNFR and the MLSx facts return to their defaults; the HASH algorithm stays. */
    void reset() {
        ascii = true;
        mlsxFacts = MlsxFactSelection.ALL;
        restOffset = 0;
        renameFrom = null;
    }
}
