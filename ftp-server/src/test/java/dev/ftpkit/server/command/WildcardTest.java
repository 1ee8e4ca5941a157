package dev.ftpkit.server.command;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WildcardTest {

    @Test
    void starAndQuestionMarkMatchAsInAShell() {
        assertThat(Wildcard.matches("*.txt", "a.txt")).isTrue();
        assertThat(Wildcard.matches("*.txt", "a.bin")).isFalse();
        assertThat(Wildcard.matches("a?c", "abc")).isTrue();
        assertThat(Wildcard.matches("{a,b}", "a")).isFalse();
        assertThat(Wildcard.matches("*", "")).isTrue();
    }

    @Test
    void explosivePatternIsAnsweredInMilliseconds() {
        String name = "a".repeat(5_000);
        long started = System.nanoTime();
        boolean matched = Wildcard.matches("a*a*a*a*a*a*a*a*a*a*a*a*b", name);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(matched).isFalse();
        assertThat(millis).isLessThan(1_000);
    }
}
