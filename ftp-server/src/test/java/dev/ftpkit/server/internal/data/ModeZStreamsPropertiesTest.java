package dev.ftpkit.server.internal.data;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MODE Z stream wrappers: any data in any chunks comes back; junk or a cut stream is a 426 failure only. */
class ModeZStreamsPropertiesTest {

    private static byte[] deflate(List<byte[]> chunks, int level) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        ModeZStreams.Deflating out = new ModeZStreams.Deflating(wire, level);
        for (byte[] chunk : chunks) {
            out.write(chunk, 0, chunk.length);
        }
        out.flush();
        out.end();
        return wire.toByteArray();
    }

    private static byte[] inflate(InputStream wire, int readSize) throws IOException {
        ModeZStreams.Inflating in = new ModeZStreams.Inflating(wire);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        byte[] buffer = new byte[readSize];
        try {
            for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
                data.write(buffer, 0, n);
            }
        } finally {
            in.end();
        }
        return data.toByteArray();
    }

    @Provide
    Arbitrary<List<byte[]>> chunks() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(5000);
        Arbitrary<byte[]> repetitive = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8)
                .flatMap(unit -> Arbitraries.integers().between(1, 2000).map(times -> repeat(unit, times)));
        return Arbitraries.oneOf(random, repetitive).list().ofMaxSize(6);
    }

    private static byte[] repeat(byte[] unit, int times) {
        byte[] out = new byte[unit.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    private static byte[] concat(List<byte[]> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.forEach(all::writeBytes);
        return all.toByteArray();
    }

    @Property(tries = 200)
    void whatIsDeflatedInflatesToTheSameBytes(@ForAll("chunks") List<byte[]> chunks,
                                               @ForAll @IntRange(min = 0, max = 9) int level,
                                               @ForAll @IntRange(min = 1, max = 70_000) int readSize)
            throws IOException {
        byte[] wire = deflate(chunks, level);

        assertThat(inflate(new ByteArrayInputStream(wire), readSize)).isEqualTo(concat(chunks));
    }

    @Property(tries = 200)
    void aStreamCutShortIsADataConnectionFailure(@ForAll("chunks") List<byte[]> chunks,
                                                 @ForAll @IntRange(min = 1, max = 1000) int cut) throws IOException {
        byte[] wire = deflate(chunks, 6);
        byte[] shortened = Arrays.copyOf(wire, Math.max(0, wire.length - cut));

        assertThatThrownBy(() -> inflate(new ByteArrayInputStream(shortened), 4096))
                .isInstanceOf(DataConnectionException.class);
    }

    @Property(tries = 500)
    void junkGivesDataOrADataConnectionFailure(@ForAll @Size(max = 300) byte[] junk) {
        try {
            inflate(new ByteArrayInputStream(junk), 512);
        } catch (IOException e) {
            assertThat(e).isInstanceOf(DataConnectionException.class);
        }
    }

    @Property(tries = 50)
    void anUploadThatNeverWritesSendsNothing(@ForAll @IntRange(min = 0, max = 9) int level) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new ModeZStreams.Deflating(wire, level).end();

        assertThat(wire.toByteArray()).isEmpty();
    }
}
