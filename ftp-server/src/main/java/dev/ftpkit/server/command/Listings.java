package dev.ftpkit.server.command;

import dev.ftpkit.core.FtpTime;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.MlsxFactSelection;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.internal.Texts;

import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * Listing lines: LIST in the Unix {@code ls -l} form that client parsers expect (as vsftpd prints it) and the
 * MLSx facts of RFC 3659 §7. File names that hold CR or LF are shown with {@code ?} (a line-based listing
 * cannot carry them).
 *
 * <p>Lines are appended to a caller's {@link StringBuilder} digit by digit: a listing of 10,000 entries spent
 * most of its time in {@code String.format} and {@code DateTimeFormatter} before.
 */
final class Listings {

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1000};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    private static final int SIZE_WIDTH = 12;
    /** {@code ls -l} permission letters after the type, in the order of {@link PosixFilePermission}'s constants. */
    private static final String MODE_LETTERS = "rwxrwxrwx";
    /** The nine letters of every permission set, indexed by its bits (bit i = the constant of ordinal i). */
    private static final String[] MODES = modes();
    /** Padding for the size column by its length, appended as one string instead of one space at a time. */
    private static final String[] PADDING = padding();
    /** Links, owner and group columns as vsftpd prints them ({@code %4d %-8s %-8s }), after the mode. */
    private static final String DIRECTORY_COLUMNS = "    2 ftp      ftp      ";
    private static final String FILE_COLUMNS = "    1 ftp      ftp      ";
    /** ls shows the time of day for files changed in the last half year (and not in the future), else the year. */
    private static final long HALF_YEAR_SECONDS = 182L * 24 * 3600;
    private static final long DAY_SECONDS = 24L * 3600;
    /** Odd file times are clamped to what four year digits can show, instead of failing the listing. */
    private static final long LS_EARLIEST = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long MLSX_EARLIEST = LocalDateTime.of(1000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LATEST = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private Listings() {
    }

    /**
     * Appends one {@code ls -l} line without its line end, e.g.
     * {@code -rw-r--r--    1 ftp      ftp              1234 Nov 25 14:10 name}.
     *
     * @param out        where to append
     * @param info       the entry
     * @param nowSeconds the time of the listing, in seconds since the epoch
     */
    static void appendUnixLine(StringBuilder out, FileInfo info, long nowSeconds) {
        new UnixLines(nowSeconds).append(out, info);
    }

    /**
     * The {@code ls -l} lines of one listing, on one thread. Files of a directory tend to share their minute (a
     * copy, an unpacked archive), so the date column of the previous line is kept and reused when the next line's
     * minute is the same: most lines then skip the calendar arithmetic.
     */
    static final class UnixLines {
        private final long nowSeconds;
        private long lastMinute = Long.MIN_VALUE;
        private boolean lastRecent;
        private String lastDate = "";

        /** @param nowSeconds the time of the listing, in seconds since the epoch (recent dates show the time) */
        UnixLines(long nowSeconds) {
            this.nowSeconds = nowSeconds;
        }

        /** Appends the line of an entry, without its line end. */
        void append(StringBuilder out, FileInfo info) {
            out.append(info.directory() ? 'd' : '-');
            appendMode(out, info);
            out.append(info.directory() ? DIRECTORY_COLUMNS : FILE_COLUMNS);
            appendRightAligned(out, info.size(), SIZE_WIDTH);
            out.append(' ');
            appendDate(out, info.modified().getEpochSecond());
            out.append(' ');
            Texts.appendOneLine(out, info.name());
        }

        private void appendDate(StringBuilder out, long seconds) {
            boolean recent = seconds > nowSeconds - HALF_YEAR_SECONDS && seconds < nowSeconds + DAY_SECONDS;
            long clamped = Math.max(LS_EARLIEST, Math.min(LATEST, seconds));
            long minute = Math.floorDiv(clamped, 60);
            if (minute != lastMinute || recent != lastRecent) {
                StringBuilder date = new StringBuilder(12);
                appendLsDate(date, clamped, recent);
                lastDate = date.toString();
                lastMinute = minute;
                lastRecent = recent;
            }
            out.append(lastDate);
        }
    }

    /**
     * The nine permission letters, one table entry per line: the set is walked once (a {@code contains} per bit cost
     * nine lookups) and its letters appended as one string (nine appends of a character cost more).
     */
    private static void appendMode(StringBuilder out, FileInfo info) {
        Set<PosixFilePermission> p = info.permissions();
        if (p == null) {
            out.append(info.directory() ? "rwxr-xr-x" : "rw-r--r--");
            return;
        }
        int bits = 0;
        for (PosixFilePermission permission : p) {
            bits |= 1 << permission.ordinal(); // OWNER_READ .. OTHERS_EXECUTE: the order of MODE_LETTERS
        }
        out.append(MODES[bits]);
    }

    private static String[] modes() {
        String[] modes = new String[1 << MODE_LETTERS.length()];
        char[] letters = new char[MODE_LETTERS.length()];
        for (int bits = 0; bits < modes.length; bits++) {
            for (int i = 0; i < letters.length; i++) {
                letters[i] = (bits & (1 << i)) != 0 ? MODE_LETTERS.charAt(i) : '-';
            }
            modes[bits] = new String(letters);
        }
        return modes;
    }

    /** {@code MMM dd HH:mm} for recent times, {@code MMM dd  yyyy} for others, in UTC. */
    private static void appendLsDate(StringBuilder out, long clampedSeconds, boolean recent) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(clampedSeconds, 0, ZoneOffset.UTC);
        out.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        appendDigits(out, t.getDayOfMonth(), 2);
        if (recent) {
            out.append(' ');
            appendDigits(out, t.getHour(), 2);
            out.append(':');
            appendDigits(out, t.getMinute(), 2);
        } else {
            out.append("  ");
            appendDigits(out, t.getYear(), 4);
        }
    }

    /** The MLSx {@code perm} facts (RFC 3659 §7.5.5) an account has, for files and for directories. */
    record MlsxPermissions(String file, String directory) {

        static MlsxPermissions of(Account account) {
            boolean write = account.may(Permission.WRITE);
            boolean delete = account.may(Permission.DELETE);
            String rename = account.may(Permission.RENAME) ? "f" : "";
            // directories: e enter, l list, c create files, m make dirs, d delete, p purge; f rename
            String directory = "el" + (write ? "c" : "") + (account.may(Permission.MAKE_DIRECTORY) ? "m" : "")
                    + (delete ? "dp" : "") + rename;
            // files: r retrieve, a append, w write, d delete; f rename
            String file = "r" + (write ? "aw" : "") + (delete ? "d" : "") + rename;
            return new MlsxPermissions(file, directory);
        }
    }

    /**
     * Appends one MLSx entry (RFC 3659 §7.2): facts type, size (files), modify, perm and unique, a space, the
     * name.
     *
     * @param out         where to append
     * @param info        the entry
     * @param type        the type fact: {@code file}, {@code dir} or {@code cdir}
     * @param name        the name shown after the facts (no CR or LF)
     * @param permissions the account's perm facts
     */
    static void appendMlsx(StringBuilder out, FileInfo info, String type, String name,
                           MlsxPermissions permissions, MlsxFactSelection facts) {
        if (facts.has("type")) {
            out.append("type=").append(type).append(';');
        }
        if (!info.directory() && facts.has("size")) {
            out.append("size=").append(info.size()).append(';');
        }
        if (facts.has("modify")) {
            out.append("modify=").append(formatTime(info.modified())).append(';');
        }
        if (facts.has("perm")) {
            out.append("perm=").append(info.directory() ? permissions.directory() : permissions.file()).append(';');
        }
        String unique = info.uniqueKey();
        if (unique != null && facts.has("unique")) {
            out.append("unique=").append(unique).append(';');
        }
        out.append(' ').append(name);
    }

    /** RFC 3659 §2.3 time-val, UTC, without fraction (MLSx modify fact, MDTM, MFMT). */
    static String formatTime(Instant instant) {
        long seconds = Math.max(MLSX_EARLIEST, Math.min(LATEST, instant.getEpochSecond()));
        return FtpTime.format(Instant.ofEpochSecond(seconds));
    }

    /** A non-negative number with leading zeros to the width. */
    private static void appendDigits(StringBuilder out, int value, int width) {
        for (int divisor = POWERS_OF_TEN[width - 1]; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }

    private static String[] padding() {
        String[] padding = new String[SIZE_WIDTH + 1];
        for (int n = 0; n <= SIZE_WIDTH; n++) {
            padding[n] = " ".repeat(n);
        }
        return padding;
    }

    /** A number right-aligned with spaces in the width (at most {@code SIZE_WIDTH}), as {@code %12d}; never cut. */
    private static void appendRightAligned(StringBuilder out, long value, int width) {
        int length = value < 0 ? 2 : 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            length++;
        }
        if (length < width) {
            out.append(PADDING[width - length]);
        }
        out.append(value);
    }
}
