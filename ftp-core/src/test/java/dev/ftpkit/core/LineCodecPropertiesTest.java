package dev.ftpkit.core;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the byte-level codecs: LineDecoder, Telnet stripping, PathQuoting. */
class LineCodecPropertiesTest {

    @Provide
    Arbitrary<List<byte[]>> lines() {
        // line bytes without LF and not ending with CR
        return Junk.bytes(40).map(b -> {
            byte[] copy = b.clone();
            for (int i = 0; i < copy.length; i++) {
                if (copy[i] == '\n' || (i == copy.length - 1 && copy[i] == '\r')) {
                    copy[i] = 'x';
                }
            }
            return copy;
        }).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<byte[]> junkBytes() {
        return Junk.bytes(300);
    }

    @Provide
    Arbitrary<String> junkText() {
        return Junk.text(100);
    }

    @Provide
    Arbitrary<String> paths() {
        return Junk.lineText(40).filter(s -> !s.isEmpty());
    }

    /** Feeds bytes in chunks of the given size, collecting lines; overlong lines become null. */
    private static List<byte[]> decode(LineDecoder decoder, byte[] bytes, int chunk) {
        List<byte[]> out = new ArrayList<>();
        int off = 0;
        int guard = 0;
        while (off < bytes.length) {
            assertThat(guard++).isLessThan(bytes.length + 1);
            int n = decoder.feed(bytes, off, Math.min(chunk, bytes.length - off));
            assertThat(n).isPositive();
            off += n;
            if (decoder.hasLine()) {
                try {
                    out.add(decoder.takeLine());
                } catch (FtpProtocolException e) {
                    out.add(null);
                }
            }
        }
        return out;
    }

    @Property(tries = 1000)
    void linesRoundTripThroughTheDecoderInAnyChunking(@ForAll("lines") List<byte[]> lines,
            @ForAll @IntRange(min = 1, max = 50) int chunk, @ForAll boolean bareLf) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            wire.writeBytes(line);
            wire.writeBytes(bareLf ? new byte[] {'\n'} : new byte[] {'\r', '\n'});
        }

        List<byte[]> decoded = decode(new LineDecoder(40), wire.toByteArray(), chunk);

        assertThat(decoded).containsExactlyElementsOf(lines);
    }

    @Property(tries = 1000)
    void arbitraryBytesGiveBoundedLinesOrProtocolExceptions(@ForAll("junkBytes") byte[] bytes,
            @ForAll @IntRange(min = 1, max = 64) int chunk, @ForAll @IntRange(min = 1, max = 20) int max) {
        LineDecoder decoder = new LineDecoder(max);

        List<byte[]> decoded = decode(decoder, bytes, chunk);

        assertThat(decoded).allSatisfy(line -> {
            if (line != null) {
                assertThat(line.length).isLessThanOrEqualTo(max);
                assertThat(line).doesNotContain((byte) '\n');
            }
        });
        long lfs = 0;
        for (byte b : bytes) {
            lfs += b == '\n' ? 1 : 0;
        }
        assertThat(decoded).hasSize((int) lfs);
    }

    @Property(tries = 1000)
    void escapedDataSurvivesTelnetStripping(@ForAll("junkBytes") byte[] data) {
        ByteArrayOutputStream escaped = new ByteArrayOutputStream();
        escaped.writeBytes(new byte[] {(byte) 255, (byte) 244, (byte) 255, (byte) 242}); // IAC IP IAC DM
        for (byte b : data) {
            escaped.write(b);
            if (b == (byte) 255) {
                escaped.write(b); // RFC 854: a data 0xFF is sent as IAC IAC
            }
        }

        assertThat(LineDecoder.stripTelnet(escaped.toByteArray())).isEqualTo(data);
    }

    @Property(tries = 1000)
    void telnetStrippingNeverFailsNorGrows(@ForAll("junkBytes") byte[] data) {
        assertThat(LineDecoder.stripTelnet(data).length).isLessThanOrEqualTo(data.length);
    }

    @Property(tries = 1000)
    void quotedPathsRoundTrip(@ForAll("paths") String path, @ForAll("paths") String after)
            throws FtpProtocolException {
        String text = PathQuoting.quote(path) + " " + after;

        assertThat(PathQuoting.unquote(text)).isEqualTo(path);
        assertThat(PathQuoting.unquote(Reply.of(257, text).encode())).isEqualTo(path);
    }

    @Property(tries = 1000)
    void arbitraryTextUnquotesToAPathOrProtocolException(@ForAll("junkText") String text) {
        try {
            assertThat(PathQuoting.unquote(text)).isNotEmpty();
        } catch (FtpProtocolException expected) {
            // documented outcome
        }
    }

    @Property(tries = 1000)
    void arbitraryStringsAreQuotedOrRefusedWithIllegalArgument(@ForAll("junkText") String path) {
        try {
            assertThat(PathQuoting.quote(path)).startsWith("\"").endsWith("\"").doesNotContain("\r", "\n", "\0");
        } catch (IllegalArgumentException expected) {
            assertThat(path.isEmpty() || Text.hasLineBreakOrNul(path)).isTrue();
        }
    }

    @Property(tries = 1000)
    void arbitraryCommandBytesYieldACommandOrProtocolException(@ForAll("junkBytes") byte[] line,
            @ForAll boolean utf8) {
        try {
            Command command = CommandParser.parse(line, utf8 ? UTF_8 : ISO_8859_1);
            assertThat(command.encode()).endsWith("\r\n");
        } catch (FtpProtocolException expected) {
            // documented outcome
        }
    }

    @Property(tries = 1000)
    void arbitraryCommandLinesYieldACommandOrProtocolException(@ForAll("junkText") String line) {
        try {
            Command command = CommandParser.parse(line);
            assertThat(CommandParser.parse(command.encode().replace("\r\n", ""))).isEqualTo(command);
        } catch (FtpProtocolException expected) {
            // documented outcome
        }
    }

    @Provide
    Arbitrary<String> verbs() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('0', '9').ofMaxLength(15);
        return Combinators.combine(first, rest).as((head, tail) -> head + tail);
    }

    @Provide
    Arbitrary<String> utf8Arguments() {
        // well-formed Unicode only (no lone surrogates), so UTF-8 can carry it byte-exact
        return Junk.lineText(40).filter(s -> new String(s.getBytes(UTF_8), UTF_8).equals(s));
    }

    @Property(tries = 1000)
    void commandsRoundTripByteExact(@ForAll("verbs") String verb, @ForAll("utf8Arguments") String argument)
            throws FtpProtocolException {
        Command command = Command.of(verb, argument);
        byte[] wire = command.encode().getBytes(UTF_8);

        LineDecoder decoder = new LineDecoder(1024);
        assertThat(decoder.feed(wire, 0, wire.length)).isEqualTo(wire.length);
        Command parsed = CommandParser.parse(decoder.takeLine(), UTF_8);

        assertThat(parsed).isEqualTo(command);
        assertThat(parsed.argument()).isEqualTo(argument);
    }

    @Property(tries = 1000)
    void commandArgumentsWithLineBreaksOrNulAreRefused(@ForAll("junkText") String argument) {
        try {
            assertThat(Command.of("STOR", argument).encode()).doesNotContain("\n\n").endsWith("\r\n");
            assertThat(Text.hasLineBreakOrNul(argument)).isFalse();
        } catch (IllegalArgumentException expected) {
            assertThat(Text.hasLineBreakOrNul(argument)).isTrue();
        }
    }
}
