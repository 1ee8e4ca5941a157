package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** OS/2, NetWare, classic Mac OS and the rarer Unix listings, samples written from the formats' descriptions. */
class PcAndMacListingTest {
    private final ListParser parser = new ListParser(Instant.parse("2026-12-05T12:00:00Z"));

    @Test
    void os2DirectoriesAreMarkedDirAndHaveNoSize() {
        List<ListEntry> entries = parser.parse(List.of(
                "         0           DIR   12-05-26   12:00  PROJECTS",
                "      1234    A            11-30-26   09:41  README.TXT",
                "  12345678    A  R         01-01-99   00:00  old archive.zip",
                "         0                 02-28-26   23:59  EMPTY.LOG"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("PROJECTS", "README.TXT",
                "old archive.zip", "EMPTY.LOG");
        assertThat(entries).extracting(ListEntry::type).containsExactly(EntryType.DIRECTORY, EntryType.FILE,
                EntryType.FILE, EntryType.FILE);
        assertThat(entries).extracting(ListEntry::size).containsExactly(OptionalLong.empty(),
                OptionalLong.of(1234), OptionalLong.of(12_345_678), OptionalLong.of(0));
        assertThat(entries.get(2).modified()).contains(Instant.parse("1999-01-01T00:00:00Z"));
        assertThat(entries.get(2).permissions()).contains("A R");
        assertThat(entries).allSatisfy(e -> assertThat(e.format()).isEqualTo(ListFormat.OS2));
    }

    @Test
    void netWareRightsOwnerSizeAndNamesWithSpaces() {
        List<ListEntry> entries = parser.parse(List.of(
                "d [RWCEAFMS] ADMIN                         512 Dec 05 12:00 PUBLIC",
                "- [RWCEAFMS] alice                      123456 Nov 30  2025 report.doc",
                "d [-WCE--F-] alice                         512 Oct 01 09:41 shared files",
                "- [R----F--] bob                    6000000000 Jun 15  2024 backup.tar"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("PUBLIC", "report.doc", "shared files",
                "backup.tar");
        assertThat(entries).extracting(ListEntry::type).containsExactly(EntryType.DIRECTORY, EntryType.FILE,
                EntryType.DIRECTORY, EntryType.FILE);
        assertThat(entries.get(3).size()).hasValue(6_000_000_000L);
        assertThat(entries.get(1).modified()).contains(Instant.parse("2025-11-30T00:00:00Z"));
        assertThat(entries.get(2).modified()).contains(Instant.parse("2026-10-01T09:41:00Z"));
        assertThat(entries.get(2).permissions()).contains("-WCE--F-");
        assertThat(entries.get(0).owner()).contains("ADMIN");
    }

    @Test
    void netPresenzFilesHaveTheirTotalForkSizeAndFoldersNone() {
        List<ListEntry> entries = parser.parse(List.of(
                "-------r--         326  1391972  1392298 Nov 22  1995 MegaPhone.sit",
                "drwxrwxr-x               folder        2 May 10 12:00 network",
                "-rw-rw-r--           0       17       17 Dec 01 08:00 Read Me"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("MegaPhone.sit", "network", "Read Me");
        assertThat(entries).extracting(ListEntry::type).containsExactly(EntryType.FILE, EntryType.DIRECTORY,
                EntryType.FILE);
        assertThat(entries).extracting(ListEntry::size).containsExactly(OptionalLong.of(1_392_298),
                OptionalLong.empty(), OptionalLong.of(17));
        assertThat(entries).allSatisfy(e -> assertThat(e.format()).isEqualTo(ListFormat.MACOS));
    }

    @Test
    void unixLineWithNumericOwnerAndNoGroupIsNotTakenForAMacLine() {
        // three numbers, but 1 + 1000 != 1234: a link count, a numeric owner and the size
        ListEntry entry = parser.parseLine("-rw-r--r--   1 1000     1234 Dec 01 08:00 notes.txt").orElseThrow();

        assertThat(entry.format()).isEqualTo(ListFormat.UNIX);
        assertThat(entry.owner()).contains("1000");
        assertThat(entry.group()).isEmpty();
        assertThat(entry.size()).hasValue(1234);
    }

    @Test
    void busyboxListingWithAclSelinuxDevicesHugeFilesAndDatesAroundNewYear() {
        ListParser newYear = new ListParser(Instant.parse("2027-01-02T10:00:00Z"));
        List<ListEntry> entries = newYear.parse(List.of(
                "total 12",
                "drwxr-xr-x    2 root     root           160 Dec 31 23:59 etc",
                "-rw-r--r--+   1 1000     1000    5368709120 Jan  1 00:01 disk.img",
                "-rw-r--r--.   1 0        0               42 Dec 24 18:00 selinux.txt",
                "crw-rw-rw-    1 0        0           1,   3 Jan  2 09:00 null",
                "brw-rw----    1 0        6           8,   0 Jul  4  2026 sda",
                "lrwxrwxrwx    1 0        0               12 Jan  2 09:30 current -> disk.img"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("etc", "disk.img", "selinux.txt", "null",
                "sda", "current");
        assertThat(entries).extracting(ListEntry::type).containsExactly(EntryType.DIRECTORY, EntryType.FILE,
                EntryType.FILE, EntryType.OTHER, EntryType.OTHER, EntryType.SYMBOLIC_LINK);
        assertThat(entries.get(1).size()).hasValue(5_368_709_120L);
        assertThat(entries.get(3).size()).isEmpty();
        assertThat(entries.get(0).modified()).contains(Instant.parse("2026-12-31T23:59:00Z"));
        assertThat(entries.get(1).modified()).contains(Instant.parse("2027-01-01T00:01:00Z"));
        assertThat(entries.get(2).modified()).contains(Instant.parse("2026-12-24T18:00:00Z"));
        assertThat(entries.get(1).owner()).contains("1000");
        assertThat(entries).allSatisfy(e -> assertThat(e.format()).isEqualTo(ListFormat.UNIX));
    }
}
