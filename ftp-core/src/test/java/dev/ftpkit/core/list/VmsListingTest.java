package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** OpenVMS listings, samples written from the DIRECTORY/SIZE/DATE/OWNER/PROTECTION output's description. */
class VmsListingTest {
    private final ListParser parser = new ListParser(Instant.parse("2026-12-05T12:00:00Z"));

    @Test
    void directoryListingWithHeaderTrailerAndWrappedLongName() {
        List<ListEntry> entries = parser.parse(List.of(
                "Directory USERS:[ALICE]",
                "",
                "LOGIN.COM;3              2/4        5-DEC-2026 12:00:00  [STAFF,ALICE]  (RWED,RWED,RE,)",
                "LOGIN.COM;2              2/4        1-DEC-2026 08:00:00  [STAFF,ALICE]  (RWED,RWED,RE,)",
                "REPORTS.DIR;1            1/3        1-JAN-2025 00:00:00  [STAFF,ALICE]  (RWE,RWE,RE,E)",
                "QUARTERLY_RESULTS_FOR_THE_BOARD.DAT;1",
                "                       123/126      4-DEC-2026 23:59:59.42  [ALICE]  (RWED,RWED,,)",
                "NOTES.TXT;12            17          30-NOV-2026 09:41",
                "",
                "Total of 5 files, 145/151 blocks."));

        assertThat(entries).extracting(ListEntry::name).containsExactly("LOGIN.COM;3", "LOGIN.COM;2", "REPORTS",
                "QUARTERLY_RESULTS_FOR_THE_BOARD.DAT;1", "NOTES.TXT;12");
        assertThat(entries).extracting(ListEntry::type).containsExactly(EntryType.FILE, EntryType.FILE,
                EntryType.DIRECTORY, EntryType.FILE, EntryType.FILE);
        assertThat(entries).extracting(ListEntry::size).containsExactly(OptionalLong.of(1024),
                OptionalLong.of(1024), OptionalLong.of(512), OptionalLong.of(123 * 512), OptionalLong.of(17 * 512));
        assertThat(entries.get(0).modified()).contains(Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(entries.get(0).owner()).contains("ALICE");
        assertThat(entries.get(0).group()).contains("STAFF");
        assertThat(entries.get(0).permissions()).contains("RWED,RWED,RE,");
        ListEntry wrapped = entries.get(3);
        assertThat(wrapped.owner()).contains("ALICE");
        assertThat(wrapped.group()).isEmpty();
        assertThat(wrapped.modified()).contains(Instant.parse("2026-12-04T23:59:59Z"));
        assertThat(wrapped.rawLine()).isEqualTo("QUARTERLY_RESULTS_FOR_THE_BOARD.DAT;1\n"
                + "                       123/126      4-DEC-2026 23:59:59.42  [ALICE]  (RWED,RWED,,)");
        assertThat(entries.get(4).owner()).isEmpty();
        assertThat(entries.get(4).modified()).contains(Instant.parse("2026-11-30T09:41:00Z"));
        assertThat(entries).allSatisfy(e -> assertThat(e.format()).isEqualTo(ListFormat.VMS));
    }

    @Test
    void wrappedNameWithoutItsSecondLineStaysUnparsed() {
        List<ListEntry> entries = parser.parse(List.of(
                "LOGIN.COM;3              2/4        5-DEC-2026 12:00:00  [STAFF,ALICE]  (RWED,RWED,RE,)",
                "QUARTERLY_RESULTS_FOR_THE_BOARD.DAT;1",
                "%RMS-E-PRV, insufficient privilege or file protection violation"));

        assertThat(entries).extracting(ListEntry::isParsed).containsExactly(true, false, false);
        assertThat(entries.get(1).rawLine()).isEqualTo("QUARTERLY_RESULTS_FOR_THE_BOARD.DAT;1");
    }

    @Test
    void impossibleDateKeepsTheEntryWithoutATime() {
        Optional<ListEntry> entry = parser.parseLine("A.B;1  1/1  31-FEB-2026 12:00:00");

        assertThat(entry).hasValueSatisfying(e -> {
            assertThat(e.name()).isEqualTo("A.B;1");
            assertThat(e.modified()).isEmpty();
        });
    }
}
