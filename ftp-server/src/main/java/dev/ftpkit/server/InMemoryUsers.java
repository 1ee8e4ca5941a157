package dev.ftpkit.server;

import dev.ftpkit.server.internal.AnonymousNames;
import dev.ftpkit.server.internal.HashGate;

import java.io.InterruptedIOException;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Users held in memory with PBKDF2-hashed passwords ({@link PasswordHash}). An unknown user costs the same hash
 * computation as a known one, so response timing does not reveal which names exist; the anonymous names of RFC 1635
 * ({@code anonymous}, {@code ftp}) are public and cost nothing unless they are users here. At most
 * {@link Builder#concurrentHashes(int)} hashes run at once, so a flood of wrong passwords cannot take every core.
 */
public final class InMemoryUsers implements Authenticator {

    private record User(String hash, Account account) {
    }

    /**
     * What the password checks of these users cost so far (for monitoring, and for tests of the bound).
     *
     * @param computed      how many hashes {@link #authenticate} computed
     * @param mostAtOnce    the most that ran at the same time
     * @param allowedAtOnce the bound ({@link Builder#concurrentHashes(int)})
     */
    public record Hashing(long computed, int mostAtOnce, int allowedAtOnce) {
    }

    private final Map<String, User> users;
    private final String decoyHash;
    private final HashGate gate;

    private InMemoryUsers(Map<String, User> users, String decoyHash, HashGate gate) {
        this.users = Map.copyOf(users);
        this.decoyHash = decoyHash;
        this.gate = gate;
    }

    /**
     * Starts an empty set of users.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public Optional<Account> authenticate(String userName, String password, InetAddress clientAddress)
            throws InterruptedIOException {
        User user = users.get(userName);
        if (user == null && AnonymousNames.contains(userName)) {
            return Optional.empty(); // a public name: timing reveals nothing, so no decoy hash (issue 13)
        }
        char[] chars = password.toCharArray();
        if (user == null) {
            gate.run(() -> PasswordHash.verify(chars, decoyHash)); // the work of a real user: no enumeration by timing
            return Optional.empty();
        }
        return gate.run(() -> PasswordHash.verify(chars, user.hash())) ? Optional.of(user.account()) : Optional.empty();
    }

    /** Only the anonymous names that are not users here are answered without a hash (a refusal). */
    @Override
    public boolean checkCosts(String userName) {
        return users.containsKey(userName) || !AnonymousNames.contains(userName);
    }

    /**
     * What the password checks cost so far.
     *
     * @return the counts
     */
    public Hashing hashing() {
        return new Hashing(gate.computed(), gate.mostAtOnce(), gate.allowedAtOnce());
    }

    /**
     * The user names, for diagnostics.
     *
     * @return the names
     */
    public Set<String> userNames() {
        return users.keySet();
    }

    /** Collects users; passwords given in clear text are hashed at once and never kept. */
    public static final class Builder {
        private final Map<String, User> users = new LinkedHashMap<>();
        private int iterations = PasswordHash.DEFAULT_ITERATIONS;
        private int concurrentHashes = Runtime.getRuntime().availableProcessors();

        private Builder() {
        }

        /**
         * Sets the PBKDF2 iteration count for passwords added in clear text after this call (default
         * {@link PasswordHash#DEFAULT_ITERATIONS}; tests may lower it to log in fast).
         *
         * @param iterations at least 1
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder iterations(int iterations) {
            if (iterations < 1) {
                throw new IllegalArgumentException("iterations must be positive: " + iterations);
            }
            this.iterations = iterations;
            return this;
        }

        /**
         * Sets how many password checks may compute their hash at the same time (default: the number of
         * processors); the others wait their turn, so a flood of logins cannot take every core.
         *
         * @param max at least 1
         * @return this builder
         * @throws IllegalArgumentException if not positive
         */
        public Builder concurrentHashes(int max) {
            if (max < 1) {
                throw new IllegalArgumentException("concurrentHashes must be at least 1: " + max);
            }
            this.concurrentHashes = max;
            return this;
        }

        /**
         * Adds a user at the root with the permissions of {@link Permission#readWrite()} (every one but
         * {@link Permission#CHMOD}, which only an explicit account grants).
         *
         * @param name     the user name
         * @param password the password in clear text (hashed here)
         * @return this builder
         */
        public Builder user(String name, String password) {
            return user(name, password, Account.atRoot(name, Permission.readWrite()));
        }

        /**
         * Adds a user with the given account (home and permissions).
         *
         * @param name     the user name
         * @param password the password in clear text (hashed here)
         * @param account  the account the login yields
         * @return this builder
         */
        public Builder user(String name, String password, Account account) {
            Objects.requireNonNull(password, "password");
            return userWithHash(name, PasswordHash.hash(password.toCharArray(), iterations), account);
        }

        /**
         * Adds a user whose password is given as a hash made by {@link PasswordHash}.
         *
         * @param name    the user name
         * @param hash    the encoded hash
         * @param account the account the login yields
         * @return this builder
         * @throws IllegalArgumentException if the hash is malformed or the name is empty or used twice
         */
        public Builder userWithHash(String name, String hash, Account account) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(account, "account");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("user name must not be empty");
            }
            if (!PasswordHash.isHash(hash)) {
                throw new IllegalArgumentException("not a password hash for user " + name);
            }
            if (users.putIfAbsent(name, new User(hash, account)) != null) {
                throw new IllegalArgumentException("user added twice: " + name);
            }
            return this;
        }

        /**
         * Builds the authenticator.
         *
         * @return the users
         */
        public InMemoryUsers build() {
            String decoy = users.isEmpty()
                    ? PasswordHash.hash("decoy".toCharArray(), iterations)
                    : users.values().iterator().next().hash();
            return new InMemoryUsers(users, decoy, new HashGate(concurrentHashes));
        }
    }
}
