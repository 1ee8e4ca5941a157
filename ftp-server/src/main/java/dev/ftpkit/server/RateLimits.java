package dev.ftpkit.server;

import dev.ftpkit.server.internal.AnonymousNames;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which {@link RateLimit} a session gets: the limit of its account if one is set by name, else the anonymous limit
 * for anonymous logins ({@code anonymous}, {@code ftp}), else the limit of every session (vsftpd's
 * {@code local_max_rate} and {@code anon_max_rate}, plus limits per account). A session not logged in moves no
 * file data; its listings count as the every-session limit.
 *
 * <pre>{@code
 * RateLimits.builder().everyone(RateLimit.of(5_000_000)).anonymous(RateLimit.of(1_000_000))
 *         .account("backup", RateLimit.UNLIMITED).build()
 * }</pre>
 */
public final class RateLimits {

    /** No limit for anyone: the default. */
    public static final RateLimits NONE = builder().build();

    private final RateLimit everyone;
    private final RateLimit anonymous;
    private final Map<String, RateLimit> accounts;

    private RateLimits(Builder builder) {
        this.everyone = builder.everyone;
        this.anonymous = builder.anonymous.orElse(builder.everyone);
        this.accounts = Map.copyOf(builder.accounts);
    }

    /**
     * Starts limits with none set.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The limit of a session logged in as an account, or not logged in.
     *
     * @param account the session's account, empty before login
     * @return the limit
     */
    public RateLimit limitFor(Optional<Account> account) {
        if (account.isEmpty()) {
            return everyone;
        }
        RateLimit own = accounts.get(account.get().name());
        if (own != null) {
            return own;
        }
        return AnonymousNames.contains(account.get().name()) ? anonymous : everyone;
    }

    /**
     * Whether any session can be limited.
     *
     * @return false for {@link #NONE} and limits that are all unlimited
     */
    public boolean any() {
        return !everyone.equals(RateLimit.UNLIMITED) || !anonymous.equals(RateLimit.UNLIMITED)
                || accounts.values().stream().anyMatch(limit -> !limit.equals(RateLimit.UNLIMITED));
    }

    /** Collects the limits. */
    public static final class Builder {
        private RateLimit everyone = RateLimit.UNLIMITED;
        private Optional<RateLimit> anonymous = Optional.empty();
        private final Map<String, RateLimit> accounts = new HashMap<>();

        private Builder() {
        }

        /**
         * The limit of every session without a more specific one (default {@link RateLimit#UNLIMITED}).
         *
         * @param limit the limit
         * @return this builder
         */
        public Builder everyone(RateLimit limit) {
            this.everyone = Objects.requireNonNull(limit, "everyone");
            return this;
        }

        /**
         * The limit of anonymous sessions, instead of the every-session one (default: the every-session limit).
         *
         * @param limit the limit
         * @return this builder
         */
        public Builder anonymous(RateLimit limit) {
            this.anonymous = Optional.of(Objects.requireNonNull(limit, "anonymous"));
            return this;
        }

        /**
         * The limit of the sessions of one account, instead of the others.
         *
         * @param name  the account's name, as {@link Account#name()}
         * @param limit the limit, {@link RateLimit#UNLIMITED} to exempt the account
         * @return this builder
         */
        public Builder account(String name, RateLimit limit) {
            Objects.requireNonNull(name, "account name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("account name must not be empty");
            }
            accounts.put(name, Objects.requireNonNull(limit, "account limit"));
            return this;
        }

        /**
         * Makes the limits.
         *
         * @return the limits
         */
        public RateLimits build() {
            return new RateLimits(this);
        }
    }
}
