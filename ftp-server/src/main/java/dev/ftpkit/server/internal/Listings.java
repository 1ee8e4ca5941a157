package dev.ftpkit.server.internal;

import dev.ftpkit.core.FtpTime;
import dev.ftpkit.core.MlsxEntry;

import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * Listing lines: LIST in the Unix {@code ls -l} form that client parsers expect (as vsftpd prints it) and the
 * MLSx facts of RFC 3659 §7. File names that hold CR or LF are shown with {@code ?} (a line-based listing
 * cannot carry them).
 */
final class Listings {

    private static final DateTimeFormatter RECENT = DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OLD = DateTimeFormatter.ofPattern("MMM dd  yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Duration HALF_YEAR = Duration.ofDays(182);

    private Listings() {
    }

    /** One {@code ls -l} line, e.g. {@code -rw-r--r--    1 ftp      ftp          1234 Nov 25 14:10 name}. */
    static String unixLine(FileInfo info, Instant now) {
        String mode = (info.directory() ? "d" : "-") + permissionText(info);
        Instant modified = info.modified();
        boolean recent = modified.isAfter(now.minus(HALF_YEAR)) && modified.isBefore(now.plus(Duration.ofDays(1)));
        String date = (recent ? RECENT : OLD).format(modified);
        return String.format(Locale.ROOT, "%s %4d %-8s %-8s %12d %s %s", mode, info.directory() ? 2 : 1,
                "ftp", "ftp", info.size(), date, Texts.oneLine(info.name()));
    }

    private static String permissionText(FileInfo info) {
        Set<PosixFilePermission> p = info.permissions();
        if (p == null) {
            return info.directory() ? "rwxr-xr-x" : "rw-r--r--";
        }
        return "" + flag(p, PosixFilePermission.OWNER_READ, 'r') + flag(p, PosixFilePermission.OWNER_WRITE, 'w')
                + flag(p, PosixFilePermission.OWNER_EXECUTE, 'x') + flag(p, PosixFilePermission.GROUP_READ, 'r')
                + flag(p, PosixFilePermission.GROUP_WRITE, 'w') + flag(p, PosixFilePermission.GROUP_EXECUTE, 'x')
                + flag(p, PosixFilePermission.OTHERS_READ, 'r') + flag(p, PosixFilePermission.OTHERS_WRITE, 'w')
                + flag(p, PosixFilePermission.OTHERS_EXECUTE, 'x');
    }

    private static char flag(Set<PosixFilePermission> set, PosixFilePermission permission, char c) {
        return set.contains(permission) ? c : '-';
    }

    /**
     * The MLSx entry of a directory entry (RFC 3659 §7.5): type, size (files), modify, perm, unique.
     *
     * @param info      the entry
     * @param type      the type fact: {@code file}, {@code dir} or {@code cdir}
     * @param name      the name shown after the facts (no CR or LF)
     * @param canWrite  whether the account may write (for the perm fact)
     * @param canDelete whether it may delete
     * @param canRename whether it may rename
     * @param canMkdir  whether it may create directories
     */
    static MlsxEntry mlsxEntry(FileInfo info, String type, String name, boolean canWrite, boolean canDelete,
                               boolean canRename, boolean canMkdir) {
        MlsxEntry.Builder b = MlsxEntry.builder(name).type(type);
        if (!info.directory()) {
            b.size(info.size());
        }
        b.fact("modify", formatTime(info.modified()));
        StringBuilder perm = new StringBuilder();
        if (info.directory()) {
            // RFC 3659 §7.5.5: e enter, l list, c create files, m make dirs, p purge, d delete, f rename
            perm.append("el");
            if (canWrite) {
                perm.append('c');
            }
            if (canMkdir) {
                perm.append('m');
            }
            if (canDelete) {
                perm.append("dp");
            }
        } else {
            // r retrieve, a append, w write, d delete
            perm.append('r');
            if (canWrite) {
                perm.append("aw");
            }
            if (canDelete) {
                perm.append('d');
            }
        }
        if (canRename) {
            perm.append('f');
        }
        b.perm(perm.toString());
        if (info.uniqueKey() != null) {
            b.fact("unique", info.uniqueKey());
        }
        return b.build();
    }

    /** RFC 3659 §2.3 time-val, UTC, without fraction. */
    static String formatTime(Instant instant) {
        // FtpTime can only write years 1000..9999; clamp odd file times instead of failing the listing
        Instant clamped = instant.isBefore(EARLIEST) ? EARLIEST : instant.isAfter(LATEST) ? LATEST : instant;
        return FtpTime.format(clamped);
    }
}
