package dev.ftpkit.core;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Parses and formats IP address literals without ever asking DNS (package-private).
 * {@code InetAddress.getByName} would resolve anything that is not a literal, so the literal
 * grammar is checked here and the bytes are handed to {@code getByAddress}.
 */
final class InetLiterals {
    private InetLiterals() {
    }

    /** Parses a dotted quad {@code a.b.c.d} (decimal, 1..3 digits each, 0..255), or returns null. */
    static Inet4Address parseIpv4(String s) {
        byte[] bytes = ipv4Bytes(s);
        if (bytes == null) {
            return null;
        }
        try {
            return (Inet4Address) InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ipv4Bytes(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int v = Text.parseDecimal(parts[i], 3);
            if (v < 0 || v > 255) {
                return null;
            }
            bytes[i] = (byte) v;
        }
        return bytes;
    }

    /**
     * Parses an IPv6 literal (RFC 4291 §2.2: eight groups of 1..4 hex digits, one {@code ::}
     * for a run of zero groups, optionally a dotted quad as the last 32 bits), or returns null.
     * Zone ids ({@code %eth0}) are refused.
     */
    static Inet6Address parseIpv6(String s) {
        if (s.length() < 2 || s.length() > 45) {
            return null;
        }
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] bytes = new byte[16];
        int filled;
        if (gap < 0) {
            filled = parseGroups(s, bytes, 0, true);
            if (filled != 16) {
                return null;
            }
        } else {
            byte[] head = new byte[16];
            byte[] tail = new byte[16];
            int h = gap == 0 ? 0 : parseGroups(s.substring(0, gap), head, 0, false);
            String rest = s.substring(gap + 2);
            int t = rest.isEmpty() ? 0 : parseGroups(rest, tail, 0, true);
            if (h < 0 || t < 0 || h + t > 14) {
                return null;
            }
            System.arraycopy(head, 0, bytes, 0, h);
            System.arraycopy(tail, 0, bytes, 16 - t, t);
        }
        try {
            return Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses colon-separated groups into {@code out}; returns the bytes written or -1. */
    private static int parseGroups(String s, byte[] out, int pos, boolean ipv4Tail) {
        String[] groups = s.split(":", -1);
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (ipv4Tail && i == groups.length - 1 && g.indexOf('.') >= 0) {
                byte[] quad = ipv4Bytes(g);
                if (quad == null || pos + 4 > 16) {
                    return -1;
                }
                System.arraycopy(quad, 0, out, pos, 4);
                return pos + 4;
            }
            int v = parseHex(g);
            if (v < 0 || pos + 2 > 16) {
                return -1;
            }
            out[pos++] = (byte) (v >> 8);
            out[pos++] = (byte) v;
        }
        return pos;
    }

    private static int parseHex(String g) {
        if (g.isEmpty() || g.length() > 4) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < g.length(); i++) {
            int d = Character.digit(g.charAt(i), 16);
            if (d < 0 || g.charAt(i) > 'f') {
                return -1;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** Formats an address as a literal without zone id: dotted quad, or eight hex groups. */
    static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return (b[0] & 0xFF) + "." + (b[1] & 0xFF) + "." + (b[2] & 0xFF) + "." + (b[3] & 0xFF);
        }
        StringBuilder s = new StringBuilder(39);
        for (int i = 0; i < 16; i += 2) {
            if (i > 0) {
                s.append(':');
            }
            s.append(Integer.toHexString(((b[i] & 0xFF) << 8) | (b[i + 1] & 0xFF)));
        }
        return s.toString();
    }
}
