package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplyParserTest {

    @Test
    void singleLineReplyIsCompleteAtOnce() throws Exception {
        Optional<Reply> reply = new ReplyParser().accept("220 (vsFTPd 3.0.3)");

        assertThat(reply).hasValueSatisfying(r -> {
            assertThat(r.codeValue()).isEqualTo(220);
            assertThat(r.lines()).containsExactly("(vsFTPd 3.0.3)");
        });
    }

    @Test
    void seedDialogueRepliesParse() throws Exception {
        ReplyParser parser = new ReplyParser();

        assertThat(parser.accept("220 (vsFTPd 3.0.3)\r")).map(Reply::codeValue).hasValue(220);
        assertThat(parser.accept("331 Anonymous access allowed, send mail as explanation."))
                .map(r -> r.code().isPositiveIntermediate()).hasValue(true);
        assertThat(parser.accept("230 Anonymous access granted, restrictions apply."))
                .map(Reply::firstLine).hasValue("Anonymous access granted, restrictions apply.");
    }

    @Test
    void protectedRepliesOfRfc2228AreRefused() {
        assertThatThrownBy(() -> new ReplyParser().accept("631 base64data")).isInstanceOf(FtpProtocolException.class);
    }

    @Test
    void rfc959MultiLineExampleWithDigitLeadingMiddleLinesIsOneReply() throws Exception {
        // RFC 959 §4.2: middle lines may start with digits; only "123 " ends the reply.
        Reply reply = ReplyParser.parse("123-First line\r\nSecond line\r\n  234 A line beginning with numbers\r\n"
                + "123-not the end\r\n123 The last line\r\n");

        assertThat(reply.codeValue()).isEqualTo(123);
        assertThat(reply.lines()).containsExactly("First line", "Second line",
                "  234 A line beginning with numbers", "123-not the end", "The last line");
        assertThat(reply.isMultiline()).isTrue();
    }

    @Test
    void middleLineStartingWithAnotherCodeAndSpaceDoesNotEndTheReply() throws Exception {
        Reply reply = ReplyParser.parse("211-Status\n226 not the end\n211 End\n");

        assertThat(reply.lines()).containsExactly("Status", "226 not the end", "End");
    }

    @Test
    void bareLfLineEndsAreAccepted() throws Exception {
        assertThat(ReplyParser.parse("230-Welcome\n hello\n230 Login successful.\n").lines())
                .containsExactly("Welcome", " hello", "Login successful.");
        assertThat(ReplyParser.parse("200 ok").firstLine()).isEqualTo("ok");
    }

    @Test
    void trailingCrOnAFedLineIsRemoved() throws Exception {
        assertThat(new ReplyParser().accept("200 ok\r")).map(Reply::firstLine).hasValue("ok");
    }

    @Test
    void codeWithoutTextIsAcceptedAsEmptyText() throws Exception {
        assertThat(ReplyParser.parse("200\r\n").firstLine()).isEmpty();
        assertThat(ReplyParser.parse("211-a\r\n211\r\n").lines()).containsExactly("a", "");
    }

    @Test
    void malformedFirstLinesAreRefused() {
        for (String bad : new String[] {"", "20", "abc ok", "2000 ok", "600 ok", "099 ok", "200x", " 200 ok"}) {
            assertThatThrownBy(() -> new ReplyParser().accept(bad))
                    .as(bad).isInstanceOf(FtpProtocolException.class);
        }
    }

    @Test
    void overlongLineThrowsAndParserStaysUsable() throws Exception {
        ReplyParser parser = new ReplyParser(16, 10);

        assertThatThrownBy(() -> parser.accept("200 " + "x".repeat(13))).isInstanceOf(FtpProtocolException.class);

        assertThat(parser.accept("200 " + "x".repeat(12))).isPresent();
    }

    @Test
    void tooManyLinesThrowsAndParserStaysUsable() throws Exception {
        ReplyParser parser = new ReplyParser(100, 3);
        parser.accept("211-one");
        parser.accept("two");
        parser.accept("three");

        assertThatThrownBy(() -> parser.accept("four")).isInstanceOf(FtpProtocolException.class);

        assertThat(parser.isMidReply()).isFalse();
        assertThat(parser.accept("200 next")).map(Reply::codeValue).hasValue(200);
    }

    @Test
    void tooManyCharactersInAllThrows() throws Exception {
        ReplyParser parser = new ReplyParser(10, 1000, 30);
        parser.accept("211-012345");

        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                parser.accept("0123456789");
            }
        }).isInstanceOf(FtpProtocolException.class);
        assertThat(parser.isMidReply()).isFalse();
    }

    @Test
    void defaultLimitsAreGenerousButBounded() throws Exception {
        ReplyParser parser = new ReplyParser();
        assertThat(parser.accept("200 " + "x".repeat(ReplyParser.DEFAULT_MAX_LINE_LENGTH - 4))).isPresent();
        assertThatThrownBy(() -> parser.accept("200 " + "x".repeat(ReplyParser.DEFAULT_MAX_LINE_LENGTH)))
                .isInstanceOf(FtpProtocolException.class);
    }

    @Test
    void nulIsDroppedAndInnerCrIsReplacedSoTheReplyStaysValid() throws Exception {
        Reply reply = ReplyParser.parse("257 \"/a\r\0b\" created\r\n");

        assertThat(reply.firstLine()).isEqualTo("\"/a\uFFFDb\" created");
    }

    @Test
    void wholeTextParseRefusesIncompleteOrTrailingContent() {
        assertThatThrownBy(() -> ReplyParser.parse("211-a\r\nb\r\n")).isInstanceOf(FtpProtocolException.class);
        assertThatThrownBy(() -> ReplyParser.parse("200 a\r\n200 b\r\n")).isInstanceOf(FtpProtocolException.class);
        assertThatThrownBy(() -> ReplyParser.parse("")).isInstanceOf(FtpProtocolException.class);
    }

    @Test
    void consecutiveRepliesAreParsedOneAfterAnother() throws Exception {
        ReplyParser parser = new ReplyParser();

        assertThat(parser.accept("150 Opening")).map(Reply::codeValue).hasValue(150);
        assertThat(parser.accept("226-Transfer")).isEmpty();
        assertThat(parser.isMidReply()).isTrue();
        assertThat(parser.accept("226 complete")).map(Reply::lines).hasValue(java.util.List.of("Transfer", "complete"));
    }
}
