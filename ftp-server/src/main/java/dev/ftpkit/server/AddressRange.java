package dev.ftpkit.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/**
 * An address range in CIDR form: a network address and the number of leading bits that must match (trusted
 * proxies, the defender's allow list).
 *
 * @param network      the network address (bits past the prefix are ignored)
 * @param prefixLength 0..32 for IPv4, 0..128 for IPv6
 */
public record AddressRange(InetAddress network, int prefixLength) {

    /** Checks the prefix length against the address family. */
    public AddressRange {
        Objects.requireNonNull(network, "network");
        int bits = bits(network);
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length must be 0.." + bits + ": " + prefixLength);
        }
    }

    /**
     * The range of exactly one address.
     *
     * @param address the address
     * @return the range
     */
    public static AddressRange of(InetAddress address) {
        return new AddressRange(address, bits(address));
    }

    /**
     * Parses {@code address/prefix} or a bare address (the whole address must match). Only literals: a host name is
     * refused, never looked up.
     *
     * @param option the option the text is for, named in the message when it is refused
     * @param text   the range
     * @return the range
     * @throws IllegalArgumentException naming {@code option} if the text is not a literal range
     */
    public static AddressRange parse(String option, String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String literal = slash < 0 ? trimmed : trimmed.substring(0, slash);
        InetAddress address = literal(option, literal, text);
        int prefix;
        try {
            prefix = slash < 0 ? bits(address) : Integer.parseInt(trimmed.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " prefix is not a number: " + text, e);
        }
        try {
            return new AddressRange(address, prefix);
        } catch (IllegalArgumentException outOfRange) {
            throw new IllegalArgumentException(option + " " + outOfRange.getMessage() + " in " + text, outOfRange);
        }
    }

    private static InetAddress literal(String option, String literal, String text) {
        // only digits, dots, hex and colons: getByName then parses a literal and never asks DNS
        if (!literal.matches("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            throw new IllegalArgumentException(option + " entry is not an IP literal or CIDR: " + text);
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(option + " entry is not an IP literal or CIDR: " + text, e);
        }
    }

    private static int bits(InetAddress address) {
        return address.getAddress().length * 8;
    }

    /**
     * Whether the address lies in this range (an address of the other family never does).
     *
     * @param address the address
     * @return true if its first {@code prefixLength} bits are the network's
     */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        byte[] n = network.getAddress();
        if (a.length != n.length) {
            return false;
        }
        for (int bit = 0; bit < prefixLength; bit += 8) {
            int mask = prefixLength - bit >= 8 ? 0xFF : (0xFF << (8 - (prefixLength - bit))) & 0xFF;
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
