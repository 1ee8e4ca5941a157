package dev.ftpkit.core.list;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HP (Tandem) NonStop Guardian listings of a subvolume:
 * <pre>
 * File         Code             EOF  Last Modification    Owner  RWEP
 * PAYDATA       101            4096  5-Dec-26 12:00:00  200,12 "NUNU"
 * PAYCOBS       180           53312 30-Nov-26 09:41:07 255,255 "oooo"
 * TACLLOG O       0               0  1-Jan-26 00:00:00  200,12 "GGGG"
 * </pre>
 * Columns: file name (up to eight letters and digits, optionally followed by {@code O} for a file open at the
 * time), file code, end-of-file offset (the size in bytes), modification date {@code D-Mon-YY} and time, owner
 * {@code group,user} and the security string (read, write, execute, purge). Guardian subvolumes hold only files.
 */
final class NonStopParser implements LineParser {
    private static final Pattern HEADER = Pattern.compile("File +Code +EOF +Last Modification +Owner +RWEP *");
    private static final Pattern LINE = Pattern.compile(
            "([A-Za-z][A-Za-z0-9]{0,7})(?: +O)? +\\d{1,6} +(\\d{1,19}) +(\\d{1,2})-([A-Za-z]{3})-(\\d{2})"
                    + " +(\\d{1,2}):(\\d{2}):(\\d{2}) +(\\d{1,3}, ?\\d{1,3}|\\S+) +\"?([A-Za-z-]{4})\"? *");

    private final ListDates dates;

    NonStopParser(ListDates dates) {
        this.dates = dates;
    }

    @Override
    public boolean isHeader(String line) {
        return HEADER.matcher(line).matches();
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Matcher m = LINE.matcher(line);
        int month = m.matches() ? ListDates.month(m.group(4)) : -1;
        if (month < 0) {
            return Optional.empty();
        }
        return Entries.of(ListFormat.NONSTOP, line).type(EntryType.FILE).name(m.group(1))
                .size(Entries.size(m.group(2)))
                .modified(dates.at(dates.fullYear(Integer.parseInt(m.group(5))), month,
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)),
                        Integer.parseInt(m.group(8))))
                .owner(m.group(9)).permissions(m.group(10)).build();
    }
}
