package dev.ftpkit.client;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lossless name codec: any bytes survive a decode and an encode, in the encodings servers use. */
class RemoteNamesTest {

    private static final Charset GBK = Charset.forName("GBK");

    @Property
    void anyBytesSurviveUtf8(@ForAll @Size(max = 64) byte[] bytes) throws CharacterCodingException {
        assertThat(RemoteNames.encode(RemoteNames.decode(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(bytes);
    }

    @Property
    void anyBytesSurviveLatin1AndWindows1251(@ForAll @Size(max = 64) byte[] bytes) throws CharacterCodingException {
        for (Charset charset : new Charset[] {StandardCharsets.ISO_8859_1, Charset.forName("windows-1251")}) {
            assertThat(RemoteNames.encode(RemoteNames.decode(bytes, charset), charset)).isEqualTo(bytes);
        }
    }

    @Property
    void anyUnicodeTextRoundTripsThroughUtf8(@ForAll String text) throws CharacterCodingException {
        String wellFormed = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertThat(RemoteNames.decode(RemoteNames.encode(wellFormed, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo(wellFormed);
    }

    @Test
    void aLatin1ByteInAUtf8SessionIsEscapedAndShownAsHex() throws CharacterCodingException {
        byte[] bytes = {'l', 'a', 't', (byte) 0xE9, '.', 't', 'x', 't'};

        String name = RemoteNames.decode(bytes, StandardCharsets.UTF_8);

        assertThat(RemoteNames.hasEscapes(name)).isTrue();
        assertThat(RemoteNames.printable(name)).isEqualTo("lat\\xE9.txt");
        assertThat(RemoteNames.encode(name, StandardCharsets.UTF_8)).isEqualTo(bytes);
    }

    @Test
    void gbkNamesDecodeToTheirCharacters() throws CharacterCodingException {
        byte[] bytes = "中文.txt".getBytes(GBK);

        assertThat(RemoteNames.decode(bytes, GBK)).isEqualTo("中文.txt");
        assertThat(RemoteNames.encode("中文.txt", GBK)).isEqualTo(bytes);
    }

    @Test
    void aNameTheEncodingCannotHoldIsRefusedNotReplaced() {
        assertThatThrownBy(() -> RemoteNames.encode("caf\u00e9\u4e2d.txt", StandardCharsets.ISO_8859_1))
                .isInstanceOf(CharacterCodingException.class);
    }
}
