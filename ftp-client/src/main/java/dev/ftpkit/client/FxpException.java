package dev.ftpkit.client;

import dev.ftpkit.core.Reply;

import java.io.IOException;
import java.util.Optional;

/**
 * A server-to-server copy ({@link Fxp}) that failed, with what each side last said: a refused PORT or STOR on the
 * target, a refused RETR on the source, or a transfer that one side or both ended with a negative reply.
 */
public class FxpException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Reply sourceReply;
    private final transient Reply targetReply;

    /**
     * Creates the exception.
     *
     * @param message     what failed
     * @param sourceReply the source server's reply that tells the failure (or its last reply), or null
     * @param targetReply the target server's reply that tells the failure (or its last reply), or null
     */
    public FxpException(String message, Reply sourceReply, Reply targetReply) {
        super(message + said("source", sourceReply) + said("target", targetReply));
        this.sourceReply = sourceReply;
        this.targetReply = targetReply;
    }

    private static String said(String side, Reply reply) {
        return reply == null ? "" : "; " + side + ": " + reply.codeValue() + " " + reply.firstLine();
    }

    /**
     * Returns the source server's reply, when one was read.
     *
     * @return the reply
     */
    public Optional<Reply> sourceReply() {
        return Optional.ofNullable(sourceReply);
    }

    /**
     * Returns the target server's reply, when one was read.
     *
     * @return the reply
     */
    public Optional<Reply> targetReply() {
        return Optional.ofNullable(targetReply);
    }
}
