package dev.ftpkit.server.s3.internal;

import software.amazon.nio.spi.s3.S3OpenOption;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * The provider's hook for {@link dev.ftpkit.server.CommitsAtClose}: its write channel spools to a local file and
 * PUTs it when closed, unless an open option vetoes the PUT; this one vetoes it when the server's decision is no.
 */
final class CommitGate extends S3OpenOption {

    private final BooleanSupplier decision;

    CommitGate(BooleanSupplier decision) {
        this.decision = decision;
    }

    @Override
    protected boolean preventPutObjectRequest(Path file) {
        return !decision.getAsBoolean();
    }

    @Override
    public S3OpenOption copy() {
        return new CommitGate(decision);
    }
}
