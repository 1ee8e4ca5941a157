package dev.ftpkit.core;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * The argument of EPRT (RFC 2428 §2): {@code <d><net-prt><d><net-addr><d><tcp-port><d>}, e.g.
 * {@code |1|132.235.1.2|6275|} or {@code |2|1080::8:800:200C:417A|5282|}.
 *
 * @param protocol the network protocol
 * @param address  an address of that protocol
 * @param port     0..65535
 */
public record ExtendedAddress(NetworkProtocol protocol, InetAddress address, int port) {

    /**
     * Validates the parts.
     *
     * @throws IllegalArgumentException if the address does not match the protocol or the port
     *                                  is not 0..65535
     */
    public ExtendedAddress {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        if (NetworkProtocol.of(address) != protocol) {
            throw new IllegalArgumentException("address " + address + " is not " + protocol);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
    }

    /**
     * Creates an extended address, taking the protocol from the address.
     *
     * @param address an IPv4 or IPv6 address
     * @param port    0..65535
     * @return the extended address
     * @throws IllegalArgumentException if the address or port is not acceptable
     */
    public static ExtendedAddress of(InetAddress address, int port) {
        return new ExtendedAddress(NetworkProtocol.of(address), address, port);
    }

    /**
     * Parses an EPRT argument. The delimiter is the first character (ASCII 33..126, RFC 2428 §2
     * suggests {@code |}); there must be exactly four of them. The address must be a literal of
     * the named protocol; no DNS lookup is ever made. Spaces around the whole argument are ignored.
     *
     * @param argument e.g. {@code |1|132.235.1.2|6275|}
     * @return the parsed address
     * @throws UnsupportedNetworkProtocolException if the protocol number is well-formed but
     *                                             unknown (the server answers 522)
     * @throws FtpProtocolException if the argument is malformed
     */
    public static ExtendedAddress parseEprtArgument(String argument) throws FtpProtocolException {
        String a = argument.strip();
        if (a.isEmpty() || a.charAt(0) < 33 || a.charAt(0) > 126) {
            throw new FtpProtocolException("EPRT argument must start with a delimiter (ASCII 33..126): "
                    + Text.excerpt(argument));
        }
        String d = String.valueOf(a.charAt(0));
        String[] fields = a.split(java.util.regex.Pattern.quote(d), -1);
        // "|1|addr|port|" splits into "", "1", "addr", "port", ""
        if (fields.length != 5 || !fields[0].isEmpty() || !fields[4].isEmpty()) {
            throw new FtpProtocolException("EPRT argument needs exactly four delimiters: " + Text.excerpt(argument));
        }
        int number = Text.parseDecimal(fields[1], 5);
        if (number < 0) {
            throw new FtpProtocolException("EPRT network protocol is not a number: " + Text.excerpt(argument));
        }
        NetworkProtocol protocol = NetworkProtocol.ofNumber(number)
                .orElseThrow(() -> new UnsupportedNetworkProtocolException(number));
        InetAddress address = protocol == NetworkProtocol.IPV4
                ? InetLiterals.parseIpv4(fields[2])
                : InetLiterals.parseIpv6(fields[2]);
        if (address == null) {
            throw new FtpProtocolException("EPRT address is not an " + protocol + " literal: "
                    + Text.excerpt(argument));
        }
        int port = Text.parseDecimal(fields[3], 5);
        if (port < 0 || port > 65535) {
            throw new FtpProtocolException("EPRT port must be 0..65535: " + Text.excerpt(argument));
        }
        return new ExtendedAddress(protocol, address, port);
    }

    /**
     * Returns the EPRT argument with {@code |} as delimiter.
     *
     * @return e.g. {@code |1|132.235.1.2|6275|}
     */
    public String toEprtArgument() {
        return "|" + protocol.number() + "|" + InetLiterals.format(address) + "|" + port + "|";
    }

    /**
     * Returns a socket address for connecting (no DNS lookup: the address is a literal).
     *
     * @return the socket address
     */
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(address, port);
    }
}
