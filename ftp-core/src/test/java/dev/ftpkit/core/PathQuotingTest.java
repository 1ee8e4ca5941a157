package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PathQuotingTest {

    @Test
    void rfc959AppendixIIExampleDoublesEmbeddedQuotes() throws Exception {
        // RFC 959 Appendix II: MKD foo"bar -> 257 "/usr/dm/foo""bar" directory created
        assertThat(PathQuoting.quote("/usr/dm/foo\"bar")).isEqualTo("\"/usr/dm/foo\"\"bar\"");
        assertThat(PathQuoting.unquote("\"/usr/dm/foo\"\"bar\" directory created")).isEqualTo("/usr/dm/foo\"bar");
    }

    @Test
    void unquoteTakesTheFirstQuotedPathAndIgnoresTextAround() throws Exception {
        assertThat(PathQuoting.unquote("\"/home/user\" is the current directory")).isEqualTo("/home/user");
        assertThat(PathQuoting.unquote("MKD command successful: \"a b \" \"other\"")).isEqualTo("a b ");
        assertThat(PathQuoting.unquote("\"\"\"quoted\"\"\"")).isEqualTo("\"quoted\"");
    }

    @Test
    void unquoteRefusesMissingEmptyOrUnterminatedPaths() {
        for (String bad : new String[] {"/home/user is current", "\"\" created", "\"/unterminated", "\"a\nb\""}) {
            assertThatThrownBy(() -> PathQuoting.unquote(bad)).as(bad).isInstanceOf(FtpProtocolException.class);
        }
    }

    @Test
    void quoteRefusesPathsThatCannotSitOnOneReplyLine() {
        // RFC 2640 §3.1 would send CR as CR NUL; reply lines here never carry CR, LF or NUL.
        for (String bad : new String[] {"", "a\rb", "a\nb", "a\0b"}) {
            assertThatThrownBy(() -> PathQuoting.quote(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a257ReplyWithQuotedPathSurvivesEncodeAndParse() throws Exception {
        Reply reply = Reply.of(ReplyCodes.PATHNAME_CREATED, PathQuoting.quote("/a \"b\" c ") + " created");

        assertThat(PathQuoting.unquote(ReplyParser.parse(reply.encode()).text())).isEqualTo("/a \"b\" c ");
    }
}
