package dev.ftpkit.server;

import dev.ftpkit.core.Reply;

import java.util.Objects;
import java.util.Optional;

/** A hook's answer to "may this happen?": allow, or deny with the reply the client gets. */
public final class Verdict {

    private static final Verdict ALLOW = new Verdict(null);

    private final Reply denial;

    private Verdict(Reply denial) {
        this.denial = denial;
    }

    /**
     * Lets it happen.
     *
     * @return the verdict
     */
    public static Verdict allow() {
        return ALLOW;
    }

    /**
     * Refuses with this reply.
     *
     * @param reply a negative reply (4xx or 5xx), e.g. {@code 553 File name not allowed.}
     * @return the verdict
     * @throws IllegalArgumentException if the reply is not negative
     */
    public static Verdict deny(Reply reply) {
        return new Verdict(requireNegative(reply));
    }

    /**
     * Refuses with this reply.
     *
     * @param code a 4xx or 5xx code
     * @param text one line
     * @return the verdict
     */
    public static Verdict deny(int code, String text) {
        return deny(Reply.of(code, text));
    }

    /**
     * The reply of a denial.
     *
     * @return the reply, empty if allowed
     */
    public Optional<Reply> denial() {
        return Optional.ofNullable(denial);
    }

    static Reply requireNegative(Reply reply) {
        Objects.requireNonNull(reply, "reply");
        if (!reply.code().isNegative()) {
            throw new IllegalArgumentException("a denial needs a 4xx or 5xx reply: " + reply.code());
        }
        return reply;
    }

    @Override
    public String toString() {
        return denial == null ? "allow" : "deny " + denial.code();
    }
}
