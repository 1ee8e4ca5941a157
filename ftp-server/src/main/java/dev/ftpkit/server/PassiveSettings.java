package dev.ftpkit.server;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

/**
 * Passive data connections (PASV, EPSV: the client connects to the server), the counterpart of the client's
 * {@code DataConnectionMode.Passive}, named after vsftpd's {@code pasv_*} options. Immutable; made by
 * {@link #builder()}, which checks each option as it is set.
 */
public final class PassiveSettings {

    private static final PassiveSettings DEFAULTS = builder().build();

    private final boolean enabled;
    private final int minPort;
    private final int maxPort;
    private final Function<FtpSession, InetAddress> advertisedAddress;
    private final IntUnaryOperator portMapping;
    private final boolean promiscuous;

    private PassiveSettings(Builder b) {
        this.enabled = b.enabled;
        this.minPort = b.minPort;
        this.maxPort = b.maxPort;
        this.advertisedAddress = b.advertisedAddress;
        this.portMapping = b.portMapping;
        this.promiscuous = b.promiscuous;
    }

    /**
     * Passive on, kernel-chosen ports, the control connection's local address advertised.
     *
     * @return the default settings
     */
    public static PassiveSettings defaults() {
        return DEFAULTS;
    }

    /**
     * PASV and EPSV refused with 502 (vsftpd's {@code pasv_enable=NO}).
     *
     * @return the settings
     */
    public static PassiveSettings disabled() {
        return builder().enabled(false).build();
    }

    /**
     * Starts from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether PASV and EPSV are accepted.
     *
     * @return true if enabled
     */
    public boolean enabled() {
        return enabled;
    }

    /**
     * Whether a port range is configured (else each session gets a port of the system's ephemeral range).
     *
     * @return true with a range
     */
    public boolean hasPortRange() {
        return minPort > 0;
    }

    /**
     * The lowest port of the range.
     *
     * @return the port, 0 without a range
     */
    public int minPort() {
        return minPort;
    }

    /**
     * The highest port of the range.
     *
     * @return the port, 0 without a range
     */
    public int maxPort() {
        return maxPort;
    }

    /**
     * The chooser of the address advertised in 227 replies.
     *
     * @return the chooser, empty to advertise the control connection's local address
     */
    public Optional<Function<FtpSession, InetAddress>> advertisedAddress() {
        return Optional.ofNullable(advertisedAddress);
    }

    /**
     * Maps a listening port to the port advertised in 227/229 replies.
     *
     * @return the mapping (identity by default)
     */
    public IntUnaryOperator portMapping() {
        return portMapping;
    }

    /**
     * Whether a data connection may come from another address than the control connection's.
     *
     * @return true if any address is accepted
     */
    public boolean promiscuous() {
        return promiscuous;
    }

    @Override
    public String toString() {
        return "passive " + (enabled ? "enabled" : "disabled")
                + (hasPortRange() ? ", ports " + minPort + "-" + maxPort : "") + (promiscuous ? ", promiscuous" : "");
    }

    /** Collects passive options; each setter checks its value and names the option when it refuses one. */
    public static final class Builder {
        private boolean enabled = true;
        private int minPort;
        private int maxPort;
        private Function<FtpSession, InetAddress> advertisedAddress;
        private IntUnaryOperator portMapping = IntUnaryOperator.identity();
        private boolean promiscuous;

        private Builder() {
        }

        /**
         * Whether PASV and EPSV are accepted (vsftpd's {@code pasv_enable}, default on).
         *
         * @param enable true to accept
         * @return this builder
         */
        public Builder enabled(boolean enable) {
            this.enabled = enable;
            return this;
        }

        /**
         * The port range (vsftpd's {@code pasv_min_port}/{@code pasv_max_port}); without it each session gets a
         * random port of the system's ephemeral range (Linux's {@code ip_local_port_range}, else 49152-65535), never
         * one of the ports reserved in Linux's {@code ip_local_reserved_ports}. A port of the range is shared:
         * sessions whose clients have different addresses wait on one listener, which hands each data connection to
         * the session of its source address; a second session from an address already waiting on a port gets
         * another one (unless {@link #promiscuous(boolean)}, which gives each data connection a port of its own).
         * An exhausted range gives {@code 425}.
         *
         * @param min the lowest port, 1..65535
         * @param max the highest port, min..65535
         * @return this builder
         * @throws IllegalArgumentException naming {@code passive portRange} if the range is not valid
         */
        public Builder portRange(int min, int max) {
            if (min < 1 || min > 65535) {
                throw new IllegalArgumentException("passive portRange: min must be 1..65535: " + min);
            }
            if (max < 1 || max > 65535) {
                throw new IllegalArgumentException("passive portRange: max must be 1..65535: " + max);
            }
            if (min > max) {
                throw new IllegalArgumentException("passive portRange: range is inverted: " + min + "-" + max);
            }
            this.minPort = min;
            this.maxPort = max;
            return this;
        }

        /**
         * The address advertised in 227 replies (vsftpd's {@code pasv_address}), e.g. a NAT's public address.
         *
         * @param address an IPv4 address
         * @return this builder
         */
        public Builder advertisedAddress(InetAddress address) {
            Objects.requireNonNull(address, "passive advertisedAddress");
            this.advertisedAddress = session -> address;
            return this;
        }

        /**
         * The address advertised in 227 replies, chosen per session (e.g. the public address for outside clients
         * and the LAN address for inside ones).
         *
         * @param chooser gets the session, returns the address to advertise
         * @return this builder
         */
        public Builder advertisedAddress(Function<FtpSession, InetAddress> chooser) {
            this.advertisedAddress = Objects.requireNonNull(chooser, "passive advertisedAddress");
            return this;
        }

        /**
         * Maps a listening port to the port advertised in 227/229 replies, for port forwarding where the outside
         * port differs (default: the same port).
         *
         * @param mapping listening port to advertised port
         * @return this builder
         */
        public Builder portMapping(IntUnaryOperator mapping) {
            this.portMapping = Objects.requireNonNull(mapping, "passive portMapping");
            return this;
        }

        /**
         * Whether a data connection may come from another address than the control connection's (vsftpd's
         * {@code pasv_promiscuous}, default off: such a connection is a hijack attempt, RFC 2577 §5).
         *
         * @param allow true to accept any address
         * @return this builder
         */
        public Builder promiscuous(boolean allow) {
            this.promiscuous = allow;
            return this;
        }

        /**
         * Makes the settings.
         *
         * @return the settings
         */
        public PassiveSettings build() {
            return new PassiveSettings(this);
        }
    }
}
