package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void singleLineReplyEncodesAsCodeSpaceTextCrlf() {
        assertThat(Reply.of(200, "Command okay.").encode()).isEqualTo("200 Command okay.\r\n");
    }

    @Test
    void lineBreaksInTextBecomeSeparateLines() {
        Reply reply = Reply.of(211, "a\r\nb\rc\nd");

        assertThat(reply.lines()).containsExactly("a", "b", "c", "d");
        assertThat(reply.isMultiline()).isTrue();
        assertThat(reply.text()).isEqualTo("a\nb\nc\nd");
    }

    @Test
    void aSingleTrailingLineBreakDoesNotAddAnEmptyLine() {
        assertThat(Reply.of(200, "ok\r\n").lines()).containsExactly("ok");
        assertThat(Reply.of(200, "").lines()).containsExactly("");
    }

    @Test
    void multiLineReplyEncodesWithHyphenFirstLineSpacePaddedMiddleAndCodeLastLine() {
        Reply reply = Reply.of(211, List.of("Features:", "MLST type*;size*;", " UTF8", "End"));

        assertThat(reply.encode()).isEqualTo("211-Features:\r\n MLST type*;size*;\r\n UTF8\r\n211 End\r\n");
    }

    @Test
    void textThatLooksLikeAFinalReplyLineCannotForgeOne() throws Exception {
        Reply reply = Reply.of(150, "Opening\r\n226 done\r\ntrailer");

        Reply parsed = ReplyParser.parse(reply.encode());

        assertThat(parsed.codeValue()).isEqualTo(150);
        assertThat(parsed.lines()).containsExactly("Opening", " 226 done", "trailer");
    }

    @Test
    void textWithOneForgedLineStillParsesAsExactlyOneReplyWithTheOriginalCode() throws Exception {
        String wire = Reply.of(200, "ok\r\n226 done").encode();
        ReplyParser parser = new ReplyParser();
        List<String> wireLines = List.of(wire.split("\r\n"));

        List<Reply> replies = new java.util.ArrayList<>();
        for (String line : wireLines) {
            parser.accept(line).ifPresent(replies::add);
        }

        assertThat(replies).hasSize(1);
        assertThat(replies.get(0).codeValue()).isEqualTo(200);
        assertThat(parser.isMidReply()).isFalse();
    }

    @Test
    void linesWithCrLfOrNulAreRefused() {
        assertThatThrownBy(() -> Reply.of(200, List.of("a\nb"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.of(200, List.of("a\rb"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.of(200, "a\0b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.of(200, List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsCodeAndFirstLine() {
        assertThat(Reply.of(226, "Transfer complete\nmore").toString()).isEqualTo("226 Transfer complete");
    }

    @Test
    void replyExceptionCarriesCodeTextAndContext() {
        FtpReplyException e = new FtpReplyException("RETR a.txt", Reply.of(550, "No such file"));

        assertThat(e.code()).isEqualTo(550);
        assertThat(e.reply().firstLine()).isEqualTo("No such file");
        assertThat(e.getMessage()).isEqualTo("RETR a.txt: 550 No such file");
        assertThat(new FtpReplyException(Reply.of(421, "bye")).getMessage()).isEqualTo("421 bye");
    }
}
