package dev.ftpkit.core;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads PROXY protocol headers (haproxy's "The PROXY protocol" versions 1 and 2) without any I/O: a reader asks
 * {@link #bytesNeeded(byte[], int)} how many more bytes to read, so that it never reads past the header into the
 * connection's own data, then hands the complete header to {@link #parse(byte[])}. Both throw
 * {@link ProxyHeaderException} and nothing else for bad input.
 */
public final class ProxyHeaderParser {

    /**
     * The largest header accepted, TLVs included. The spec lets v2 grow to 16 + 65535 bytes; a server that reads
     * headers before knowing anything about the peer bounds what it buffers. haproxy's headers, with its SSL and
     * unique-id TLVs, stay far below this.
     */
    public static final int MAX_HEADER_BYTES = 4096;
    /** Spec §2.1: a v1 line is at most 107 bytes, CRLF included. */
    static final int MAX_V1_BYTES = 107;
    /** Spec §2.2: the 12 bytes every v2 header starts with. */
    static final byte[] V2_SIGNATURE = {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final byte[] V1_PREFIX = "PROXY ".getBytes(StandardCharsets.US_ASCII);
    private static final int V2_FIXED_BYTES = 16;

    private ProxyHeaderParser() {
    }

    /**
     * How many more bytes the header starting with {@code prefix[0..length)} needs at least. A reader that reads
     * no more than this many each time stops exactly at the header's end.
     *
     * @param prefix the bytes read so far
     * @param length how many of them are valid
     * @return 0 when the header is complete, otherwise at least 1
     * @throws ProxyHeaderException if the bytes cannot begin a header or the header would exceed the size bound
     */
    public static int bytesNeeded(byte[] prefix, int length) throws ProxyHeaderException {
        if (length == 0) {
            return 1;
        }
        if (prefix[0] == V1_PREFIX[0]) {
            requirePrefix(V1_PREFIX, prefix, length);
            if (length > V1_PREFIX.length && prefix[length - 1] == '\n') {
                return 0;
            }
            if (length >= MAX_V1_BYTES) {
                throw new ProxyHeaderException("PROXY v1 line longer than " + MAX_V1_BYTES + " bytes");
            }
            return 1; // a text line: its end is only known when it is seen
        }
        if (prefix[0] == V2_SIGNATURE[0]) {
            requirePrefix(V2_SIGNATURE, prefix, length);
            if (length < V2_FIXED_BYTES) {
                return V2_FIXED_BYTES - length;
            }
            int total = V2_FIXED_BYTES + unsignedShort(prefix, 14);
            if (total > MAX_HEADER_BYTES) {
                throw new ProxyHeaderException("PROXY v2 header of " + total + " bytes exceeds " + MAX_HEADER_BYTES);
            }
            if (length > total) {
                throw new ProxyHeaderException("bytes past the end of the PROXY v2 header");
            }
            return total - length;
        }
        throw new ProxyHeaderException("not a PROXY protocol header");
    }

    /**
     * Parses one complete header.
     *
     * @param header exactly the header's bytes
     * @return the header
     * @throws ProxyHeaderException if the bytes are not exactly one valid header within the size bound
     */
    public static ProxyHeader parse(byte[] header) throws ProxyHeaderException {
        int needed = bytesNeeded(header, header.length);
        if (needed != 0) {
            throw new ProxyHeaderException("PROXY header truncated: " + needed + " more bytes needed");
        }
        return header[0] == V1_PREFIX[0] ? parseV1(header) : parseV2(header);
    }

    private static void requirePrefix(byte[] expected, byte[] prefix, int length) throws ProxyHeaderException {
        int n = Math.min(expected.length, length);
        if (!Arrays.equals(expected, 0, n, prefix, 0, n)) {
            throw new ProxyHeaderException("not a PROXY protocol header");
        }
    }

    // ---- version 1 (spec §2.1) ----

    private static ProxyHeader parseV1(byte[] header) throws ProxyHeaderException {
        int end = header.length - 2;
        if (end < V1_PREFIX.length || header[end] != '\r') {
            throw new ProxyHeaderException("PROXY v1 line must end with CRLF");
        }
        String line = new String(header, 0, end, StandardCharsets.ISO_8859_1);
        if (Text.hasLineBreakOrNul(line)) {
            throw new ProxyHeaderException("PROXY v1 header is more than one line");
        }
        String[] fields = line.split(" ", -1);
        if (fields[1].equals("UNKNOWN")) {
            // §2.1: with UNKNOWN the receiver ignores the rest of the line and uses the connection's own addresses
            return new ProxyHeader(ProxyHeader.Version.V1, false, Optional.empty(), List.of());
        }
        boolean ipv4 = fields[1].equals("TCP4");
        if (!ipv4 && !fields[1].equals("TCP6")) {
            throw new ProxyHeaderException("PROXY v1 protocol must be TCP4, TCP6 or UNKNOWN: "
                    + Text.excerpt(fields[1]));
        }
        if (fields.length != 6) {
            throw new ProxyHeaderException("PROXY v1 line needs 6 fields separated by single spaces");
        }
        InetAddress source = v1Address(fields[2], ipv4);
        InetAddress destination = v1Address(fields[3], ipv4);
        return ProxyHeader.forwarding(ProxyHeader.Version.V1,
                new InetSocketAddress(source, v1Port(fields[4])), new InetSocketAddress(destination, v1Port(fields[5])));
    }

    private static InetAddress v1Address(String literal, boolean ipv4) throws ProxyHeaderException {
        InetAddress address = ipv4 ? InetLiterals.parseIpv4(literal) : InetLiterals.parseIpv6(literal);
        if (address == null) {
            throw new ProxyHeaderException("PROXY v1 address is not an IPv" + (ipv4 ? "4" : "6") + " literal: "
                    + Text.excerpt(literal));
        }
        return address;
    }

    private static int v1Port(String field) throws ProxyHeaderException {
        int port = Text.parseDecimal(field, 5);
        if (port < 0 || port > 65535 || (field.length() > 1 && field.charAt(0) == '0')) {
            throw new ProxyHeaderException("PROXY v1 port must be 0..65535 without leading zeros: "
                    + Text.excerpt(field));
        }
        return port;
    }

    // ---- version 2 (spec §2.2) ----

    /** Address block length by the family's high nibble: AF_UNSPEC, AF_INET, AF_INET6, AF_UNIX (§2.2). */
    private static final int[] ADDRESS_BYTES = {0, 12, 36, 216};

    private static ProxyHeader parseV2(byte[] header) throws ProxyHeaderException {
        int versionCommand = header[12] & 0xFF;
        if (versionCommand >> 4 != 2) {
            throw new ProxyHeaderException("PROXY v2 header of unknown version " + (versionCommand >> 4));
        }
        int command = versionCommand & 0x0F;
        if (command > 1) {
            throw new ProxyHeaderException("PROXY v2 command must be LOCAL or PROXY: " + command);
        }
        int family = (header[13] & 0xFF) >> 4;
        int transport = header[13] & 0x0F;
        if (family >= ADDRESS_BYTES.length || transport > 2) {
            throw new ProxyHeaderException("PROXY v2 unknown address family or transport: " + (header[13] & 0xFF));
        }
        int addressEnd = V2_FIXED_BYTES + ADDRESS_BYTES[family];
        if (addressEnd > header.length) {
            throw new ProxyHeaderException("PROXY v2 header too short for its addresses");
        }
        boolean local = command == 0;
        // §2.2: LOCAL connections, AF_UNSPEC and AF_UNIX carry nothing a TCP server can use as the client
        Optional<ProxyHeader.Addresses> addresses = local || family == 0 || family == 3
                ? Optional.empty()
                : Optional.of(v2Addresses(header, family == 1 ? 4 : 16));
        return new ProxyHeader(ProxyHeader.Version.V2, local, addresses, tlvs(header, addressEnd));
    }

    private static ProxyHeader.Addresses v2Addresses(byte[] header, int size) {
        int at = V2_FIXED_BYTES;
        InetAddress source = address(Arrays.copyOfRange(header, at, at + size));
        InetAddress destination = address(Arrays.copyOfRange(header, at + size, at + 2 * size));
        int ports = at + 2 * size;
        return new ProxyHeader.Addresses(new InetSocketAddress(source, unsignedShort(header, ports)),
                new InetSocketAddress(destination, unsignedShort(header, ports + 2)));
    }

    private static InetAddress address(byte[] bytes) {
        try {
            // 4 or 16 bytes: never a lookup; Inet6Address keeps an IPv4-mapped address in the IPv6 family
            return bytes.length == 4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ProxyHeader.Tlv> tlvs(byte[] header, int from) throws ProxyHeaderException {
        List<ProxyHeader.Tlv> tlvs = new ArrayList<>();
        int at = from;
        while (at < header.length) {
            if (at + 3 > header.length) {
                throw new ProxyHeaderException("PROXY v2 TLV truncated");
            }
            int length = unsignedShort(header, at + 1);
            if (at + 3 + length > header.length) {
                throw new ProxyHeaderException("PROXY v2 TLV value runs past the header");
            }
            tlvs.add(new ProxyHeader.Tlv(header[at] & 0xFF, Arrays.copyOfRange(header, at + 3, at + 3 + length)));
            at += 3 + length;
        }
        return tlvs;
    }

    private static int unsignedShort(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }
}
