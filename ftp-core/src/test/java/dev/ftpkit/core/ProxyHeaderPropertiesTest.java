package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the PROXY protocol codec: round trips, incremental reading, junk. */
class ProxyHeaderPropertiesTest {

    @Provide
    Arbitrary<ProxyHeader> headers() {
        Arbitrary<Boolean> ipv4 = Arbitraries.of(true, false);
        Arbitrary<Optional<ProxyHeader.Addresses>> addresses = ipv4.flatMap(four -> Combinators.combine(
                        endpoint(four), endpoint(four)).as(ProxyHeader.Addresses::new))
                .optional(0.8);
        Arbitrary<List<ProxyHeader.Tlv>> tlvs = Combinators.combine(Arbitraries.integers().between(0, 255),
                        Arbitraries.bytes().array(byte[].class).ofMaxSize(40))
                .as(ProxyHeader.Tlv::new).list().ofMaxSize(5);
        Arbitrary<ProxyHeader> v1 = addresses.map(a -> new ProxyHeader(ProxyHeader.Version.V1, false, a, List.of()));
        Arbitrary<ProxyHeader> v2 = Combinators.combine(addresses, tlvs)
                .as((a, t) -> new ProxyHeader(ProxyHeader.Version.V2, false, a, t));
        Arbitrary<ProxyHeader> local = tlvs.map(t ->
                new ProxyHeader(ProxyHeader.Version.V2, true, Optional.empty(), t));
        return Arbitraries.oneOf(v1, v2, local);
    }

    private static Arbitrary<InetSocketAddress> endpoint(boolean ipv4) {
        return Combinators.combine(Arbitraries.bytes().array(byte[].class).ofSize(ipv4 ? 4 : 16),
                        Arbitraries.integers().between(0, 65535))
                .as((ip, port) -> new InetSocketAddress(address(ip), port));
    }

    private static InetAddress address(byte[] bytes) {
        try {
            return bytes.length == 4 ? InetAddress.getByAddress(bytes) : Inet6Address.getByAddress(null, bytes, -1);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 1000)
    void everyHeaderRoundTrips(@ForAll("headers") ProxyHeader header) throws Exception {
        assertThat(ProxyHeaderParser.parse(header.encode())).isEqualTo(header);
    }

    @Property(tries = 1000)
    void aReaderThatReadsWhatIsNeededStopsExactlyAtTheHeadersEnd(@ForAll("headers") ProxyHeader header)
            throws Exception {
        byte[] bytes = header.encode();
        byte[] withData = Arrays.copyOf(bytes, bytes.length + 10); // the connection's own bytes follow
        int read = 0;
        for (int step = 0; step <= bytes.length; step++) {
            int needed = ProxyHeaderParser.bytesNeeded(withData, read);
            if (needed == 0) {
                break;
            }
            read += needed;
        }
        assertThat(read).isEqualTo(bytes.length);
    }

    @Provide
    Arbitrary<byte[]> junk() {
        Arbitrary<byte[]> v2Prefixed = Junk.bytes(120).map(tail -> concat(ProxyHeaderParser.V2_SIGNATURE, tail));
        Arbitrary<byte[]> v1Prefixed = Junk.text(120).map(t -> ("PROXY " + t).getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1));
        return Arbitraries.oneOf(Junk.bytes(200), v2Prefixed, v1Prefixed);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Property(tries = 3000)
    void junkYieldsAHeaderOrTheDocumentedException(@ForAll("junk") byte[] junk) {
        try {
            ProxyHeader header = ProxyHeaderParser.parse(junk);
            assertThat(header.encode().length).isLessThanOrEqualTo(ProxyHeaderParser.MAX_HEADER_BYTES);
        } catch (ProxyHeaderException expected) {
            // the documented failure
        }
    }

    @Property(tries = 3000)
    void junkPrefixesNeverAskForMoreThanTheBound(@ForAll("junk") byte[] junk) {
        try {
            int needed = ProxyHeaderParser.bytesNeeded(junk, junk.length);
            assertThat(junk.length + needed).isLessThanOrEqualTo(ProxyHeaderParser.MAX_HEADER_BYTES);
        } catch (ProxyHeaderException expected) {
            // the documented failure
        }
    }
}
