package dev.ftpkit.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The PROXY protocol (haproxy's "The PROXY protocol", versions 1 and 2) in front of control connections: a load
 * balancer that forwards a client's TCP connection first sends a header naming the client, and the server takes
 * the client's address from it, for per-address limits, the login throttle, logs, listener events, the PORT/EPRT
 * address check and the passive "data connection from the client's address" check.
 *
 * <p>With these settings every control connection must come from a trusted proxy and begin with a header, read
 * within {@link #headerTimeout()}; a connection from elsewhere, without a header or with a bad one is closed
 * without a greeting. A v1 {@code UNKNOWN} or v2 {@code LOCAL} header (the balancer's own health check) keeps the
 * connection's own addresses.
 *
 * @param trustedProxies  the address ranges of the balancers whose headers are believed
 * @param headerTimeout   how long the whole header may take to arrive
 * @param dataConnections whether passive data connections from a trusted proxy also begin with a header (the
 *                        balancer forwards the passive ports too); data connections from other addresses are
 *                        taken as direct
 */
public record ProxyProtocolSettings(List<AddressRange> trustedProxies, Duration headerTimeout, boolean dataConnections) {

    /** The header deadline unless one is given: a balancer sends it at once, with the connection. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(5);

    /** Checks each option, naming it. */
    public ProxyProtocolSettings {
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
        if (trustedProxies.isEmpty()) {
            throw new IllegalArgumentException("trustedProxies must name at least one address range");
        }
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        if (headerTimeout.isZero() || headerTimeout.isNegative()) {
            throw new IllegalArgumentException("headerTimeout must be positive: " + headerTimeout);
        }
    }

    /**
     * Trusts a balancer on this machine: 127.0.0.1/32 and ::1/128, header deadline 5 s, direct data connections.
     *
     * @return the settings
     */
    public static ProxyProtocolSettings defaults() {
        return trusting("127.0.0.1/32", "::1/128");
    }

    /**
     * Trusts the given ranges, with the default header deadline and direct data connections.
     *
     * @param cidrs ranges such as {@code 10.0.0.0/8} or {@code fd00::/8}; a bare address means just that one
     * @return the settings
     * @throws IllegalArgumentException naming {@code trustedProxies} if a range is not a literal CIDR
     */
    public static ProxyProtocolSettings trusting(String... cidrs) {
        return new ProxyProtocolSettings(Arrays.stream(cidrs).map(cidr -> AddressRange.parse("trustedProxies", cidr)).toList(), DEFAULT_HEADER_TIMEOUT,
                false);
    }

    /**
     * The same settings with another header deadline.
     *
     * @param timeout how long the whole header may take
     * @return new settings
     */
    public ProxyProtocolSettings withHeaderTimeout(Duration timeout) {
        return new ProxyProtocolSettings(trustedProxies, timeout, dataConnections);
    }

    /**
     * The same settings, with passive data connections from trusted proxies carrying a header too (or not).
     *
     * @param headers true when the balancer forwards data connections with a header
     * @return new settings
     */
    public ProxyProtocolSettings withDataConnectionHeaders(boolean headers) {
        return new ProxyProtocolSettings(trustedProxies, headerTimeout, headers);
    }

    /**
     * Whether a connection from this address is from a trusted proxy.
     *
     * @param address the connection's source address
     * @return true if some trusted range contains it
     */
    public boolean trusts(InetAddress address) {
        return trustedProxies.stream().anyMatch(c -> c.contains(address));
    }
}
