package dev.ftpkit.core.list;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Novell NetWare listings:
 * <pre>
 * d [RWCEAFMS] ADMIN                         512 Dec 05 12:00 PUBLIC
 * - [RWCEAFMS] alice                      123456 Nov 30  2025 report.doc
 * d [-WCE--F-] alice                         512 Jan 01 09:41 shared files
 * </pre>
 * Columns: {@code d} or {@code -}, the eight trustee rights in brackets (Read, Write, Create, Erase, Access
 * control, File scan, Modify, Supervisor; {@code -} where missing), owner, size in bytes, an {@code ls}-style
 * date, and the name after the single space that follows the date.
 */
final class NetWareParser implements LineParser {
    private static final Pattern LINE = Pattern.compile(
            "([d-]) +\\[([RWCEAFMS-]{8})\\] +(\\S+) +(\\d{1,19}) +([A-Za-z]{3}) +(\\d{1,2}) +(\\d{1,2}:\\d{2}|\\d{4})"
                    + " (.+)");

    private final ListDates dates;

    NetWareParser(ListDates dates) {
        this.dates = dates;
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Matcher m = LINE.matcher(line);
        int month = m.matches() ? ListDates.month(m.group(5)) : -1;
        int day = month < 0 ? -1 : Integer.parseInt(m.group(6));
        if (day < 1 || day > 31) {
            return Optional.empty();
        }
        return Entries.of(ListFormat.NETWARE, line)
                .type(m.group(1).equals("d") ? EntryType.DIRECTORY : EntryType.FILE)
                .permissions(m.group(2)).owner(m.group(3)).size(Entries.size(m.group(4)))
                .modified(dates.monthDay(month, day, m.group(7)))
                .name(m.group(8)).build();
    }
}
