package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class FtpTimePropertiesTest {
    private static final long FIRST = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Provide
    Arbitrary<Instant> expressible() {
        return Arbitraries.longs().between(FIRST, LAST).flatMap(s ->
                Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    }

    @Property(tries = 1000)
    void formatThenParseGivesTheInstantToTheSecond(@ForAll("expressible") Instant t) throws Exception {
        assertThat(FtpTime.parse(FtpTime.format(t))).isEqualTo(t.truncatedTo(ChronoUnit.SECONDS));
    }

    @Property(tries = 1000)
    void formatWithMillisThenParseGivesTheInstantToTheMillisecond(@ForAll("expressible") Instant t)
            throws Exception {
        assertThat(FtpTime.parse(FtpTime.formatWithMillis(t))).isEqualTo(t.truncatedTo(ChronoUnit.MILLIS));
    }

    @Provide
    Arbitrary<String> timeLike() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789.").ofMinLength(12).ofMaxLength(26),
                Arbitraries.strings().numeric().ofLength(14));
    }

    @Property(tries = 2000)
    void arbitraryTextGivesAnInstantOrFtpProtocolException(@ForAll("timeLike") String text) {
        try {
            Instant t = FtpTime.parse(text);
            assertThat(text).startsWith(FtpTime.format(t).substring(0, 12));
        } catch (FtpProtocolException expected) {
            assertThat(expected).hasMessageContaining("time value");
        }
    }
}
