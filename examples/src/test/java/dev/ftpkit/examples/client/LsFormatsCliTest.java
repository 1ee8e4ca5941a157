package dev.ftpkit.examples.client;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ftpkit ls --long} against a scripted server per system (its SYST reply, FEAT without MLST, LIST returning a
 * sample written from the format's description): every entry shows the right type, size (or {@code -}) and name.
 */
class LsFormatsCliTest {
    /** {@code ls --long}: type, size or "-", time or "-", name. */
    private static final Pattern LONG_LINE = Pattern.compile("(\\S+) +(\\S+) +(\\S+) (.*)");

    static Stream<Arguments> systems() {
        return Stream.of(
                Arguments.of("215 UNIX Type: L8", String.join("\r\n",
                        "total 12",
                        "drwxr-xr-x    2 root     root           160 Dec 31 23:59 etc",
                        "-rw-r--r--+   1 1000     1000    5368709120 Jan  1 00:01 disk.img",
                        "-rw-r--r--.   1 0        0               42 Dec 24 18:00 selinux.txt",
                        "-rw-r--r--    1 1000           7 Dec 24 18:00 no group.txt",
                        "crw-rw-rw-    1 0        0           1,   3 Jan  2 09:00 null",
                        "lrwxrwxrwx    1 0        0               12 Jan  2 09:30 current -> disk.img", ""),
                        List.of("directory 160 etc", "file 5368709120 disk.img", "file 42 selinux.txt",
                                "file 7 no group.txt", "other - null", "symbolic_link 12 current")),
                Arguments.of("215 MVS is the operating system of this server. FTP Server is running on z/OS.",
                        String.join("\r\n",
                        "Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname",
                        "SYS001 3390   2026/11/30  1   15  FB      80 27920  PS  PAYROLL.DATA",
                        "SYS002 3390   2026/12/01  3   90  FB      80 27920  PO  PAYROLL.COBOL",
                        "Migrated                                                PAYROLL.OLD",
                        "Pseudo Directory                                        PAYROLL.ARCHIVE", ""),
                        List.of("file - PAYROLL.DATA", "directory - PAYROLL.COBOL", "file - PAYROLL.OLD",
                                "directory - PAYROLL.ARCHIVE")),
                Arguments.of("215 MVS is the operating system of this server. FTP Server is running on z/OS.",
                        String.join("\r\n",
                        " Name     VV.MM   Created       Changed      Size  Init   Mod   Id",
                        "PAYCALC   01.04 2026/10/02 2026/12/01 09:15    42    40     5 ALICE",
                        "PAYPRINT  01.00 2026/12/03 2026/12/03 14:02:33  120   120     0 BOB",
                        "NOSTATS", ""),
                        List.of("file - PAYCALC", "file - PAYPRINT", "file - NOSTATS")),
                Arguments.of("215 MVS is the operating system of this server. FTP Server is running on z/OS.",
                        String.join("\r\n",
                        "JOBNAME  JOBID    OWNER    STATUS CLASS",
                        "PAYRUN   JOB01234 ALICE    OUTPUT A        RC=0000 3 spool files",
                        "ALICE    TSU01236 ALICE    ACTIVE TSU", ""),
                        List.of("file - JOB01234", "file - TSU01236")),
                Arguments.of("215 OS/400 is the remote operating system. The TCP/IP version is \"V7R4M0\".",
                        String.join("\r\n",
                        "QSYS           77824 02/23/26 15:09:55 *DIR       QSYS.LIB/",
                        "ALICE          24576 12/03/26 08:30:12 *FILE      PAYLIB.LIB/PAYROLL.FILE",
                        "ALICE                                  *MEM       PAYLIB.LIB/PAYROLL.FILE/JAN.MBR",
                        "ALICE           8192 11/30/26 17:45:01 *STMF      report 2026.csv", ""),
                        List.of("directory 77824 QSYS.LIB", "directory 24576 PAYLIB.LIB/PAYROLL.FILE",
                                "file - PAYLIB.LIB/PAYROLL.FILE/JAN.MBR", "file 8192 report 2026.csv")),
                Arguments.of("215 VMS", String.join("\r\n",
                        "Directory USERS:[ALICE]",
                        "",
                        "LOGIN.COM;3              2/4        5-DEC-2026 12:00:00  [STAFF,ALICE]  (RWED,RWED,RE,)",
                        "REPORTS.DIR;1            1/3        1-JAN-2025 00:00:00  [STAFF,ALICE]  (RWE,RWE,RE,E)",
                        "QUARTERLY_RESULTS_FOR_THE_BOARD.DAT;1",
                        "                       123/126      4-DEC-2026 23:59:59  [STAFF,ALICE]  (RWED,RWED,,)",
                        "",
                        "Total of 3 files, 126/133 blocks.", ""),
                        List.of("file 1024 LOGIN.COM;3", "directory 512 REPORTS",
                                "file 62976 QUARTERLY_RESULTS_FOR_THE_BOARD.DAT;1")),
                Arguments.of("215 NONSTOP", String.join("\r\n",
                        "File         Code             EOF  Last Modification    Owner  RWEP",
                        "PAYDATA       101            4096  5-Dec-26 12:00:00  200,12 \"NUNU\"",
                        "TACLLOG O       0               0  1-Jan-26 00:00:00  200,12 \"GGGG\"", ""),
                        List.of("file 4096 PAYDATA", "file 0 TACLLOG")),
                Arguments.of("215 OS/2", String.join("\r\n",
                        "         0           DIR   12-05-26   12:00  PROJECTS",
                        "      1234    A            11-30-26   09:41  README.TXT",
                        "  12345678    A  R         01-01-99   00:00  old archive.zip", ""),
                        List.of("directory - PROJECTS", "file 1234 README.TXT", "file 12345678 old archive.zip")),
                Arguments.of("215 NetWare system type.", String.join("\r\n",
                        "d [RWCEAFMS] ADMIN                         512 Dec 05 12:00 PUBLIC",
                        "- [RWCEAFMS] alice                      123456 Nov 30  2025 report.doc", ""),
                        List.of("directory 512 PUBLIC", "file 123456 report.doc")),
                Arguments.of("215 MACOS Peter's Server", String.join("\r\n",
                        "-------r--         326  1391972  1392298 Nov 22  1995 MegaPhone.sit",
                        "drwxrwxr-x               folder        2 May 10 12:00 network", ""),
                        List.of("file 1392298 MegaPhone.sit", "directory - network")),
                Arguments.of("215 Windows_NT", String.join("\r\n",
                        "12-05-26  12:00PM       <DIR>          Reports",
                        "11-30-26  09:41AM              4300000000 backup.bak", ""),
                        List.of("directory - Reports", "file 4300000000 backup.bak")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void lsLongShowsTypeSizeAndNameOfEveryEntry(String systReply, String listing, List<String> expected)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (ListingServer server = ListingServer.start(systReply, listing)) {
            Terminal io = new Terminal(new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                    StandardCharsets.UTF_8), false);
            exit = Main.run(List.of("ls", "--long", "--timeout", "10", server.url()), io);
            assertThat(server.commands()).contains("FEAT", "LIST").doesNotContain("MLSD");
        }

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        List<String> shown = out.toString(StandardCharsets.UTF_8).lines().map(LsFormatsCliTest::typeSizeName)
                .toList();
        assertThat(shown).containsExactlyElementsOf(expected);
    }

    /** An {@code ls --long} line without its time column: "type size name". */
    private static String typeSizeName(String line) {
        Matcher m = LONG_LINE.matcher(line);
        assertThat(m.matches()).as(line).isTrue();
        return m.group(1) + " " + m.group(2) + " " + m.group(4).stripLeading();
    }
}
