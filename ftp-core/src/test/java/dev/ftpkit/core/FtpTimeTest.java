package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FtpTimeTest {

    @Test
    void rfc3659ExampleIsReadAsUtc() throws Exception {
        // RFC 3659 §3.4 example: 213 19980615100045.014
        assertThat(FtpTime.parse("19980615100045.014")).isEqualTo(Instant.parse("1998-06-15T10:00:45.014Z"));
    }

    @Test
    void timeWithoutFractionIsWholeSeconds() throws Exception {
        assertThat(FtpTime.parse("20261124120000")).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
    }

    @Test
    void apacheFtpServerMillisecondsAreAccepted() throws Exception {
        assertThat(FtpTime.parse("20210203040506.000")).isEqualTo(Instant.parse("2021-02-03T04:05:06Z"));
    }

    @Test
    void nineFractionDigitsGiveNanoseconds() throws Exception {
        assertThat(FtpTime.parse("20210203040506.123456789"))
                .isEqualTo(Instant.parse("2021-02-03T04:05:06.123456789Z"));
    }

    @Test
    void leapSecondIsReadAsSecondFiftyNine() throws Exception {
        assertThat(FtpTime.parse("20161231235960")).isEqualTo(Instant.parse("2016-12-31T23:59:59Z"));
    }

    @Test
    void leapDayExistsInLeapYearsOnly() throws Exception {
        assertThat(FtpTime.parse("20240229000000")).isEqualTo(Instant.parse("2024-02-29T00:00:00Z"));
        assertThatThrownBy(() -> FtpTime.parse("20230229000000")).isInstanceOf(FtpProtocolException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2026112412000", "202611241200000", "20261324120000", "20260230120000",
        "20261100120000", "20261124240000", "20261124126000", "20261124120061", "20261124120000.",
        "20261124120000.1234567890", "20261124120000,5", "2026112412000a", "09991124120000",
        " 20261124120000", "20261124120000 ", "２0261124120000", "-2026112412000"})
    void invalidTimeValuesAreRejected(String text) {
        assertThatThrownBy(() -> FtpTime.parse(text)).isInstanceOf(FtpProtocolException.class);
    }

    @Test
    void formatDropsTheFraction() {
        assertThat(FtpTime.format(Instant.parse("2026-11-24T12:00:00.999Z"))).isEqualTo("20261124120000");
    }

    @Test
    void formatWithMillisTruncatesToMilliseconds() {
        assertThat(FtpTime.formatWithMillis(Instant.parse("2021-02-03T04:05:06.0079Z")))
                .isEqualTo("20210203040506.007");
    }

    @Test
    void yearsThatCannotBeExpressedAreRefused() {
        assertThatThrownBy(() -> FtpTime.format(Instant.parse("0999-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FtpTime.format(Instant.parse("+10000-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FtpTime.formatWithMillis(Instant.MAX))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
