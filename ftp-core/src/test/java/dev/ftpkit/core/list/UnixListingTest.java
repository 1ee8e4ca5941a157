package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class UnixListingTest {
    private static final Instant NOW = Instant.parse("2026-11-25T14:13:00Z");
    private final ListParser parser = new ListParser(NOW);

    private ListEntry parse(String line) {
        return parser.parseLine(line).orElseThrow();
    }

    @Test
    void defaultsReadUtcRelativeToTheCurrentTime() {
        ListParser defaults = ListParser.defaults();

        assertThat(defaults.zone()).isEqualTo(ZoneOffset.UTC);
        assertThat(Duration.between(defaults.now(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
    }

    @Test
    void referenceInstantOutsideTheCalendarIsRefused() {
        assertThatThrownBy(() -> new ListParser(Instant.MAX)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recentDateInTheFutureByMoreThanSixMonthsIsLastYear() {
        ListParser january = new ListParser(Instant.parse("2027-01-05T08:00:00Z"));

        assertThat(january.parseLine("-rw-r--r-- 1 0 0 5 Dec 20 10:00 x").orElseThrow().modified())
                .contains(Instant.parse("2026-12-20T10:00:00Z"));
    }

    @Test
    void serverClockSlightlyAheadAtNewYearGivesNextYear() {
        ListParser newYearsEve = new ListParser(Instant.parse("2026-12-31T23:50:00Z"));

        assertThat(newYearsEve.parseLine("-rw-r--r-- 1 0 0 5 Jan  1 00:10 x").orElseThrow().modified())
                .contains(Instant.parse("2027-01-01T00:10:00Z"));
    }

    @Test
    void timesAreReadInTheParsersZone() {
        ListParser berlin = new ListParser(ZoneId.of("Europe/Berlin"), NOW);

        assertThat(berlin.parseLine("-rw-r--r-- 1 0 0 5 Nov 24 10:00 x").orElseThrow().modified())
                .contains(Instant.parse("2026-11-24T09:00:00Z"));
        assertThat(berlin.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(berlin.now()).isEqualTo(NOW);
    }

    @Test
    void impossibleDateKeepsTheEntryWithoutATime() {
        ListEntry e = parse("-rw-r--r-- 1 0 0 5 Feb 30  2020 x");

        assertThat(e.isParsed()).isTrue();
        assertThat(e.modified()).isEmpty();
    }

    @Test
    void maximumLongSizeIsKeptAndLargerSizesAreDropped() {
        assertThat(parse("-rw-r--r-- 1 0 0 9223372036854775807 Nov 24 10:00 x").size())
                .isEqualTo(OptionalLong.of(Long.MAX_VALUE));
        ListEntry tooBig = parse("-rw-r--r-- 1 0 0 99999999999999999999 Nov 24 10:00 x");
        assertThat(tooBig.isParsed()).isTrue();
        assertThat(tooBig.size()).isEmpty();
    }

    @Test
    void aclSelinuxAndXattrMarkersAfterThePermissionsAreAccepted() {
        for (String marker : List.of("+", ".", "@")) {
            ListEntry e = parse("-rw-r--r--" + marker + " 1 0 0 12 Nov 24 10:00 f");
            assertThat(e.permissions()).contains("rw-r--r--");
            assertThat(e.size()).hasValue(12);
        }
    }

    @Test
    void deviceFilesHaveMajorMinorInsteadOfASize() {
        ListEntry spaced = parse("crw-rw-rw- 1 0 0 1, 3 Nov 24 10:00 null");
        ListEntry compact = parse("brw-rw---- 1 0 6 8,0 Nov 24 10:00 sda");

        assertThat(spaced.type()).isEqualTo(EntryType.OTHER);
        assertThat(spaced.name()).isEqualTo("null");
        assertThat(spaced.size()).isEmpty();
        assertThat(spaced.group()).contains("0");
        assertThat(compact.name()).isEqualTo("sda");
        assertThat(compact.group()).contains("6");
    }

    @Test
    void linkTargetIsSplitOffForLinksOnly() {
        ListEntry link = parse("lrwxrwxrwx 1 0 0 1 Nov 24 10:00 a -> b");
        ListEntry file = parse("-rw-r--r-- 1 0 0 1 Nov 24 10:00 a -> b");

        assertThat(link.name()).isEqualTo("a");
        assertThat(link.linkTarget()).contains("b");
        assertThat(link.isSymbolicLink()).isTrue();
        assertThat(file.name()).isEqualTo("a -> b");
        assertThat(file.linkTarget()).isEmpty();
    }

    @Test
    void groupNamesWithSpacesAreKept() {
        ListEntry e = parse("-rw-r--r--  1 jane  Domain Users  99 Nov 24 10:00 group with space.doc");

        assertThat(e.owner()).contains("jane");
        assertThat(e.group()).contains("Domain Users");
        assertThat(e.name()).isEqualTo("group with space.doc");
    }

    @Test
    void missingGroupOrLinkCountIsTolerated() {
        ListEntry noGroup = parse("-rw-r--r-- 1 jane 99 Nov 24 10:00 f");
        ListEntry noLinks = parse("-rw-r--r-- jane staff 99 Nov 24 10:00 f");
        ListEntry neither = parse("-rw-r--r-- 99 Nov 24 10:00 f");

        assertThat(noGroup.owner()).contains("jane");
        assertThat(noGroup.group()).isEmpty();
        assertThat(noLinks.owner()).contains("jane");
        assertThat(noLinks.group()).contains("staff");
        assertThat(neither.owner()).isEmpty();
        assertThat(neither.size()).hasValue(99);
    }

    @Test
    void dateLikeTextInTheNameStaysInTheName() {
        ListEntry e = parse("-rw-r--r-- 1 0 0 5 Nov 24 10:00 backup 12 Jan 01 2020 final");

        assertThat(e.name()).isEqualTo("backup 12 Jan 01 2020 final");
    }

    @Test
    void namesKeepLeadingAndTrailingSpaces() {
        assertThat(parse("-rw-r--r-- 1 0 0 5 Nov 24 10:00   two  spaces  ").name()).isEqualTo("  two  spaces  ");
    }

    @Test
    void totalAndBlankLinesAreSkippedAndCarriageReturnsRemoved() {
        List<ListEntry> entries = parser.parse("total 12\r\n\r\n-rw-r--r-- 1 0 0 5 Nov 24 10:00 a\r\n   \r\n");

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("a");
            assertThat(e.rawLine()).isEqualTo("-rw-r--r-- 1 0 0 5 Nov 24 10:00 a");
        });
        assertThat(parser.parseLine("total 0")).isEmpty();
    }

    @Test
    void linesThatAlmostLookLikeUnixAreKeptUnparsed() {
        List<String> lines = List.of("-rw-r--r-- 1 0 0 5 Nov 24 10:00", "-rw-r--r-- 1 0 0 x Nov 24 10:00 a",
                "-rw-r--r-- 1 0 0 5 Foo 24 10:00 a", "-rw-r--r-- 1 0 0 5 Nov 32 10:00 a",
                "-rw-r--r-- 1 0 0 5 Nov 24 24:00 a", "xrw-r--r-- 1 0 0 5 Nov 24 10:00 a", "total 12 files");

        List<ListEntry> entries = parser.parse(lines);

        assertThat(entries).hasSize(lines.size()).noneMatch(ListEntry::isParsed);
        assertThat(entries).extracting(ListEntry::rawLine).containsExactlyElementsOf(lines);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.name()).isEmpty();
            assertThat(e.type()).isEqualTo(EntryType.UNKNOWN);
        });
    }
}
