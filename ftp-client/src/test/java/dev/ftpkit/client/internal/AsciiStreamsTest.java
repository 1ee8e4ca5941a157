package dev.ftpkit.client.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class AsciiStreamsTest {

    private static byte[] encode(byte[] local, int chunk) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (AsciiOutputStream out = new AsciiOutputStream(wire)) {
            for (int i = 0; i < local.length; i += chunk) {
                out.write(local, i, Math.min(chunk, local.length - i));
            }
        }
        return wire.toByteArray();
    }

    private static byte[] decode(byte[] wire, int chunk, String separator) throws IOException {
        InputStream trickle = new ByteArrayInputStream(wire) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
        try (InputStream in = new AsciiInputStream(trickle, separator)) {
            return in.readAllBytes();
        }
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Test
    void uploadTurnsLfAndCrlfIntoCrlfAndKeepsLoneCr() throws IOException {
        byte[] wire = encode("a\nb\r\nc\rd\n".getBytes(StandardCharsets.US_ASCII), 1);

        assertThat(ascii(wire)).isEqualTo("a\r\nb\r\nc\rd\r\n");
    }

    @Test
    void downloadTurnsCrlfIntoTheLocalSeparatorEvenAcrossReads() throws IOException {
        byte[] wire = "one\r\ntwo\r\n\r\nlone\rcr\r".getBytes(StandardCharsets.US_ASCII);

        assertThat(ascii(decode(wire, 1, "\n"))).isEqualTo("one\ntwo\n\nlone\rcr\r");
        assertThat(ascii(decode(wire, 4, "\r\n"))).isEqualTo("one\r\ntwo\r\n\r\nlone\rcr\r");
    }

    @Property(tries = 1000)
    void textWithoutCarriageReturnsSurvivesUploadThenDownload(@ForAll byte[] local,
                                                              @ForAll @IntRange(min = 1, max = 50) int chunk)
            throws IOException {
        byte[] noCr = ascii(local).replace("\r", "").getBytes(StandardCharsets.ISO_8859_1);

        byte[] back = decode(encode(noCr, chunk), chunk, "\n");

        assertThat(back).isEqualTo(noCr);
    }
}
