package dev.ftpkit.server;

import dev.ftpkit.core.Reply;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@link ServerHook#beforeCommand} answer: run the command, refuse it with a reply, or run it and replace its
 * final reply.
 */
public final class CommandVerdict {

    private static final CommandVerdict ALLOW = new CommandVerdict(null, UnaryOperator.identity());

    private final Reply denial;
    private final UnaryOperator<Reply> rewrite;

    private CommandVerdict(Reply denial, UnaryOperator<Reply> rewrite) {
        this.denial = denial;
        this.rewrite = rewrite;
    }

    /**
     * Runs the command as usual.
     *
     * @return the verdict
     */
    public static CommandVerdict allow() {
        return ALLOW;
    }

    /**
     * Does not run the command; the client gets this reply.
     *
     * @param reply a negative reply (4xx or 5xx)
     * @return the verdict
     * @throws IllegalArgumentException if the reply is not negative
     */
    public static CommandVerdict deny(Reply reply) {
        return new CommandVerdict(Verdict.requireNegative(reply), UnaryOperator.identity());
    }

    /**
     * Runs the command and sends {@code rewrite.apply(reply)} instead of its final reply (preliminary replies
     * such as 150 are not rewritten).
     *
     * @param rewrite gets the final reply, returns the one to send
     * @return the verdict
     */
    public static CommandVerdict rewriteReply(UnaryOperator<Reply> rewrite) {
        return new CommandVerdict(null, Objects.requireNonNull(rewrite, "rewrite"));
    }

    /**
     * The reply of a denial.
     *
     * @return the reply, empty unless denied
     */
    public Optional<Reply> denial() {
        return Optional.ofNullable(denial);
    }

    /**
     * What is applied to the command's final reply.
     *
     * @return the rewrite (identity unless {@link #rewriteReply})
     */
    public UnaryOperator<Reply> rewrite() {
        return rewrite;
    }

    @Override
    public String toString() {
        return denial != null ? "deny " + denial.code() : rewrite == UnaryOperator.<Reply>identity() ? "allow" : "rewrite";
    }
}
