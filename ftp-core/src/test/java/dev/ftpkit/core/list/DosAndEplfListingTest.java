package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ftpkit.core.MlsxEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DosAndEplfListingTest {
    private final ListParser parser = new ListParser(Instant.parse("2026-11-25T14:13:00Z"));

    private ListEntry parse(String line) {
        return parser.parseLine(line).orElseThrow();
    }

    @Test
    void iisDirectoryLine() {
        ListEntry e = parse("11-24-26  10:00AM       <DIR>          aspnet_client");

        assertThat(e.format()).isEqualTo(ListFormat.DOS);
        assertThat(e.isDirectory()).isTrue();
        assertThat(e.name()).isEqualTo("aspnet_client");
        assertThat(e.size()).isEmpty();
        assertThat(e.modified()).contains(Instant.parse("2026-11-24T10:00:00Z"));
    }

    @Test
    void iisFileLineWithTwoDigitYearFromTheLastCentury() {
        ListEntry e = parse("01-05-99  03:12PM                 1234 file.txt");

        assertThat(e.isFile()).isTrue();
        assertThat(e.size()).hasValue(1234);
        assertThat(e.modified()).contains(Instant.parse("1999-01-05T15:12:00Z"));
    }

    @Test
    void twelveAmIsMidnightAndTwelvePmIsNoon() {
        assertThat(parse("07-04-26  12:00AM      0 a").modified()).contains(Instant.parse("2026-07-04T00:00:00Z"));
        assertThat(parse("07-04-26  12:30PM      0 a").modified()).contains(Instant.parse("2026-07-04T12:30:00Z"));
    }

    @Test
    void fourDigitYearsAndTwentyFourHourTimes() {
        ListEntry e = parse("11-24-2026  22:15                    42 twenty-four-hour.txt");

        assertThat(e.modified()).contains(Instant.parse("2026-11-24T22:15:00Z"));
        assertThat(e.size()).hasValue(42);
    }

    @Test
    void dosNamesKeepInnerAndTrailingSpaces() {
        assertThat(parse("11-20-26  09:15PM         6 file with spaces.txt ").name())
                .isEqualTo("file with spaces.txt ");
    }

    @Test
    void invalidDosFieldsAreNotDos() {
        assertThat(parse("13-24-26  10:00AM       <DIR>          x").isParsed()).isFalse();
        assertThat(parse("11-24-26  13:00PM       <DIR>          x").isParsed()).isFalse();
    }

    @Test
    void eplfExamplesFromTheSpecification() {
        ListEntry dir = parse("+i8388621.29609,m824255902,/,\tdev");
        ListEntry file = parse("+i8388621.44468,m839956783,r,s10376,\tRFCEPLF");

        assertThat(dir.format()).isEqualTo(ListFormat.EPLF);
        assertThat(dir.isDirectory()).isTrue();
        assertThat(dir.name()).isEqualTo("dev");
        assertThat(dir.modified()).contains(Instant.ofEpochSecond(824255902));
        assertThat(file.isFile()).isTrue();
        assertThat(file.size()).hasValue(10376);
        assertThat(file.name()).isEqualTo("RFCEPLF");
    }

    @Test
    void eplfUnixPermissionsAreShownAsRwx() {
        assertThat(parse("+r,s1,up644,\tf").permissions()).contains("rw-r--r--");
    }

    @Test
    void malformedEplfIsKeptUnparsed() {
        assertThat(parse("+r,sXYZ,\tf").isParsed()).isFalse();
        assertThat(parse("+r,s1,").isParsed()).isFalse();
    }

    @Test
    void mlsxEntriesConvertWithTheirFacts() throws Exception {
        ListEntry file = ListEntry.fromMlsx(MlsxEntry.parse(
                "type=file;size=1024;modify=20261124120000;perm=adfrw;unix.owner=jane;unix.group=staff; notes.txt"));
        ListEntry link = ListEntry.fromMlsx(MlsxEntry.parse("Type=OS.unix=slink:/foo;Perm=; link"));
        ListEntry cdir = ListEntry.fromMlsx(MlsxEntry.parse("type=cdir; ."));
        ListEntry device = ListEntry.fromMlsx(MlsxEntry.parse("type=OS.unix=chr-13/29; null"));
        ListEntry untyped = ListEntry.fromMlsx(MlsxEntry.parse("size=1; x"));

        assertThat(file.format()).isEqualTo(ListFormat.MLSD);
        assertThat(file.isFile()).isTrue();
        assertThat(file.size()).hasValue(1024);
        assertThat(file.modified()).contains(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(file.permissions()).contains("adfrw");
        assertThat(file.owner()).contains("jane");
        assertThat(file.group()).contains("staff");
        assertThat(file.rawLine()).endsWith("; notes.txt");
        assertThat(link.isSymbolicLink()).isTrue();
        assertThat(link.linkTarget()).contains("/foo");
        assertThat(cdir.isDirectory()).isTrue();
        assertThat(device.type()).isEqualTo(EntryType.OTHER);
        assertThat(untyped.type()).isEqualTo(EntryType.UNKNOWN);
    }

    @Test
    void mlsdListingFromRfc3659IsParsedAndBadLinesAreKept() {
        // RFC 3659 §7.7.3, plus one broken line
        List<ListEntry> entries = ListParser.parseMlsd(List.of(
                "Type=cdir;Modify=19981107085215;Perm=el; tmp",
                "Type=pdir;Modify=19990112030508;Perm=el; ..",
                "Type=file;Size=25730;Modify=19940728095854;Perm=; capmux.tar.z\r",
                "",
                "this is not an MLSx entry"));

        assertThat(entries).extracting(ListEntry::name).containsExactly("tmp", "..", "capmux.tar.z", "");
        assertThat(entries.get(2).size()).hasValue(25730);
        assertThat(entries.get(3).isParsed()).isFalse();
        assertThat(entries.get(3).rawLine()).isEqualTo("this is not an MLSx entry");
    }

    @Test
    void unparsedEntryCarriesOnlyTheRawLine() {
        ListEntry e = ListEntry.unparsed("garbage");

        assertThat(e.isParsed()).isFalse();
        assertThat(e.name()).isEmpty();
        assertThat(e.rawLine()).isEqualTo("garbage");
        assertThat(e.size()).isEmpty();
    }
}
