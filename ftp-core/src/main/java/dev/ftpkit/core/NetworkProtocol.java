package dev.ftpkit.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/** Network protocols of EPRT and EPSV, numbered as address families (RFC 2428 §2). */
public enum NetworkProtocol {
    /** Internet Protocol version 4. */
    IPV4(1),
    /** Internet Protocol version 6. */
    IPV6(2);

    private final int number;

    NetworkProtocol(int number) {
        this.number = number;
    }

    /**
     * Returns the protocol number used on the wire.
     *
     * @return 1 for IPv4, 2 for IPv6
     */
    public int number() {
        return number;
    }

    /**
     * Returns the protocol with a number, if known.
     *
     * @param number the protocol number
     * @return the protocol, or empty for an unsupported number
     */
    public static Optional<NetworkProtocol> ofNumber(int number) {
        for (NetworkProtocol p : values()) {
            if (p.number == number) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the protocol of an address.
     *
     * @param address an IPv4 or IPv6 address
     * @return the protocol
     * @throws IllegalArgumentException for any other kind of address
     */
    public static NetworkProtocol of(InetAddress address) {
        if (address instanceof Inet4Address) {
            return IPV4;
        }
        if (address instanceof Inet6Address) {
            return IPV6;
        }
        throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + address);
    }
}
