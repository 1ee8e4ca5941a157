package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** z/OS MVS, IBM i and NonStop listings, samples written from the formats' descriptions. */
class MainframeListingTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private final ListParser parser = new ListParser(NOW);
    private final ListParser mvs = parser.forSystem("215 MVS is the operating system of this server. FTP Server is "
            + "running on z/OS.");

    @Test
    void mvsDatasetListingSkipsItsHeaderAndTellsPartitionedFromSequential() {
        List<ListEntry> entries = parser.parse(List.of(
                "Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname",
                "SYS001 3390   2026/11/30  1   15  FB      80 27920  PS  PAYROLL.DATA",
                "SYS002 3390   2026/12/01  3   90  FB      80 27920  PO  PAYROLL.COBOL",
                "SYS003 3390   2026/12/02  1    4  U        0 27998  PO-E  PAYROLL.LOADLIB",
                "SYS004 3390   **NONE**    1    1  VB     255 27998  PS  'OTHER.HLQ.NEVER.READ'",
                "Migrated                                                PAYROLL.OLD",
                "Pseudo Directory                                        PAYROLL.ARCHIVE",
                "TAPE01 Not Direct Access Device                         PAYROLL.TAPE.BACKUP"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("PAYROLL.DATA", "PAYROLL.COBOL",
                "PAYROLL.LOADLIB", "'OTHER.HLQ.NEVER.READ'", "PAYROLL.OLD", "PAYROLL.ARCHIVE", "PAYROLL.TAPE.BACKUP");
        assertThat(entries).extracting(ListEntry::type).containsExactly(EntryType.FILE, EntryType.DIRECTORY,
                EntryType.DIRECTORY, EntryType.FILE, EntryType.FILE, EntryType.DIRECTORY, EntryType.FILE);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.format()).isEqualTo(ListFormat.MVS);
            assertThat(e.size()).isEmpty(); // tracks, not bytes
            assertThat(e.modified()).isEmpty(); // "Referred" is the last read, not the last change
        });
    }

    @Test
    void pdsMemberStatisticsGiveChangeTimeAndOwnerButNoByteSize() {
        List<ListEntry> entries = mvs.parse(List.of(
                " Name     VV.MM   Created       Changed      Size  Init   Mod   Id",
                "PAYCALC   01.04 2026/10/02 2026/12/01 09:15    42    40     5 ALICE",
                "PAYPRINT  01.00 2026/12/03 2026/12/03 14:02:33  120   120     0 BOB",
                "NOSTATS",
                "$TEMP#1   01.00 2026/12/04 2026/12/04 00:00     1     1     0"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("PAYCALC", "PAYPRINT", "NOSTATS",
                "$TEMP#1");
        assertThat(entries).allSatisfy(e -> assertThat(e.type()).isEqualTo(EntryType.FILE));
        assertThat(entries.get(0).modified()).contains(Instant.parse("2026-12-01T09:15:00Z"));
        assertThat(entries.get(1).modified()).contains(Instant.parse("2026-12-03T14:02:33Z"));
        assertThat(entries.get(0).owner()).contains("ALICE");
        assertThat(entries.get(3).owner()).isEmpty();
        assertThat(entries.get(0).size()).isEmpty();
    }

    @Test
    void bareMemberNamesAreOnlyTakenFromServersThatSaidMvs() {
        assertThat(parser.parse(List.of("NOSTATS", "OTHER"))).allSatisfy(e -> assertThat(e.isParsed()).isFalse());
        assertThat(mvs.parse(List.of("NOSTATS", "OTHER"))).extracting(ListEntry::name)
                .containsExactly("NOSTATS", "OTHER");
    }

    @Test
    void loadLibraryMembersHaveTheirHexadecimalSize() {
        List<ListEntry> entries = parser.parse(List.of(
                " Name      Size     TTR   Alias-of AC --------- Attributes --------- Amode Rmode",
                "PAYMAIN   00A2F0   00000F          01 FO             RN RU            31    ANY",
                "PAYSUB    000010   000012 PAYMAIN  00 FO                              24    24"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("PAYMAIN", "PAYSUB");
        assertThat(entries).extracting(ListEntry::size).containsExactly(OptionalLong.of(0xA2F0),
                OptionalLong.of(16));
    }

    @Test
    void jesJobsAreNamedByTheirJobIdWithOrWithoutOwnerColumn() {
        List<ListEntry> entries = parser.parse(List.of(
                "JOBNAME  JOBID    OWNER    STATUS CLASS",
                "PAYRUN   JOB01234 ALICE    OUTPUT A        RC=0000 3 spool files",
                "PAYRUN   JOB01235 ALICE    ACTIVE A",
                "ALICE    TSU01236 ALICE    ACTIVE TSU",
                "BADJOB   JOB01237 BOB      OUTPUT A        ABEND=806 2 spool files",
                "OLDJOB   J0012345 OUTPUT    3 Spool Files"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("JOB01234", "JOB01235", "TSU01236",
                "JOB01237", "J0012345");
        assertThat(entries).extracting(ListEntry::owner).containsExactly(Optional.of("ALICE"), Optional.of("ALICE"),
                Optional.of("ALICE"), Optional.of("BOB"), Optional.empty());
        assertThat(entries).allSatisfy(e -> assertThat(e.size()).isEmpty());
    }

    @Test
    void ibmiObjectsGetTheirTypeFromObjectTypeAndTrailingSlash() {
        List<ListEntry> entries = parser.parse(List.of(
                "QSYS           77824 02/23/26 15:09:55 *DIR       QSYS.LIB/",
                "ALICE          24576 12/03/26 08:30:12 *FILE      PAYLIB.LIB/PAYROLL.FILE",
                "ALICE                                  *MEM       PAYLIB.LIB/PAYROLL.FILE/JAN.MBR",
                "ALICE           8192 11/30/26 17:45:01 *STMF      report 2026.csv",
                "ALICE     5000000000 01.12.26 07:00:00 *STMF      big.bin",
                "ALICE          12288 12/04/26 10:10:10 *FILE      PAYLIB.LIB/BACKUP.SAVF",
                "QSYS            4096 12/04/26 10:10:10 *PGM       PAYLIB.LIB/PAYCALC.PGM"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("QSYS.LIB", "PAYLIB.LIB/PAYROLL.FILE",
                "PAYLIB.LIB/PAYROLL.FILE/JAN.MBR", "report 2026.csv", "big.bin", "PAYLIB.LIB/BACKUP.SAVF",
                "PAYLIB.LIB/PAYCALC.PGM");
        assertThat(entries).extracting(ListEntry::type).containsExactly(EntryType.DIRECTORY, EntryType.DIRECTORY,
                EntryType.FILE, EntryType.FILE, EntryType.FILE, EntryType.FILE, EntryType.OTHER);
        assertThat(entries.get(2).size()).isEmpty();
        assertThat(entries.get(2).modified()).isEmpty();
        assertThat(entries.get(3).size()).hasValue(8192);
        assertThat(entries.get(3).modified()).contains(Instant.parse("2026-11-30T17:45:01Z"));
        assertThat(entries.get(4).size()).hasValue(5_000_000_000L);
        assertThat(entries.get(4).modified()).contains(Instant.parse("2026-12-01T07:00:00Z")); // DD.MM.YY
        assertThat(entries.get(0).owner()).contains("QSYS");
        assertThat(entries).allSatisfy(e -> assertThat(e.format()).isEqualTo(ListFormat.OS400));
    }

    @Test
    void nonStopFilesHaveEofAsSizeOwnerAndSecurity() {
        List<ListEntry> entries = parser.parse(List.of(
                "File         Code             EOF  Last Modification    Owner  RWEP",
                "PAYDATA       101            4096  5-Dec-26 12:00:00  200,12 \"NUNU\"",
                "PAYCOBS       180           53312 30-Nov-26 09:41:07 255,255 \"oooo\"",
                "TACLLOG O       0               0  1-Jan-26 00:00:00  200,12 \"GGGG\""));

        assertThat(entries).extracting(ListEntry::name).containsExactly("PAYDATA", "PAYCOBS", "TACLLOG");
        assertThat(entries).extracting(ListEntry::size).containsExactly(OptionalLong.of(4096),
                OptionalLong.of(53312), OptionalLong.of(0));
        assertThat(entries.get(0).modified()).contains(Instant.parse("2026-12-05T12:00:00Z"));
        assertThat(entries.get(1).owner()).contains("255,255");
        assertThat(entries.get(1).permissions()).contains("oooo");
        assertThat(entries).allSatisfy(e -> assertThat(e.type()).isEqualTo(EntryType.FILE));
    }
}
