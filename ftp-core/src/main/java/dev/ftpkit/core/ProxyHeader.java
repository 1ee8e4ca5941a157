package dev.ftpkit.core;

import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PROXY protocol header (haproxy's "The PROXY protocol", versions 1 and 2): what a load balancer puts in front
 * of a forwarded TCP connection to tell the server the client's real address. Parse one with
 * {@link ProxyHeaderParser}; {@link #encode()} gives its wire form.
 *
 * @param version   the wire version
 * @param local     v2 {@code LOCAL} command: the proxy's own connection (a health check); the addresses are those
 *                  of the connection itself. Always false for v1.
 * @param addresses the original connection's ends, or empty when unknown (v1 {@code UNKNOWN}, v2
 *                  {@code AF_UNSPEC} or {@code AF_UNIX}, and always for {@code LOCAL})
 * @param tlvs      v2 type-length-value extensions in wire order (always empty for v1)
 */
public record ProxyHeader(Version version, boolean local, Optional<Addresses> addresses, List<Tlv> tlvs) {

    /** The wire versions. */
    public enum Version {
        /** Version 1: one text line, {@code PROXY TCP4 src dst sport dport\r\n} (spec §2.1). */
        V1,
        /** Version 2: a 16-byte binary prefix, the addresses and TLVs (spec §2.2). */
        V2
    }

    /**
     * The two ends of the original connection, of the same address family.
     *
     * @param source      the client's end
     * @param destination the end the client connected to (the proxy's listener)
     */
    public record Addresses(InetSocketAddress source, InetSocketAddress destination) {
        /** Checks that both ends are resolved addresses of one family. */
        public Addresses {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(destination, "destination");
            if (source.isUnresolved() || destination.isUnresolved()) {
                throw new IllegalArgumentException("addresses must be resolved");
            }
            if (ipv4(source.getAddress()) != ipv4(destination.getAddress())) {
                throw new IllegalArgumentException("source and destination must be of one address family");
            }
        }

        /**
         * Whether these are IPv4 addresses.
         *
         * @return true for IPv4, false for IPv6
         */
        public boolean ipv4() {
            return ipv4(source.getAddress());
        }

        private static boolean ipv4(InetAddress address) {
            return address instanceof Inet4Address;
        }
    }

    /**
     * A v2 extension (spec §2.2.7): a type byte and up to 65535 bytes of value.
     *
     * @param type  the type, 0..255 (0x01 ALPN, 0x02 AUTHORITY, 0x04 NOOP, 0x20 SSL, ...)
     * @param value the value; copied
     */
    public record Tlv(int type, byte[] value) {
        /** Checks the type and the value's length, and copies the value. */
        public Tlv {
            if (type < 0 || type > 255) {
                throw new IllegalArgumentException("TLV type must be 0..255: " + type);
            }
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("TLV value longer than 65535 bytes");
            }
            value = value.clone();
        }

        /**
         * The value.
         *
         * @return a copy of the value
         */
        @Override
        public byte[] value() {
            return value.clone();
        }

        int length() {
            return value.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tlv t && t.type == type && Arrays.equals(t.value, value);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "Tlv[type=" + type + ", value=" + HexFormat.of().formatHex(value) + "]";
        }
    }

    /** Checks that the header can be encoded in its version. */
    public ProxyHeader {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(addresses, "addresses");
        tlvs = List.copyOf(tlvs);
        if (version == Version.V1 && (local || !tlvs.isEmpty())) {
            throw new IllegalArgumentException("version 1 has neither LOCAL nor TLVs");
        }
        if (local && addresses.isPresent()) {
            throw new IllegalArgumentException("a LOCAL header carries no addresses");
        }
        if (encodedLength(version, addresses, tlvs) > ProxyHeaderParser.MAX_HEADER_BYTES) {
            throw new IllegalArgumentException("header longer than " + ProxyHeaderParser.MAX_HEADER_BYTES + " bytes");
        }
    }

    /**
     * A header that forwards a connection from {@code source} to {@code destination}.
     *
     * @param version     the wire version
     * @param source      the client's end
     * @param destination the end the client connected to
     * @return the header, without TLVs
     */
    public static ProxyHeader forwarding(Version version, InetSocketAddress source, InetSocketAddress destination) {
        return new ProxyHeader(version, false, Optional.of(new Addresses(source, destination)), List.of());
    }

    /**
     * The client's address, if the header names one.
     *
     * @return the source address, empty for LOCAL and unknown addresses
     */
    public Optional<InetSocketAddress> source() {
        return addresses.map(Addresses::source);
    }

    /**
     * The wire form.
     *
     * @return the header's bytes
     */
    public byte[] encode() {
        return version == Version.V1 ? encodeV1() : encodeV2();
    }

    private byte[] encodeV1() {
        // spec §2.1: "PROXY" SP family SP src SP dst SP sport SP dport CRLF, or "PROXY UNKNOWN" CRLF
        String line = addresses.map(a -> "PROXY " + (a.ipv4() ? "TCP4 " : "TCP6 ")
                        + InetLiterals.format(a.source().getAddress()) + " "
                        + InetLiterals.format(a.destination().getAddress()) + " "
                        + a.source().getPort() + " " + a.destination().getPort())
                .orElse("PROXY UNKNOWN");
        return (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] encodeV2() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ProxyHeaderParser.V2_SIGNATURE);
        out.write(0x20 | (local ? 0x0 : 0x1)); // spec §2.2: version 2 in the high nibble, command in the low one
        out.write(addresses.map(a -> a.ipv4() ? 0x11 : 0x21).orElse(0x00)); // AF_INET/AF_INET6 + STREAM, or UNSPEC
        int length = encodedLength(Version.V2, addresses, tlvs) - 16;
        out.write(length >> 8);
        out.write(length);
        addresses.ifPresent(a -> {
            out.writeBytes(a.source().getAddress().getAddress());
            out.writeBytes(a.destination().getAddress().getAddress());
            writeShort(out, a.source().getPort());
            writeShort(out, a.destination().getPort());
        });
        for (Tlv tlv : tlvs) {
            out.write(tlv.type());
            writeShort(out, tlv.length());
            out.writeBytes(tlv.value);
        }
        return out.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    private static int encodedLength(Version version, Optional<Addresses> addresses, List<Tlv> tlvs) {
        if (version == Version.V1) {
            // the longest v1 line (two full IPv6 literals) is 104 bytes, under the spec's 107 (§2.1)
            return 0;
        }
        int length = 16 + addresses.map(a -> a.ipv4() ? 12 : 36).orElse(0);
        for (Tlv tlv : tlvs) {
            length += 3 + tlv.length();
        }
        return length;
    }
}
