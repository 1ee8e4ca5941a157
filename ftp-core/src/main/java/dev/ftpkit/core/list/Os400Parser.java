package dev.ftpkit.core.list;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBM i (OS/400) listings ({@code LISTFMT 0}, the server's own format):
 * <pre>
 * QSYS           77824 02/23/26 15:09:55 *DIR       QSYS.LIB/
 * ALICE          24576 12/03/26 08:30:12 *FILE      PAYLIB.LIB/PAYROLL.FILE
 * ALICE                                  *MEM       PAYLIB.LIB/PAYROLL.FILE/JAN.MBR
 * ALICE           8192 11/30/26 17:45:01 *STMF      report 2026.csv
 * </pre>
 * Columns: owner, size in bytes, date, time, object type, name (which may hold spaces). Members have no size or
 * date. The date is {@code MM/DD/YY}, or {@code DD.MM.YY} on systems set to European dates. A name ending in
 * {@code /} is a directory (the slash is removed); so are libraries, folders, directories and database files
 * ({@code *FILE} named {@code X.FILE}, which hold members); members, stream files and documents are files;
 * {@code *SYMLNK} is a link; other object types are {@link EntryType#OTHER}.
 */
final class Os400Parser implements LineParser {
    private static final Pattern LINE = Pattern.compile(
            "(\\S+) +(?:(\\d{1,19}) +)?(?:(\\d{2})([/.])(\\d{2})\\4(\\d{2}) +(\\d{2}):(\\d{2}):(\\d{2}) +)?"
                    + "(\\*[A-Z]{2,10}) +(\\S.*)");
    private static final Map<String, EntryType> TYPES = Map.of(
            "*DIR", EntryType.DIRECTORY, "*DDIR", EntryType.DIRECTORY, "*LIB", EntryType.DIRECTORY,
            "*FLR", EntryType.DIRECTORY, "*MEM", EntryType.FILE, "*STMF", EntryType.FILE,
            "*DSTMF", EntryType.FILE, "*DOC", EntryType.FILE, "*SYMLNK", EntryType.SYMBOLIC_LINK);

    private final ListDates dates;

    Os400Parser(ListDates dates) {
        this.dates = dates;
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches() || (m.group(2) == null) != (m.group(3) == null)) {
            return Optional.empty(); // size and date come together, or neither (members)
        }
        String name = m.group(11);
        String objectType = m.group(10);
        EntryType type = name.endsWith("/") ? EntryType.DIRECTORY : typeOf(objectType, name);
        Entries entry = Entries.of(ListFormat.OS400, line).type(type).owner(m.group(1))
                .name(name.endsWith("/") ? name.substring(0, name.length() - 1) : name)
                .size(Entries.size(m.group(2)));
        if (m.group(3) != null) {
            boolean european = m.group(4).equals(".");
            int month = Integer.parseInt(m.group(european ? 5 : 3));
            int day = Integer.parseInt(m.group(european ? 3 : 5));
            entry.modified(dates.at(dates.fullYear(Integer.parseInt(m.group(6))), month, day,
                    Integer.parseInt(m.group(7)), Integer.parseInt(m.group(8)), Integer.parseInt(m.group(9))));
        }
        return entry.build();
    }

    private static EntryType typeOf(String objectType, String name) {
        if (objectType.equals("*FILE")) {
            return name.toUpperCase(Locale.ROOT).endsWith(".FILE") ? EntryType.DIRECTORY : EntryType.FILE;
        }
        return TYPES.getOrDefault(objectType, EntryType.OTHER);
    }
}
