package dev.ftpkit.core;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TYPE A line ends (RFC 959 §3.1.1.1): examples and properties. */
class AsciiConversionTest {

    private static byte[] bytes(String s) {
        return s.getBytes(ISO_8859_1);
    }

    @Test
    void localLineEndsBecomeCrlfOnTheNetwork() {
        assertThat(AsciiConversion.toNetwork().convertAll(bytes("a\nb\r\nc\rd\n")))
                .isEqualTo(bytes("a\r\nb\r\nc\rd\r\n"));
    }

    @Test
    void networkCrlfAndLoneLfBecomeTheLocalSeparatorAndLoneCrStays() {
        assertThat(AsciiConversion.fromNetwork("\n").convertAll(bytes("a\r\nb\nc\rd\r")))
                .isEqualTo(bytes("a\nb\nc\rd\r"));
        assertThat(AsciiConversion.fromNetwork("\r\n").convertAll(bytes("a\r\nb\n")))
                .isEqualTo(bytes("a\r\nb\r\n"));
    }

    @Test
    void crlfCutBetweenTwoChunksIsStillOneLineEnd() {
        AsciiConversion decoder = AsciiConversion.fromNetwork("\n");
        byte[] out = new byte[8];
        int n = decoder.convert(bytes("a\r"), 0, 2, out, 0);
        n += decoder.convert(bytes("\nb"), 0, 2, out, n);
        n += decoder.finish(out, n);
        assertThat(new String(out, 0, n, ISO_8859_1)).isEqualTo("a\nb");
    }

    @Test
    void emptyOrNonAsciiSeparatorIsRefused() {
        assertThatThrownBy(() -> AsciiConversion.fromNetwork("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AsciiConversion.fromNetwork("é")).isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<byte[]> junk() {
        return Junk.bytes(300);
    }

    /** Local text as the server stores it: lines end with LF, no CRLF of its own (a lone CR may appear). */
    @Provide
    Arbitrary<byte[]> localText() {
        return Junk.bytes(300).map(b -> bytes(new String(b, ISO_8859_1).replace("\r\n", "\r_\n")));
    }

    @Property
    void roundTripGivesBackLocalText(@ForAll("localText") byte[] text) {
        byte[] network = AsciiConversion.toNetwork().convertAll(text);
        assertThat(AsciiConversion.fromNetwork("\n").convertAll(network)).isEqualTo(text);
    }

    @Property
    void networkFormHasNoBareLf(@ForAll("junk") byte[] text) {
        String network = new String(AsciiConversion.toNetwork().convertAll(text), ISO_8859_1);
        assertThat(network.replace("\r\n", "")).doesNotContain("\n");
    }

    @Property
    void resultDoesNotDependOnHowTheInputIsChunked(@ForAll("junk") byte[] text,
                                                   @ForAll @IntRange(min = 1, max = 7) int chunk,
                                                   @ForAll boolean toNetwork) {
        byte[] whole = converter(toNetwork).convertAll(text);
        AsciiConversion chunked = converter(toNetwork);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < text.length; off += chunk) {
            int len = Math.min(chunk, text.length - off);
            byte[] buffer = new byte[chunked.maxOutput(len)];
            out.write(buffer, 0, chunked.convert(text, off, len, buffer, 0));
        }
        byte[] last = new byte[1];
        out.write(last, 0, chunked.finish(last, 0));
        assertThat(out.toByteArray()).isEqualTo(whole);
    }

    @Property
    void junkNeverThrowsAndStaysWithinMaxOutput(@ForAll("junk") byte[] text, @ForAll boolean toNetwork) {
        AsciiConversion converter = converter(toNetwork);
        assertThat(converter.convertAll(text).length).isLessThanOrEqualTo(converter.maxOutput(text.length));
    }

    private static AsciiConversion converter(boolean toNetwork) {
        return toNetwork ? AsciiConversion.toNetwork() : AsciiConversion.fromNetwork("\r\n");
    }
}
