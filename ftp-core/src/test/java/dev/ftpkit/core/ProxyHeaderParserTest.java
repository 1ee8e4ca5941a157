package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Examples of haproxy's "The PROXY protocol" specification, versions 1 and 2. */
class ProxyHeaderParserTest {

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static InetSocketAddress at(String literal, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(literal), port);
    }

    @Test
    void versionOneTcp4LineNamesTheClient() throws Exception {
        ProxyHeader header = ProxyHeaderParser.parse(ascii("PROXY TCP4 192.168.0.1 192.168.0.11 56324 443\r\n"));

        assertThat(header.version()).isEqualTo(ProxyHeader.Version.V1);
        assertThat(header.source()).contains(at("192.168.0.1", 56324));
        assertThat(header.addresses().orElseThrow().destination()).isEqualTo(at("192.168.0.11", 443));
    }

    @Test
    void versionOneTcp6LineAcceptsCompressedLiterals() throws Exception {
        ProxyHeader header = ProxyHeaderParser.parse(ascii("PROXY TCP6 ::1 2001:db8::2 1024 21\r\n"));

        assertThat(header.source()).contains(at("::1", 1024));
    }

    @Test
    void versionOneUnknownMeansTheConnectionsOwnAddresses() throws Exception {
        ProxyHeader header = ProxyHeaderParser.parse(ascii("PROXY UNKNOWN ffff::1 whatever\r\n"));

        assertThat(header.addresses()).isEmpty();
    }

    @Test
    void versionOneRefusesHostNamesWrongFamiliesAndPaddedPorts() {
        for (String line : List.of("PROXY TCP4 localhost 127.0.0.1 1 2\r\n", "PROXY TCP4 ::1 ::1 1 2\r\n",
                "PROXY TCP4 1.2.3.4 1.2.3.4 0021 2\r\n", "PROXY TCP4 1.2.3.4  1.2.3.4 21 2\r\n",
                "PROXY TCP4 1.2.3.4 1.2.3.4 65536 2\r\n", "PROXY TCP4 1.2.3.4 1.2.3.4 1 2\n",
                "PROXY UDP4 1.2.3.4 1.2.3.4 1 2\r\n")) {
            assertThatThrownBy(() -> ProxyHeaderParser.parse(ascii(line)))
                    .as(line).isInstanceOf(ProxyHeaderException.class);
        }
    }

    @Test
    void versionOneLineLongerThan107BytesIsRefusedBeforeItsEnd() {
        byte[] line = ascii("PROXY TCP6 " + "a".repeat(200));

        assertThatThrownBy(() -> ProxyHeaderParser.bytesNeeded(line, 107))
                .isInstanceOf(ProxyHeaderException.class).hasMessageContaining("107");
    }

    @Test
    void versionTwoProxyHeaderFromTheSpecsLayout() throws Exception {
        byte[] bytes = HexFormat.of().parseHex("0d0a0d0a000d0a515549540a" + "21" + "11" + "000f"
                + "7f000005" + "7f000001" + "d431" + "0015" + "040000");

        ProxyHeader header = ProxyHeaderParser.parse(bytes);

        assertThat(header.version()).isEqualTo(ProxyHeader.Version.V2);
        assertThat(header.local()).isFalse();
        assertThat(header.source()).contains(at("127.0.0.5", 54321));
        assertThat(header.tlvs()).containsExactly(new ProxyHeader.Tlv(4, new byte[0]));
        assertThat(header.encode()).isEqualTo(bytes);
    }

    @Test
    void versionTwoLocalCommandCarriesNoClient() throws Exception {
        byte[] bytes = HexFormat.of().parseHex("0d0a0d0a000d0a515549540a" + "20" + "00" + "0000");

        ProxyHeader header = ProxyHeaderParser.parse(bytes);

        assertThat(header.local()).isTrue();
        assertThat(header.source()).isEmpty();
    }

    @Test
    void versionTwoReaderLearnsTheLengthFromTheFixedPart() throws Exception {
        byte[] bytes = ProxyHeader.forwarding(ProxyHeader.Version.V2, at("::1", 1), at("::1", 2)).encode();

        assertThat(ProxyHeaderParser.bytesNeeded(bytes, 3)).isEqualTo(13);
        assertThat(ProxyHeaderParser.bytesNeeded(bytes, 16)).isEqualTo(36);
        assertThat(ProxyHeaderParser.bytesNeeded(bytes, 52)).isZero();
    }

    @Test
    void versionTwoHeaderAnnouncingMoreThanTheBoundIsRefusedFromItsFixedPart() {
        byte[] bytes = HexFormat.of().parseHex("0d0a0d0a000d0a515549540a" + "21" + "11" + "ffff");

        assertThatThrownBy(() -> ProxyHeaderParser.bytesNeeded(bytes, 16))
                .isInstanceOf(ProxyHeaderException.class).hasMessageContaining("4096");
    }

    @Test
    void versionTwoWithUnknownVersionOrCommandIsRefused() {
        for (String bits : List.of("1111", "2211", "2141")) {
            byte[] bytes = HexFormat.of().parseHex("0d0a0d0a000d0a515549540a" + bits + "0000");
            assertThatThrownBy(() -> ProxyHeaderParser.parse(bytes)).as(bits)
                    .isInstanceOf(ProxyHeaderException.class);
        }
    }

    @Test
    void anFtpCommandIsNotAHeader() {
        assertThatThrownBy(() -> ProxyHeaderParser.bytesNeeded(ascii("USER anonymous\r\n"), 16))
                .isInstanceOf(ProxyHeaderException.class);
    }
}
