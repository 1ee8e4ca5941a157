package dev.ftpkit.client.sync;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The exclusion patterns: star and question mark, names or relative paths, bounded time. */
class GlobTest {

    @Test
    void starAndQuestionMarkMatchAsInAShell() {
        assertThat(Glob.compile("*.tmp").excludes("dir/a.tmp")).isTrue();
        assertThat(Glob.compile("*.tmp").excludes("dir/a.tmpx")).isFalse();
        assertThat(Glob.compile("?.log").excludes("a.log")).isTrue();
        assertThat(Glob.compile("?.log").excludes("ab.log")).isFalse();
        assertThat(Glob.compile("*").excludes("*x")).isTrue();
        assertThat(Glob.compile("a*b*c").excludes("aXXbYYc")).isTrue();
        assertThat(Glob.compile("ä?ö").excludes("äüö")).isTrue();
    }

    @Test
    void aPatternWithASlashMatchesTheRelativePath() {
        assertThat(Glob.compile("build/*").excludes("build/x/y.class")).isTrue();
        assertThat(Glob.compile("build/*").excludes("src/build/x")).isFalse();
        assertThat(Glob.compile("build").excludes("src/build")).isTrue();
    }

    @Test
    void aPathologicalPatternAnswersQuickly() {
        String name = "a".repeat(5_000);

        assertThat(Glob.compile("a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b").matches(name)).isFalse();
    }

    @Test
    void emptyAndOverlongPatternsAreRefused() {
        assertThatThrownBy(() -> Glob.compile("")).hasMessageContaining("exclude");
        assertThatThrownBy(() -> Glob.compile("*".repeat(Glob.MAX_LENGTH + 1))).hasMessageContaining("exclude");
    }

    @Property
    void aLiteralPatternMatchesExactlyItself(@ForAll @StringLength(min = 1, max = 30) String name,
                                             @ForAll @StringLength(max = 5) String other) {
        String literal = name.replace("*", "").replace("?", "");
        if (literal.isEmpty()) {
            return;
        }
        assertThat(Glob.compile(literal).matches(literal)).isTrue();
        assertThat(Glob.compile(literal).matches(literal + other)).isEqualTo(other.isEmpty());
        assertThat(Glob.compile("*" + literal).matches(other + literal)).isTrue();
    }
}
