package dev.ftpkit.server;

import java.net.InetAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static dev.ftpkit.server.internal.OptionChecks.require;
import static dev.ftpkit.server.internal.OptionChecks.requirePositive;

/**
 * The defender: bans client addresses that keep failing to log in or otherwise abuse the server (issue 19).
 *
 * <p>Each address has a score, counted across all its connections: a failed login adds one, and so does an
 * attempt at FTP bounce (PORT or EPRT refused for a foreign address or a low port, RFC 2577 §3), a flood of PASV or
 * EPSV without a transfer, and a command line too long. A score is forgotten {@link Builder#window(Duration)} after
 * its last point. When it reaches {@link Builder#banAfter(int)}, the address is banned: its new connections get
 * {@code 421} and are closed before the greeting, and its open sessions cannot try another password, for the ban
 * time, doubled for each earlier ban of the address up to {@link Builder#maxBanTime(Duration)}. The connection that
 * scored the last point still gets its own reply (a {@code 530}). Addresses on the allow list are never banned.
 * The address is the session's {@link FtpSession#clientAddress() client address}: behind a proxy, the client's.
 *
 * <p>Also here: how many logins of one address may wait for their password check (one address is checked at a
 * time, whatever it does; beyond this many waiting, more get {@code 421} at once).
 */
public final class DefenderSettings {

    /** The defaults: no bans; 32 logins of an address may wait for their check. */
    public static final DefenderSettings DEFAULTS = builder().build();

    private final int banAfter;
    private final Duration banTime;
    private final Duration maxBanTime;
    private final Duration window;
    private final List<AddressRange> allowed;
    private final int maxWaitingLogins;
    private final InstantSource clock;

    private DefenderSettings(Builder b) {
        this.banAfter = b.banAfter;
        this.banTime = b.banTime;
        this.maxBanTime = b.maxBanTime;
        this.window = b.window;
        this.allowed = List.copyOf(b.allowed);
        this.maxWaitingLogins = b.maxWaitingLogins;
        this.clock = b.clock;
    }

    /**
     * Starts settings with bans off.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The score that bans an address.
     *
     * @return at least 1, or 0 when bans are off
     */
    public int banAfter() {
        return banAfter;
    }

    /**
     * How long a first ban lasts.
     *
     * @return the duration
     */
    public Duration banTime() {
        return banTime;
    }

    /**
     * The longest a repeated ban lasts.
     *
     * @return the duration
     */
    public Duration maxBanTime() {
        return maxBanTime;
    }

    /**
     * How long after its last point a score is forgotten.
     *
     * @return the duration
     */
    public Duration window() {
        return window;
    }

    /**
     * Whether an address is on the allow list.
     *
     * @param address a client address
     * @return true if it is never banned
     */
    public boolean allowed(InetAddress address) {
        return allowed.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * How many logins of one address may wait for their password check.
     *
     * @return at least 1
     */
    public int maxWaitingLogins() {
        return maxWaitingLogins;
    }

    /**
     * Where the defender's time comes from.
     *
     * @return the clock
     */
    public InstantSource clock() {
        return clock;
    }

    /** Collects the settings; each setter names the option when it refuses a value. */
    public static final class Builder {
        private int banAfter;
        private Duration banTime = Duration.ofMinutes(15);
        private Duration maxBanTime = Duration.ofHours(24);
        private Duration window = Duration.ofMinutes(10);
        private final List<AddressRange> allowed = new ArrayList<>();
        private int maxWaitingLogins = 32;
        private InstantSource clock = InstantSource.system();

        private Builder() {
        }

        /**
         * Bans an address once its score reaches this (default 0: never).
         *
         * @param score at least 0
         * @return this builder
         */
        public Builder banAfter(int score) {
            require(score >= 0, "banAfter must not be negative: " + score);
            this.banAfter = score;
            return this;
        }

        /**
         * How long a first ban lasts (default 15 minutes); each later ban of the address lasts twice as long as
         * the one before, up to {@link #maxBanTime(Duration)}.
         *
         * @param time positive
         * @return this builder
         */
        public Builder banTime(Duration time) {
            requirePositive(time, "banTime");
            this.banTime = time;
            return this;
        }

        /**
         * The longest a repeated ban lasts (default 24 hours).
         *
         * @param time positive
         * @return this builder
         */
        public Builder maxBanTime(Duration time) {
            requirePositive(time, "maxBanTime");
            this.maxBanTime = time;
            return this;
        }

        /**
         * How long after its last point a score is forgotten (default 10 minutes).
         *
         * @param time positive
         * @return this builder
         */
        public Builder window(Duration time) {
            requirePositive(time, "window");
            this.window = time;
            return this;
        }

        /**
         * Never bans an address or a network.
         *
         * @param addressOrNetwork an IP literal ({@code 192.0.2.7}, {@code ::1}) or a network in CIDR form
         *                         ({@code 10.0.0.0/8}); host names are not resolved
         * @return this builder
         */
        public Builder allow(String addressOrNetwork) {
            Objects.requireNonNull(addressOrNetwork, "allow");
            allowed.add(AddressRange.parse("allow", addressOrNetwork));
            return this;
        }

        /**
         * Never bans an address.
         *
         * @param address the address
         * @return this builder
         */
        public Builder allow(InetAddress address) {
            Objects.requireNonNull(address, "allow");
            allowed.add(AddressRange.of(address));
            return this;
        }

        /**
         * How many logins of one address may wait while one of its passwords is checked (default 32); more get
         * {@code 421} at once.
         *
         * @param max at least 1
         * @return this builder
         */
        public Builder maxWaitingLogins(int max) {
            require(max >= 1, "maxWaitingLogins must be at least 1: " + max);
            this.maxWaitingLogins = max;
            return this;
        }

        /**
         * Where the time comes from (default the system clock); tests pass their own to end bans at once.
         *
         * @param source the clock
         * @return this builder
         */
        public Builder clock(InstantSource source) {
            this.clock = Objects.requireNonNull(source, "clock");
            return this;
        }

        /**
         * Makes the settings.
         *
         * @return the settings
         * @throws IllegalArgumentException if maxBanTime is shorter than banTime
         */
        public DefenderSettings build() {
            require(maxBanTime.compareTo(banTime) >= 0, "maxBanTime must not be shorter than banTime: " + maxBanTime
                    + " < " + banTime);
            return new DefenderSettings(this);
        }
    }
}
