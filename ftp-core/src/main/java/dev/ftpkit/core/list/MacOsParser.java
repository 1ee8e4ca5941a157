package dev.ftpkit.core.list;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classic Mac OS servers (NetPresenz and its kin):
 * <pre>
 * -------r--         326  1391972  1392298 Nov 22  1995 MegaPhone.sit
 * drwxrwxr-x               folder        2 May 10 12:00 network
 * </pre>
 * A file shows its resource fork, data fork and total size (the total is the entry's size); a folder shows the
 * word {@code folder} and its number of items (no size). The date is {@code ls}-style; the name follows it after a
 * single space. A file line is taken for this format only when the total is the sum of the two forks: otherwise
 * it is an {@code ls -l} line with a numeric owner and no group, which the Unix parser reads.
 */
final class MacOsParser implements LineParser {
    private static final String PERMISSIONS = "[-rwx]{9}";
    private static final String DATE = " +([A-Za-z]{3}) +(\\d{1,2}) +(\\d{1,2}:\\d{2}|\\d{4}) (.+)";
    private static final Pattern FILE = Pattern.compile(
            "-(" + PERMISSIONS + ") +(\\d{1,18}) +(\\d{1,18}) +(\\d{1,19})" + DATE);
    private static final Pattern FOLDER = Pattern.compile("d(" + PERMISSIONS + ") +folder +\\d{1,9}" + DATE);

    private final ListDates dates;

    MacOsParser(ListDates dates) {
        this.dates = dates;
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Matcher m = FILE.matcher(line);
        if (m.matches()) {
            OptionalLong total = Entries.size(m.group(4));
            long forks = Long.parseLong(m.group(2)) + Long.parseLong(m.group(3)); // 18 digits each: no overflow
            return total.isPresent() && total.getAsLong() == forks
                    ? entry(m, 5, EntryType.FILE, total, line) : Optional.empty();
        }
        m = FOLDER.matcher(line);
        return m.matches() ? entry(m, 2, EntryType.DIRECTORY, OptionalLong.empty(), line) : Optional.empty();
    }

    /** The entry, with the date groups starting at {@code g}. */
    private Optional<ListEntry> entry(Matcher m, int g, EntryType type, OptionalLong size, String line) {
        int month = ListDates.month(m.group(g));
        int day = Integer.parseInt(m.group(g + 1));
        if (month < 0 || day < 1 || day > 31) {
            return Optional.empty();
        }
        return Entries.of(ListFormat.MACOS, line).type(type).permissions(m.group(1)).size(size)
                .modified(dates.monthDay(month, day, m.group(g + 2))).name(m.group(g + 3)).build();
    }
}
