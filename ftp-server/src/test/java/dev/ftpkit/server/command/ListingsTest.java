package dev.ftpkit.server.command;

import dev.ftpkit.core.MlsxEntry;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.MlsxFactSelection;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.internal.Texts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The listing lines, checked against the straightforward formulas they replace ({@code String.format} with
 * {@code DateTimeFormatter}, and core's {@link MlsxEntry}), which were the slow part of a large listing.
 */
class ListingsTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    /** Years 1000 to 9999: what both ls's four digits and RFC 3659's time-val can show. */
    private static final long EARLIEST = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

    @Test
    void recentFileShowsTimeOfDayAsVsftpdDoes() {
        FileInfo info = file("notes.txt", 1234, Instant.parse("2026-11-05T09:07:00Z"),
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ));

        assertThat(unixLine(info, NOW))
                .isEqualTo("-rw-r--r--    1 ftp      ftp              1234 Nov 05 09:07 notes.txt");
    }

    @Test
    void oldDirectoryShowsYearAndTwoLinks() {
        FileInfo info = new FileInfo("src", true, false, false, 4096, Instant.parse("2019-02-28T23:59:59Z"), null,
                null);

        assertThat(unixLine(info, NOW))
                .isEqualTo("drwxr-xr-x    2 ftp      ftp              4096 Feb 28  2019 src");
    }

    @Test
    void sizeWiderThanItsColumnIsNotCutAndLineBreaksInNamesBecomeQuestionMarks() {
        FileInfo info = file("evil\r\n226 done", 1234567890123456L, NOW, null);

        assertThat(unixLine(info, NOW)).endsWith(" 1234567890123456 Nov 25 12:00 evil??226 done");
    }

    @Property
    void unixLineEqualsTheFormatItReplaces(@ForAll("infos") FileInfo info,
                                           @ForAll @LongRange(min = -400_000_000L, max = 400_000_000L) long nowOffset) {
        Instant now = NOW.plusSeconds(nowOffset);

        assertThat(unixLine(info, now)).isEqualTo(referenceUnixLine(info, now));
    }

    /**
     * One listing's lines reuse the previous line's date column when the minute is the same: every line must still
     * be the line its entry has alone, across minutes, and across the half-year boundary where the column changes
     * from the time of day to the year within one minute.
     */
    @Property
    void linesOfOneListingEqualEachEntryFormattedAlone(
            @ForAll("closeOffsets") List<Long> offsets, @ForAll boolean nearHalfYear) {
        long base = NOW.getEpochSecond() - (nearHalfYear ? 182L * 24 * 3600 : 3600);
        Listings.UnixLines lines = new Listings.UnixLines(NOW.getEpochSecond());
        for (long offset : offsets) {
            FileInfo info = file("f", 1, Instant.ofEpochSecond(base + offset), null);
            StringBuilder line = new StringBuilder();

            lines.append(line, info);

            assertThat(line.toString()).isEqualTo(referenceUnixLine(info, NOW));
        }
    }

    @Provide
    Arbitrary<List<Long>> closeOffsets() {
        return Arbitraries.longs().between(-150, 150).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property
    void mlsxEntryEqualsCoreEncoding(@ForAll("infos") FileInfo info, @ForAll("permissionSets") Set<Permission> granted)
            throws Exception {
        Account account = Account.atRoot("user", granted);
        StringBuilder out = new StringBuilder();
        String type = info.directory() ? "dir" : "file";

        Listings.appendMlsx(out, info, type, "name", Listings.MlsxPermissions.of(account), MlsxFactSelection.ALL);

        assertThat(out.toString()).isEqualTo(referenceMlsx(info, type, "name", granted));
        assertThat(MlsxEntry.parse(out.toString()).fact("modify")).hasValueSatisfying(v -> assertThat(v).hasSize(14));
    }

    @Provide
    Arbitrary<FileInfo> infos() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(EARLIEST, LATEST);
        Arbitrary<Set<PosixFilePermission>> permissions = Arbitraries.of(PosixFilePermission.class).set()
                .injectNull(0.2);
        return Arbitraries.strings().ofMinLength(1).ofMaxLength(20).flatMap(name -> Arbitraries.longs()
                .between(0, Long.MAX_VALUE).flatMap(size -> seconds.flatMap(time -> permissions.flatMap(perms ->
                        Arbitraries.of(true, false).map(directory -> new FileInfo(name, directory, !directory, false,
                                size, Instant.ofEpochSecond(time), perms, directory ? null : (Object) size))))));
    }

    @Provide
    Arbitrary<Set<Permission>> permissionSets() {
        return Arbitraries.of(Permission.class).set();
    }

    private static String unixLine(FileInfo info, Instant now) {
        StringBuilder line = new StringBuilder();
        Listings.appendUnixLine(line, info, now.getEpochSecond());
        return line.toString();
    }

    private static FileInfo file(String name, long size, Instant modified, Set<PosixFilePermission> permissions) {
        return new FileInfo(name, false, true, false, size, modified, permissions, null);
    }

    /** The line as {@code String.format} and {@code DateTimeFormatter} print it. */
    private static String referenceUnixLine(FileInfo info, Instant now) {
        Instant modified = info.modified();
        boolean recent = modified.isAfter(now.minusSeconds(182L * 24 * 3600))
                && modified.isBefore(now.plusSeconds(24 * 3600));
        String date = DateTimeFormatter.ofPattern(recent ? "MMM dd HH:mm" : "MMM dd  yyyy", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC).format(modified);
        StringBuilder mode = new StringBuilder(info.directory() ? "d" : "-");
        if (info.permissions() == null) {
            mode.append(info.directory() ? "rwxr-xr-x" : "rw-r--r--");
        } else {
            String letters = "rwxrwxrwx";
            PosixFilePermission[] bits = {PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE};
            for (int i = 0; i < bits.length; i++) {
                mode.append(info.permissions().contains(bits[i]) ? letters.charAt(i) : '-');
            }
        }
        return String.format(Locale.ROOT, "%s %4d %-8s %-8s %12d %s %s", mode, info.directory() ? 2 : 1, "ftp", "ftp",
                info.size(), date, Texts.oneLine(info.name()));
    }

    /** The entry as core's MlsxEntry encodes it, with the RFC 3659 §7.5.5 perm letters spelled out. */
    private static String referenceMlsx(FileInfo info, String type, String name, Set<Permission> granted) {
        MlsxEntry.Builder entry = MlsxEntry.builder(name).type(type);
        if (!info.directory()) {
            entry.size(info.size());
        }
        entry.modified(info.modified());
        String perm;
        if (info.directory()) {
            perm = "el" + (granted.contains(Permission.WRITE) ? "c" : "")
                    + (granted.contains(Permission.MAKE_DIRECTORY) ? "m" : "")
                    + (granted.contains(Permission.DELETE) ? "dp" : "");
        } else {
            perm = "r" + (granted.contains(Permission.WRITE) ? "aw" : "") + (granted.contains(Permission.DELETE) ? "d" : "");
        }
        entry.perm(perm + (granted.contains(Permission.RENAME) ? "f" : ""));
        if (info.uniqueKey() != null) {
            entry.fact("unique", info.uniqueKey());
        }
        return entry.build().encode();
    }
}
