package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class DosAndEplfPropertiesTest {
    private static final Instant NOW = Instant.parse("2026-11-25T14:13:00Z");
    private final ListParser parser = new ListParser(NOW);

    @Provide
    Arbitrary<String> names() {
        // DOS: the name starts after the padding, so it cannot start with a space
        return Arbitraries.strings().excludeChars('\r', '\n').ofMinLength(1).ofMaxLength(40)
                .filter(s -> !Character.isWhitespace(s.charAt(0)) && !s.endsWith("\r"));
    }

    @Provide
    Arbitrary<Instant> iisTimes() {
        // two-digit years: the parser reads them within [now - 80 years, now + 20 years)
        return Arbitraries.longs().between(Instant.parse("1947-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2045-12-31T23:59:00Z").getEpochSecond())
                .map(s -> Instant.ofEpochSecond(s).truncatedTo(ChronoUnit.MINUTES));
    }

    @Property(tries = 1000)
    void iisLineGivesTheValuesBack(@ForAll("names") String name, @ForAll("iisTimes") Instant modified,
            @ForAll @LongRange(min = -1, max = Long.MAX_VALUE) long sizeOrDir, @ForAll boolean twelveHour) {
        LocalDateTime t = LocalDateTime.ofInstant(modified, ZoneOffset.UTC);
        String time = twelveHour
                ? String.format(Locale.ROOT, "%02d:%02d%s", (t.getHour() + 11) % 12 + 1, t.getMinute(),
                        t.getHour() < 12 ? "AM" : "PM")
                : String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
        String column = sizeOrDir < 0 ? "       <DIR>         " : String.format(Locale.ROOT, "%20d", sizeOrDir);
        String line = String.format(Locale.ROOT, "%02d-%02d-%02d  %s %s %s", t.getMonthValue(), t.getDayOfMonth(),
                t.getYear() % 100, time, column, name);

        ListEntry e = parser.parseLine(line).orElseThrow();

        assertThat(e.format()).isEqualTo(ListFormat.DOS);
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.modified()).contains(modified);
        assertThat(e.type()).isEqualTo(sizeOrDir < 0 ? EntryType.DIRECTORY : EntryType.FILE);
        if (sizeOrDir >= 0) {
            assertThat(e.size()).hasValue(sizeOrDir);
        }
    }

    @Property(tries = 1000)
    void eplfLineGivesTheValuesBack(@ForAll("names") String name, @ForAll boolean directory,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long size,
            @ForAll @LongRange(min = 0, max = 253402300799L) long seconds) {
        String line = "+i1.2,m" + seconds + "," + (directory ? "/" : "r,s" + size) + ",\t" + name;

        ListEntry e = parser.parseLine(line).orElseThrow();

        assertThat(e.format()).isEqualTo(ListFormat.EPLF);
        assertThat(e.name()).isEqualTo(name);
        assertThat(e.isDirectory()).isEqualTo(directory);
        assertThat(e.modified()).contains(Instant.ofEpochSecond(seconds));
        if (!directory) {
            assertThat(e.size()).hasValue(size);
        }
    }
}
