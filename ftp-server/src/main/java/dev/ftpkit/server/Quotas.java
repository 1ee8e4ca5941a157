package dev.ftpkit.server;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The storage {@link Quota} of each account, by name. The server walks an account's home once, when the account
 * first logs in, and from then on keeps the usage up to date as STOR, APPE, STOU, DELE and RNTO change it, across
 * all the account's sessions; it never walks the tree on an upload. Files changed behind the server's back are
 * not seen until it restarts.
 */
public final class Quotas {

    /** No quota for anyone: the default. */
    public static final Quotas NONE = builder().build();

    private final Map<String, Quota> accounts;

    private Quotas(Map<String, Quota> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    /**
     * Starts an empty set of quotas.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The quota of an account.
     *
     * @param accountName the name, as {@link Account#name()}
     * @return its quota, empty if it has none
     */
    public Optional<Quota> of(String accountName) {
        return Optional.ofNullable(accounts.get(accountName));
    }

    /** Collects the quotas. */
    public static final class Builder {
        private final Map<String, Quota> accounts = new HashMap<>();

        private Builder() {
        }

        /**
         * Sets the quota of one account.
         *
         * @param name  the account's name
         * @param quota its quota
         * @return this builder
         */
        public Builder account(String name, Quota quota) {
            Objects.requireNonNull(name, "quota account name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("quota account name must not be empty");
            }
            accounts.put(name, Objects.requireNonNull(quota, "quota"));
            return this;
        }

        /**
         * Makes the quotas.
         *
         * @return the quotas
         */
        public Quotas build() {
            return new Quotas(accounts);
        }
    }
}
