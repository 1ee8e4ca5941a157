package dev.ftpkit.core;

import java.io.IOException;
import java.util.Objects;

/**
 * A reply that ends an operation, usually a negative one (4yz/5yz, RFC 959 §4.2.1).
 * The client throws it for negative replies; a server command handler throws it to answer with
 * exactly {@link #reply()}. The message is {@code "<context>: <code> <text>"}.
 */
public class FtpReplyException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The reply; Reply is an immutable record of serializable parts but we do not rely on that. */
    private final transient Reply reply;

    /**
     * Creates an exception carrying a reply, without context.
     *
     * @param reply the reply
     */
    public FtpReplyException(Reply reply) {
        super(Objects.requireNonNull(reply, "reply").codeValue() + " " + reply.text());
        this.reply = reply;
    }

    /**
     * Creates an exception carrying a reply and saying what was being done.
     *
     * @param context what was being done, e.g. {@code "RETR a.txt"}
     * @param reply   the reply
     */
    public FtpReplyException(String context, Reply reply) {
        super(context + ": " + Objects.requireNonNull(reply, "reply").codeValue() + " " + reply.text());
        this.reply = reply;
    }

    /**
     * Returns the reply.
     *
     * @return the reply carried by this exception
     */
    public Reply reply() {
        return reply;
    }

    /**
     * Returns the reply code.
     *
     * @return the three-digit reply code
     */
    public int code() {
        return reply.codeValue();
    }
}
