package dev.ftpkit.core.list;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Listings captured from real programs (see src/test/resources/listings/README.md). */
class RealListingsTest {
    /** When the listings were captured. */
    static final Instant CAPTURED = Instant.parse("2026-11-25T14:13:00Z");

    private final ListParser parser = new ListParser(CAPTURED);

    @Test
    void vsftpdListingIsParsedCompletely() {
        List<ListEntry> entries = parser.parse(resource("vsftpd-3.0.3.txt"));

        assertThat(entries).hasSize(14).allMatch(ListEntry::isParsed).allMatch(e -> e.format() == ListFormat.UNIX);
        assertThat(entries).extracting(ListEntry::name).containsExactly("  leading spaces", "a directory",
                "café.txt", "dir link", "fifo", "file with spaces.txt", "future.txt", "huge.bin", "link", "null",
                "old.txt", "semi;colon=eq.txt", "src", "target.txt");
        assertThat(entries).extracting(ListEntry::type).containsExactly(EntryType.FILE, EntryType.DIRECTORY,
                EntryType.FILE, EntryType.SYMBOLIC_LINK, EntryType.OTHER, EntryType.FILE, EntryType.FILE,
                EntryType.FILE, EntryType.SYMBOLIC_LINK, EntryType.OTHER, EntryType.FILE, EntryType.FILE,
                EntryType.DIRECTORY, EntryType.FILE);
    }

    @Test
    void vsftpdRecentFilesGetTheYearFromNowAndOldFilesKeepTheirYear() {
        List<ListEntry> entries = parser.parse(resource("vsftpd-3.0.3.txt"));

        assertThat(modified(entries, "file with spaces.txt")).contains(Instant.parse("2026-11-20T09:15:00Z"));
        assertThat(modified(entries, "target.txt")).contains(Instant.parse("2026-06-01T23:59:00Z"));
        assertThat(modified(entries, "old.txt")).contains(Instant.parse("2019-03-04T00:00:00Z"));
        assertThat(modified(entries, "future.txt")).contains(Instant.parse("2027-07-01T00:00:00Z"));
        assertThat(modified(entries, "huge.bin")).contains(Instant.parse("2025-12-31T00:00:00Z"));
    }

    @Test
    void vsftpdSizesOwnersLinksAndPermissions() {
        List<ListEntry> entries = parser.parse(resource("vsftpd-3.0.3.txt"));

        ListEntry huge = entry(entries, "huge.bin");
        assertThat(huge.size()).isEqualTo(OptionalLong.of(5_497_558_138_880L));
        ListEntry old = entry(entries, "old.txt");
        assertThat(old.owner()).contains("1000");
        assertThat(old.group()).contains("1000");
        assertThat(old.permissions()).contains("rw-r--r--");
        assertThat(entry(entries, "dir link").linkTarget()).contains("a directory");
        assertThat(entry(entries, "link").linkTarget()).contains("target.txt");
        assertThat(entry(entries, "src").permissions()).contains("rwxrwxrwt");
        assertThat(entry(entries, "target.txt").permissions()).contains("rwsr-xr-x");
        assertThat(entry(entries, "a directory").rawLine())
                .isEqualTo("drwxr-xr-x    2 0        0            4096 Oct 02 08:30 a directory");
    }

    @Test
    void gnuLsListingOfTheSameDirectoryGivesTheSameEntries() {
        List<ListEntry> vsftpd = parser.parse(resource("vsftpd-3.0.3.txt"));
        List<ListEntry> ls = parser.parse(resource("gnu-ls-9.1.txt"));

        assertThat(ls).allMatch(ListEntry::isParsed);
        assertThat(ls).extracting(ListEntry::name).containsExactlyElementsOf(names(vsftpd));
        assertThat(ls).extracting(ListEntry::type)
                .containsExactlyElementsOf(vsftpd.stream().map(ListEntry::type).toList());
        assertThat(ls).extracting(ListEntry::modified)
                .containsExactlyElementsOf(vsftpd.stream().map(ListEntry::modified).toList());
        assertThat(entry(ls, "null").size()).isEmpty(); // "1, 3": a device has numbers, not a size
        assertThat(entry(ls, "old.txt").owner()).contains("cloudsdk");
    }

    @Test
    void gnuLsLongIsoListingHasFullDatesAndDotEntries() {
        List<ListEntry> ls = parser.parse(resource("gnu-ls-9.1-long-iso.txt"));

        assertThat(ls).hasSize(16).allMatch(ListEntry::isParsed);
        assertThat(names(ls)).contains(".", "..", "  leading spaces", "dir link");
        assertThat(modified(ls, "future.txt")).contains(Instant.parse("2027-07-01T12:00:00Z"));
        assertThat(modified(ls, "old.txt")).contains(Instant.parse("2019-03-04T12:00:00Z"));
        assertThat(entry(ls, "dir link").linkTarget()).contains("a directory");
    }

    @Test
    void documentedServerFormatsAreParsedCompletely() {
        for (String file : List.of("proftpd.txt", "pure-ftpd.txt", "apache-ftpserver-1.2.txt", "unix-variants.txt",
                "iis-dos.txt", "iis-dos-four-digit-years.txt", "eplf.txt")) {
            assertThat(parser.parse(resource(file))).as(file).isNotEmpty().allMatch(ListEntry::isParsed);
        }
    }

    @Test
    void unknownFormatsComeBackUnparsedInOrder() {
        List<ListEntry> entries = parser.parse(resource("unknown.txt"));

        assertThat(entries).hasSize(2).noneMatch(ListEntry::isParsed);
        assertThat(entries.get(0).rawLine()).isEqualTo("-rw-r--r-- this is not a listing line");
        assertThat(entries.get(1).rawLine()).isEqualTo("Directory of C:\\ftp");
    }

    static String resource(String name) {
        try (InputStream in = RealListingsTest.class.getResourceAsStream("/listings/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    static ListEntry entry(List<ListEntry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static Optional<Instant> modified(List<ListEntry> entries, String name) {
        return entry(entries, name).modified();
    }

    private static List<String> names(List<ListEntry> entries) {
        return entries.stream().map(ListEntry::name).toList();
    }
}
