package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a listing's format is chosen: whole-listing trial, SYST preference, the application's parsers first. */
class FormatChoiceTest {
    private final ListParser parser = new ListParser(Instant.parse("2026-12-05T12:00:00Z"));

    /** A made-up format: {@code name|size}. */
    private static final FormatParser PIPES = FormatParser.ofLines(line -> {
        int bar = line.indexOf('|');
        if (bar < 1 || !Tokens.isDigits(line.substring(bar + 1))) {
            return Optional.empty();
        }
        return Entries.of(ListFormat.CUSTOM, line).type(EntryType.FILE).name(line.substring(0, bar))
                .size(Entries.size(line.substring(bar + 1))).build();
    });

    @Test
    void applicationParserIsTriedBeforeTheBuiltInOnes() {
        List<String> listing = List.of("a.txt|12", "b.txt|0");

        assertThat(parser.parse(listing)).allSatisfy(e -> assertThat(e.isParsed()).isFalse());
        List<ListEntry> entries = parser.withFirst(List.of(PIPES)).parse(listing);
        assertThat(entries).extracting(ListEntry::name).containsExactly("a.txt", "b.txt");
        assertThat(entries).allSatisfy(e -> assertThat(e.format()).isEqualTo(ListFormat.CUSTOM));
    }

    @Test
    void applicationParserWinsEvenOverALineABuiltInFormatUnderstands() {
        FormatParser everything = FormatParser.ofLines(line -> Entries.of(ListFormat.CUSTOM, line)
                .type(EntryType.OTHER).name("x").build());

        assertThat(parser.withFirst(List.of(everything))
                .parse(List.of("-rw-r--r-- 1 0 0 5 Nov 24 10:00 unix.txt")))
                .extracting(ListEntry::format).containsExactly(ListFormat.CUSTOM);
    }

    @Test
    void mixedListingFallsBackToTheFirstParserForEachLine() {
        List<ListEntry> entries = parser.parse(List.of(
                "-rw-r--r-- 1 0 0 5 Nov 24 10:00 unix.txt",
                "01-02-24  03:04PM                 5678 dos.txt",
                "?? no listing line ??"));

        assertThat(entries).extracting(ListEntry::format).containsExactly(ListFormat.UNIX, ListFormat.DOS,
                ListFormat.UNPARSED);
        assertThat(parser.parseWithOneFormat(List.of("-rw-r--r-- 1 0 0 5 Nov 24 10:00 unix.txt",
                "01-02-24  03:04PM                 5678 dos.txt"))).isEmpty();
        assertThat(parser.parseWithOneFormat(List.of("total 5", "-rw-r--r-- 1 0 0 5 Nov 24 10:00 unix.txt", "")))
                .hasValueSatisfying(oneFormat -> assertThat(oneFormat).extracting(ListEntry::name)
                        .containsExactly("unix.txt"));
    }

    @Test
    void systRepliesNameTheirSystemsFormats() {
        assertThat(BuiltInFormats.forSystem("215 MVS is the operating system of this server. FTP Server is running "
                + "on z/OS.", new ListDates(java.time.ZoneOffset.UTC, Instant.EPOCH))).hasSize(3);
        List<String> replies = List.of("215 OS/400 is the remote operating system. The TCP/IP version is \"V7R4M0\".",
                "215 VMS", "VMS V8.4 on an Itanium", "215 NONSTOP", "215 UNIX Type: L8", "215 Windows_NT",
                "215 NetWare system type.", "215 OS/2", "215 MACOS Peter's Server");
        for (String reply : replies) {
            assertThat(BuiltInFormats.forSystem(reply, new ListDates(java.time.ZoneOffset.UTC, Instant.EPOCH)))
                    .as(reply).hasSize(1);
        }
        assertThat(BuiltInFormats.forSystem("215 Plan9", new ListDates(java.time.ZoneOffset.UTC, Instant.EPOCH)))
                .isEmpty();
        assertThat(BuiltInFormats.forSystem("", new ListDates(java.time.ZoneOffset.UTC, Instant.EPOCH))).isEmpty();
    }

    @Test
    void systPreferenceDecidesWhichFormatReadsALineTwoFormatsUnderstand() {
        // a z/OS PDS member without statistics is a bare name: only an MVS server's listing is read that way
        List<String> listing = List.of("PAYCALC", "-rw-r--r-- 1 0 0 5 Nov 24 10:00 unix.txt");

        assertThat(parser.parse(listing)).extracting(ListEntry::format).containsExactly(ListFormat.UNPARSED,
                ListFormat.UNIX);
        assertThat(parser.forSystem("215 MVS is the operating system of this server").parse(listing))
                .extracting(ListEntry::format).containsExactly(ListFormat.MVS, ListFormat.UNIX);
        assertThat(parser.forSystem("215 UNIX Type: L8").parse(listing)).extracting(ListEntry::format)
                .containsExactly(ListFormat.UNPARSED, ListFormat.UNIX);
    }

    @Test
    void parsedResultNeedsAtLeastOneLine() {
        assertThatThrownBy(() -> new FormatParser.Parsed(Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lineCount");
    }

    @Test
    void headerLinesOfKnownFormatsAreSkippedLineByLineToo() {
        assertThat(parser.parseLine("Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname")).isEmpty();
        assertThat(parser.parseLine("Total of 5 files, 145/151 blocks.")).isEmpty();
    }
}
