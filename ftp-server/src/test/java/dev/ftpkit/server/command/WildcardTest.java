package dev.ftpkit.server.command;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class WildcardTest {

    @Test
    void starAndQuestionMarkMatchAsInAShell() {
        assertThat(Wildcard.matches("*.txt", "a.txt")).isTrue();
        assertThat(Wildcard.matches("*.txt", "a.bin")).isFalse();
        assertThat(Wildcard.matches("a?c", "abc")).isTrue();
        assertThat(Wildcard.matches("{a,b}", "a")).isFalse();
        assertThat(Wildcard.matches("*", "")).isTrue();
    }

    // a backtracking matcher takes more steps here than any test could wait for; a linear one microseconds. The
    // bound is far above the latter on any loaded machine: it tells the two apart without timing the fast one.
    @Test
    void explosivePatternIsAnsweredWithoutBacktracking() {
        String name = "a".repeat(5_000);
        boolean matched = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Wildcard.matches("a*a*a*a*a*a*a*a*a*a*a*a*b", name));
        assertThat(matched).isFalse();
    }
}
