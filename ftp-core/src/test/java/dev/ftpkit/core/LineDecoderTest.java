package dev.ftpkit.core;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDecoderTest {

    private static List<String> decodeAll(LineDecoder decoder, byte[] bytes) throws FtpProtocolException {
        List<String> lines = new ArrayList<>();
        int off = 0;
        while (off < bytes.length) {
            off += decoder.feed(bytes, off, bytes.length - off);
            if (decoder.hasLine()) {
                lines.add(new String(decoder.takeLine(), US_ASCII));
            }
        }
        return lines;
    }

    @Test
    void crlfAndBareLfBothEndLines() throws Exception {
        List<String> lines = decodeAll(new LineDecoder(100), "USER a\r\nPASS b\nQUIT\r\n".getBytes(US_ASCII));

        assertThat(lines).containsExactly("USER a", "PASS b", "QUIT");
    }

    @Test
    void feedStopsRightAfterTheFirstLf() {
        LineDecoder decoder = new LineDecoder(100);
        byte[] bytes = "NOOP\r\nQUIT\r\n".getBytes(US_ASCII);

        assertThat(decoder.feed(bytes, 0, bytes.length)).isEqualTo(6);
        assertThat(decoder.hasLine()).isTrue();
        assertThatThrownBy(() -> decoder.feed(bytes, 6, 6)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void lineSplitAcrossFeedsIsJoined() throws Exception {
        LineDecoder decoder = new LineDecoder(100);
        decoder.feed("RE".getBytes(US_ASCII), 0, 2);
        assertThat(decoder.hasLine()).isFalse();
        assertThat(decoder.hasPartialLine()).isTrue();
        decoder.feed("TR x\r".getBytes(US_ASCII), 0, 5);
        decoder.feed("\n".getBytes(US_ASCII), 0, 1);

        assertThat(new String(decoder.takeLine(), US_ASCII)).isEqualTo("RETR x");
        assertThat(decoder.hasPartialLine()).isFalse();
    }

    @Test
    void onlyTheCrRightBeforeLfIsRemoved() throws Exception {
        assertThat(decodeAll(new LineDecoder(100), "a\rb \r\r\n".getBytes(US_ASCII))).containsExactly("a\rb \r");
    }

    @Test
    void lineOfExactlyTheLimitPassesAndOneMoreByteFails() throws Exception {
        LineDecoder decoder = new LineDecoder(4);

        assertThat(decodeAll(decoder, "abcd\r\n".getBytes(US_ASCII))).containsExactly("abcd");
        assertThatThrownBy(() -> decodeAll(decoder, "abcde\r\n".getBytes(US_ASCII)))
                .isInstanceOf(FtpProtocolException.class);
    }

    @Test
    void overlongLineIsDiscardedWithBoundedMemoryAndDecoderStaysUsable() throws Exception {
        LineDecoder decoder = new LineDecoder(8);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 160; i++) { // 10 MiB without a line end
            assertThat(decoder.feed(chunk, 0, chunk.length)).isEqualTo(chunk.length);
        }
        decoder.feed("\n".getBytes(US_ASCII), 0, 1);

        assertThatThrownBy(decoder::takeLine).isInstanceOf(FtpProtocolException.class);
        assertThat(decodeAll(decoder, "NOOP\r\n".getBytes(US_ASCII))).containsExactly("NOOP");
    }

    @Test
    void takeLineWithoutCompleteLineIsAProgrammingError() {
        assertThatThrownBy(() -> new LineDecoder(10).takeLine()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void telnetInterruptAndDataMarkAroundAborAreStripped() {
        // RFC 959 §4.1.3: the client sends IAC IP, IAC DM (urgent) before ABOR.
        byte[] line = {(byte) 255, (byte) 244, (byte) 255, (byte) 242, 'A', 'B', 'O', 'R'};

        assertThat(new String(LineDecoder.stripTelnet(line), US_ASCII)).isEqualTo("ABOR");
    }

    @Test
    void aborAfterAnOutOfBandDataMarkKeepsItsFirstLetter() {
        // The Synch's DM went as TCP urgent data and was not read inline: IAC IP IAC, then the verb.
        byte[] line = {(byte) 255, (byte) 244, (byte) 255, 'A', 'B', 'O', 'R'};

        assertThat(new String(LineDecoder.stripTelnet(line), US_ASCII)).isEqualTo("ABOR");
    }

    @Test
    void doubledIacIsOneDataByteAndOptionNegotiationIsRemoved() {
        byte[] line = {'a', (byte) 255, (byte) 255, 'b', (byte) 255, (byte) 253, 1, 'c',
            (byte) 255, (byte) 250, 24, 1, (byte) 255, (byte) 240, 'd', (byte) 255};

        assertThat(LineDecoder.stripTelnet(line)).containsExactly('a', (byte) 255, 'b', 'c', 'd');
    }

    @Test
    void lineWithoutIacIsReturnedUnchanged() {
        byte[] line = "STOR a".getBytes(US_ASCII);

        assertThat(LineDecoder.stripTelnet(line)).isSameAs(line);
    }
}
