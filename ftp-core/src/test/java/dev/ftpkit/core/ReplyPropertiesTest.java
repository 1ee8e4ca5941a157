package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ReplyPropertiesTest {

    @Provide
    Arbitrary<List<String>> lines() {
        return Junk.lineText(30).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<String>> junkLines() {
        return Junk.text(30).list().ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> junkText() {
        return Junk.text(200);
    }

    /** Parses the wire form line by line; fails the property on anything but exactly one reply. */
    private static Reply parseWire(String wire) throws FtpProtocolException {
        assertThat(wire).endsWith("\r\n");
        ReplyParser parser = new ReplyParser();
        List<Reply> replies = new ArrayList<>();
        String[] wireLines = wire.substring(0, wire.length() - 2).split("\r\n", -1);
        for (String line : wireLines) {
            assertThat(line).doesNotContain("\r", "\n");
            parser.accept(line).ifPresent(replies::add);
        }
        assertThat(replies).hasSize(1);
        assertThat(parser.isMidReply()).isFalse();
        return replies.get(0);
    }

    @Property(tries = 1000)
    void canonicalReplyRoundTrips(@ForAll @IntRange(min = 100, max = 599) int code, @ForAll("lines") List<String> lines)
            throws FtpProtocolException {
        List<String> canonical = new ArrayList<>(lines);
        for (int i = 1; i < canonical.size() - 1; i++) {
            canonical.set(i, " " + canonical.get(i));
        }
        Reply reply = Reply.of(code, canonical);

        assertThat(parseWire(reply.encode())).isEqualTo(reply);
    }

    @Property(tries = 1000)
    void encodingNeverForgesALineAndIsStableAfterOneRoundTrip(
            @ForAll @IntRange(min = 100, max = 599) int code, @ForAll("lines") List<String> lines)
            throws FtpProtocolException {
        Reply reply = Reply.of(code, String.join("\r\n", lines));

        Reply parsed = parseWire(reply.encode());

        assertThat(parsed.code()).isEqualTo(reply.code());
        assertThat(parsed.lines()).hasSameSizeAs(reply.lines());
        assertThat(parsed.firstLine()).isEqualTo(reply.firstLine());
        assertThat(parsed.lastLine()).isEqualTo(reply.lastLine());
        assertThat(parsed.encode()).isEqualTo(reply.encode());
    }

    @Property(tries = 1000)
    void arbitraryLinesYieldRepliesOrProtocolExceptionsOnly(@ForAll("junkLines") List<String> lines) {
        ReplyParser parser = new ReplyParser(64, 5, 200);
        for (String line : lines) {
            try {
                Optional<Reply> reply = parser.accept(line);
                reply.ifPresent(r -> assertThat(r.lines()).allSatisfy(l -> assertThat(l).doesNotContain("\r", "\n", "\0")));
            } catch (FtpProtocolException expected) {
                assertThat(parser.isMidReply()).isFalse();
            }
        }
    }

    @Property(tries = 1000)
    void arbitraryTextYieldsAReplyOrProtocolExceptionOnly(@ForAll("junkText") String text) {
        try {
            Reply reply = ReplyParser.parse(text);
            assertThat(reply.lines()).isNotEmpty();
        } catch (FtpProtocolException expected) {
            // documented outcome
        }
    }

    @Property(tries = 1000)
    void anyCodeAndTextCanBeEncodedOrIsRefusedWithIllegalArgument(
            @ForAll @IntRange(min = 0, max = 1000) int code, @ForAll("junkText") String text) {
        try {
            String wire = Reply.of(code, text).encode();
            assertThat(wire.chars().filter(c -> c == '\n').count())
                    .isEqualTo(wire.chars().filter(c -> c == '\r').count());
        } catch (IllegalArgumentException expected) {
            assertThat(code < 100 || code > 599 || text.indexOf('\0') >= 0).isTrue();
        }
    }

    @Property(tries = 1000)
    void replyCodeCategoryMatchesPredicates(@ForAll @IntRange(min = 100, max = 599) int value) {
        ReplyCode code = ReplyCode.of(value);

        assertThat(code.isPositive()).isNotEqualTo(code.isNegative());
        assertThat(code.category().ordinal()).isEqualTo(value / 100 - 1);
        int trueCount = (code.isPositivePreliminary() ? 1 : 0) + (code.isPositiveCompletion() ? 1 : 0)
                + (code.isPositiveIntermediate() ? 1 : 0) + (code.isTransientNegative() ? 1 : 0)
                + (code.isPermanentNegative() ? 1 : 0);
        assertThat(trueCount).isEqualTo(1);
    }
}
