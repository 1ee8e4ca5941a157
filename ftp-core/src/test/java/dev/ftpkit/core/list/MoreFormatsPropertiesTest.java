package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For each format beyond Unix, DOS and EPLF: an entry rendered the way such a server shows it parses back to the
 * same name, type and size; and junk never makes the parser throw or drop a line.
 */
class MoreFormatsPropertiesTest {
    private static final ListParser PARSER = new ListParser(Instant.parse("2026-12-05T12:00:00Z"));

    /** What every format must give back. */
    record Expected(String line, String name, EntryType type, OptionalLong size) {
        Expected(String line, String name, EntryType type) {
            this(line, name, type, OptionalLong.empty());
        }
    }

    private static void assertRoundTrip(ListParser parser, List<String> lines, Expected expected) {
        List<ListEntry> entries = parser.parse(lines);

        assertThat(entries).as(String.join("\n", lines)).hasSize(1);
        ListEntry entry = entries.get(0);
        assertThat(entry.name()).isEqualTo(expected.name());
        assertThat(entry.type()).isEqualTo(expected.type());
        assertThat(entry.size()).isEqualTo(expected.size());
    }

    private static void assertRoundTrip(Expected expected) {
        assertRoundTrip(PARSER, List.of(expected.line()), expected);
    }

    private static Arbitrary<String> qualifier() {
        return Combinators.combine(Arbitraries.chars().range('A', 'Z'),
                Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars("@#$").ofMaxLength(7))
                .as((first, rest) -> first + rest);
    }

    /** A name as free-text formats show it: starts with a letter, may hold spaces and dots. */
    private static Arbitrary<String> freeName() {
        return Combinators.combine(Arbitraries.chars().alpha(),
                Arbitraries.strings().alpha().numeric().withChars(" ._-").ofMaxLength(40))
                .as((first, rest) -> first + rest);
    }

    @Property(tries = 300)
    void mvsDataSetsRoundTrip(@ForAll("dataSetNames") String name, @ForAll boolean partitioned) {
        String line = String.format(Locale.ROOT, "SYS001 3390   2026/11/30  1   15  FB      80 27920  %-4s %s",
                partitioned ? "PO" : "PS", name);
        assertRoundTrip(PARSER, List.of("Volume Unit    Referred Ext Used Recfm Lrecl BlkSz Dsorg Dsname", line),
                new Expected(line, name, partitioned ? EntryType.DIRECTORY : EntryType.FILE));
    }

    @Provide
    Arbitrary<String> dataSetNames() {
        return qualifier().list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts));
    }

    @Property(tries = 300)
    void mvsMembersRoundTrip(@ForAll("members") String member, @ForAll boolean statistics) {
        String line = statistics
                ? String.format(Locale.ROOT, "%-8s  01.04 2026/10/02 2026/12/01 09:15    42    40     5 ALICE", member)
                : member;
        assertRoundTrip(PARSER.forSystem("215 MVS is the operating system of this server"), List.of(line),
                new Expected(line, member, EntryType.FILE));
    }

    @Provide
    Arbitrary<String> members() {
        return qualifier();
    }

    @Property(tries = 300)
    void jesJobsRoundTrip(@ForAll("members") String jobName, @ForAll("jobNumbers") int number) {
        String id = String.format(Locale.ROOT, "JOB%05d", number);
        String line = String.format(Locale.ROOT, "%-8s %s ALICE    OUTPUT A        RC=0000 3 spool files", jobName,
                id);
        assertRoundTrip(new Expected(line, id, EntryType.FILE));
    }

    @Provide
    Arbitrary<Integer> jobNumbers() {
        return Arbitraries.integers().between(0, 99_999);
    }

    @Property(tries = 300)
    void ibmiObjectsRoundTrip(@ForAll("freeNames") String name, @ForAll boolean directory,
            @ForAll("sizes") long size) {
        String line = String.format(Locale.ROOT, "ALICE %14d 11/30/26 17:45:01 %-10s %s%s", size,
                directory ? "*DIR" : "*STMF", name, directory ? "/" : "");
        assertRoundTrip(new Expected(line, name, directory ? EntryType.DIRECTORY : EntryType.FILE,
                OptionalLong.of(size)));
    }

    @Provide
    Arbitrary<String> freeNames() {
        return freeName();
    }

    @Provide
    Arbitrary<Long> sizes() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, 99_999), Arbitraries.longs().between(0,
                Long.MAX_VALUE));
    }

    @Property(tries = 300)
    void vmsFilesRoundTripAlsoWhenWrapped(@ForAll("vmsNames") String stem, @ForAll("versions") int version,
            @ForAll boolean directory, @ForAll("blocks") long blocks) {
        String spec = stem + (directory ? ".DIR" : ".DAT") + ";" + version;
        String details = String.format(Locale.ROOT, "%d/%d  5-DEC-2026 12:00:00  [STAFF,ALICE]  (RWED,RWED,RE,)",
                blocks, blocks + 3);
        List<String> lines = spec.length() > 18
                ? List.of(spec, " ".repeat(20) + details)
                : List.of(String.format(Locale.ROOT, "%-18s %s", spec, details));
        assertRoundTrip(PARSER, lines, new Expected(lines.get(0), directory ? stem : spec,
                directory ? EntryType.DIRECTORY : EntryType.FILE, OptionalLong.of(blocks * 512)));
    }

    @Provide
    Arbitrary<String> vmsNames() {
        return Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').withChars("_$-")
                .ofMinLength(1).ofMaxLength(39);
    }

    @Provide
    Arbitrary<Integer> versions() {
        return Arbitraries.integers().between(1, 32767);
    }

    @Provide
    Arbitrary<Long> blocks() {
        return Arbitraries.longs().between(0, 999_999_999);
    }

    @Property(tries = 300)
    void nonStopFilesRoundTrip(@ForAll("guardianNames") String name, @ForAll("sizes") long size) {
        String line = String.format(Locale.ROOT, "%-8s %6d %15d  5-Dec-26 12:00:00  200,12 \"NUNU\"", name, 101,
                size);
        assertRoundTrip(new Expected(line, name, EntryType.FILE, OptionalLong.of(size)));
    }

    /** Guardian file names: a letter, then up to seven letters or digits. */
    @Provide
    Arbitrary<String> guardianNames() {
        return Combinators.combine(Arbitraries.chars().range('A', 'Z'),
                Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofMaxLength(7))
                .as((first, rest) -> first + rest);
    }

    @Property(tries = 300)
    void os2EntriesRoundTrip(@ForAll("freeNames") String name, @ForAll boolean directory,
            @ForAll("sizes") long size) {
        String line = String.format(Locale.ROOT, "%10d %5s %5s  11-30-26   09:41  %s", directory ? 0 : size,
                directory ? "" : "A", directory ? "DIR" : "", name);
        assertRoundTrip(new Expected(line, name, directory ? EntryType.DIRECTORY : EntryType.FILE,
                directory ? OptionalLong.empty() : OptionalLong.of(size)));
    }

    @Property(tries = 300)
    void netWareEntriesRoundTrip(@ForAll("freeNames") String name, @ForAll boolean directory,
            @ForAll("sizes") long size) {
        String line = String.format(Locale.ROOT, "%s [RWCEAFMS] alice %20d Nov 30 12:00 %s", directory ? "d" : "-",
                size, name);
        assertRoundTrip(new Expected(line, name, directory ? EntryType.DIRECTORY : EntryType.FILE,
                OptionalLong.of(size)));
    }

    @Property(tries = 300)
    void macEntriesRoundTrip(@ForAll("freeNames") String name, @ForAll boolean folder,
            @ForAll("blocks") long resource, @ForAll("blocks") long data) {
        String line = folder
                ? String.format(Locale.ROOT, "drwxrwxr-x               folder %8d May 10 12:00 %s", data % 1000, name)
                : String.format(Locale.ROOT, "-rw-r--r-- %11d %11d %11d Nov 22  1995 %s", resource, data,
                        resource + data, name);
        assertRoundTrip(new Expected(line, name, folder ? EntryType.DIRECTORY : EntryType.FILE,
                folder ? OptionalLong.empty() : OptionalLong.of(resource + data)));
    }

    @Property(tries = 2000)
    void junkNeverThrowsAndEveryLineIsKeptOrUnderstood(@ForAll("junk") List<String> lines,
            @ForAll("systems") String syst) {
        List<ListEntry> entries = PARSER.forSystem(syst).parse(lines);

        assertThat(entries.size()).isLessThanOrEqualTo(lines.size());
        for (ListEntry entry : entries) {
            if (entry.isParsed()) {
                assertThat(entry.name()).isNotEmpty();
            } else {
                assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(entry.rawLine()));
            }
        }
    }

    @Provide
    Arbitrary<String> systems() {
        return Arbitraries.of("", "215 MVS is the operating system of this server", "215 OS/400 is the remote "
                + "operating system", "215 VMS", "215 NONSTOP", "215 UNIX Type: L8", "215 Windows_NT",
                "215 NetWare", "215 OS/2", "215 MACOS Peter's Server");
    }

    /** Lines made of the pieces listings are made of, so that junk often almost parses. */
    @Provide
    Arbitrary<List<String>> junk() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(" ", "  ", "\t", "\r", ";1", ";", "/", ".", ",", "[", "]", "(", ")", "\"", "*DIR",
                        "*MEM", "*FILE", "DIR", "PO", "PS", "folder", "d", "-", "[RWCEAFMS]", "-rw-r--r--",
                        "JOB01234", "OUTPUT", "5-DEC-2026", "12:00:00", "12:00", "12-05-26", "2026/12/01",
                        "11/30/26", "01.12.26", "Nov", "30", "1995", "Volume Unit", "Directory", "Total of",
                        "99999999999999999999", "0", "123/126", "[STAFF,ALICE]", "(RWED,RWED,RE,)", "200,12",
                        "\uFFFD", "ü"),
                Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> line = piece.list().ofMaxSize(14).map(parts -> String.join(" ", parts));
        return line.list().ofMaxSize(6);
    }
}
