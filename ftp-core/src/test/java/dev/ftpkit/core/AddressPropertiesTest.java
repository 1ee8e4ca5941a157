package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.EnumSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of PORT/PASV (RFC 959) and EPRT/EPSV (RFC 2428) codecs. */
class AddressPropertiesTest {

    @Provide
    Arbitrary<String> junkText() {
        return Junk.text(80);
    }

    @Provide
    Arbitrary<Character> delimiters() {
        // RFC 2428 §2: ASCII 33..126; a character that can occur in the fields would be ambiguous
        return Arbitraries.chars().range('!', '~').filter(c -> Character.digit(c, 16) < 0 && c != '.' && c != ':');
    }

    private static InetAddress address(byte[] bytes) throws UnknownHostException {
        return bytes.length == 16 ? Inet6Address.getByAddress(null, bytes, -1) : InetAddress.getByAddress(bytes);
    }

    @Property(tries = 1000)
    void portArgumentRoundTrips(@ForAll @Size(4) byte[] ip, @ForAll @IntRange(max = 65535) int port)
            throws Exception {
        HostPort hp = new HostPort(address(ip), port);

        assertThat(HostPort.parsePortArgument(hp.toPortArgument())).isEqualTo(hp);
    }

    @Property(tries = 1000)
    void passiveReplyRoundTripsThroughTheWire(@ForAll @Size(4) byte[] ip, @ForAll @IntRange(max = 65535) int port)
            throws Exception {
        HostPort hp = new HostPort(address(ip), port);

        Reply reply = ReplyParser.parse(hp.toPassiveReply().encode());

        assertThat(reply.codeValue()).isEqualTo(227);
        assertThat(HostPort.parsePassiveReply(reply.text())).isEqualTo(hp);
    }

    @Property(tries = 1000)
    void arbitraryPortArgumentsYieldAHostPortOrProtocolException(@ForAll("junkText") String text) {
        try {
            HostPort hp = HostPort.parsePortArgument(text);
            assertThat(hp.port()).isBetween(0, 65535);
        } catch (FtpProtocolException expected) {
            // documented outcome
        }
    }

    @Property(tries = 1000)
    void arbitraryPassiveRepliesYieldAHostPortOrProtocolException(@ForAll("junkText") String text) {
        try {
            HostPort hp = HostPort.parsePassiveReply(text);
            assertThat(hp.port()).isBetween(0, 65535);
        } catch (FtpProtocolException expected) {
            // documented outcome
        }
    }

    @Property(tries = 1000)
    void eprtArgumentRoundTrips(@ForAll @Size(4) byte[] v4, @ForAll @Size(16) byte[] v6, @ForAll boolean ipv6,
            @ForAll @IntRange(max = 65535) int port, @ForAll("delimiters") char delimiter) throws Exception {
        ExtendedAddress address = ExtendedAddress.of(address(ipv6 ? v6 : v4), port);
        String argument = address.toEprtArgument();

        assertThat(ExtendedAddress.parseEprtArgument(argument)).isEqualTo(address);
        assertThat(ExtendedAddress.parseEprtArgument(argument.replace('|', delimiter))).isEqualTo(address);
    }

    @Property(tries = 1000)
    void ipv6LiteralsInJdkFormParseToTheSameAddress(@ForAll @Size(16) byte[] v6, @ForAll("zeroRuns") int zeroFrom,
            @ForAll("zeroRuns") int zeroLength) throws Exception {
        for (int i = zeroFrom * 2; i < Math.min(16, (zeroFrom + zeroLength) * 2); i++) {
            v6[i] = 0; // make "::" compression likely
        }
        InetAddress expected = address(v6);
        String jdkLiteral = expected.getHostAddress();
        String compressed = jdkLiteral.replaceFirst("(^|:)(0(:|$)){2,}", "::");

        assertThat(ExtendedAddress.parseEprtArgument("|2|" + jdkLiteral + "|21|").address()).isEqualTo(expected);
        assertThat(ExtendedAddress.parseEprtArgument("|2|" + compressed + "|21|").address()).as(compressed)
                .isEqualTo(expected);
    }

    @Provide
    Arbitrary<Integer> zeroRuns() {
        return Arbitraries.integers().between(0, 8);
    }

    @Property(tries = 1000)
    void arbitraryEprtArgumentsYieldAnAddressOrProtocolException(@ForAll("eprtJunk") String text) {
        try {
            ExtendedAddress address = ExtendedAddress.parseEprtArgument(text);
            assertThat(NetworkProtocol.of(address.address())).isEqualTo(address.protocol());
        } catch (FtpProtocolException expected) {
            // documented outcome (UnsupportedNetworkProtocolException included)
        }
    }

    @Provide
    Arbitrary<String> eprtJunk() {
        Arbitrary<String> field = Arbitraries.strings().withChars("0123456789abcdefABCDEF:.%g").ofMaxLength(20);
        Arbitrary<String> structured = net.jqwik.api.Combinators.combine(
                        Arbitraries.of("|1|", "|2|", "|3|", "||", "|"), field, Arbitraries.of("|", "||", ""),
                        Arbitraries.strings().numeric().ofMaxLength(7), Arbitraries.of("|", "", "||"))
                .as((a, b, c, d, e) -> a + b + c + d + e);
        return Arbitraries.oneOf(structured, Junk.text(60));
    }

    @Property(tries = 1000)
    void extendedPassiveReplyRoundTrips(@ForAll @IntRange(min = 1, max = 65535) int port) throws Exception {
        Reply reply = ReplyParser.parse(ExtendedPassive.reply(port).encode());

        assertThat(reply.codeValue()).isEqualTo(229);
        assertThat(ExtendedPassive.parseReply(reply.text())).isEqualTo(port);
    }

    @Property(tries = 1000)
    void arbitraryExtendedPassiveRepliesYieldAPortOrProtocolException(@ForAll("junkText") String text) {
        try {
            assertThat(ExtendedPassive.parseReply(text)).isBetween(1, 65535);
        } catch (FtpProtocolException expected) {
            // documented outcome
        }
    }

    @Property(tries = 1000)
    void epsvArgumentRoundTrips(@ForAll @IntRange(min = 0, max = 65535) int number, @ForAll boolean all)
            throws Exception {
        EpsvArgument argument = number == 0 ? (all ? EpsvArgument.ALL : EpsvArgument.NONE) : EpsvArgument.protocol(number);

        assertThat(ExtendedPassive.parseArgument(argument.encode())).isEqualTo(argument);
    }

    @Property(tries = 1000)
    void arbitraryEpsvArgumentsYieldAnArgumentOrProtocolException(@ForAll("junkText") String text) {
        try {
            assertThat(ExtendedPassive.parseArgument(text).kind()).isNotNull();
        } catch (FtpProtocolException expected) {
            // documented outcome
        }
    }

    @Property(tries = 1000)
    void unsupportedProtocolReplyRoundTrips(@ForAll boolean v4, @ForAll boolean v6) throws Exception {
        Set<NetworkProtocol> supported = EnumSet.noneOf(NetworkProtocol.class);
        if (v4 || !v6) {
            supported.add(NetworkProtocol.IPV4);
        }
        if (v6) {
            supported.add(NetworkProtocol.IPV6);
        }

        Reply reply = ReplyParser.parse(ExtendedPassive.unsupportedProtocolReply(supported).encode());

        assertThat(reply.codeValue()).isEqualTo(522);
        assertThat(ExtendedPassive.parseSupportedProtocols(reply.text()))
                .containsExactlyElementsOf(supported.stream().map(NetworkProtocol::number).toList());
    }

    @Property(tries = 1000)
    void arbitrary522TextsYieldNumbersOrProtocolException(@ForAll("junkText") String text) {
        try {
            assertThat(ExtendedPassive.parseSupportedProtocols(text)).allSatisfy(n -> assertThat(n).isNotNegative());
        } catch (FtpProtocolException expected) {
            // documented outcome
        }
    }
}
