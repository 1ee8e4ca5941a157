package dev.ftpkit.core.list;

import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OS/2 FTP server listings:
 * <pre>
 *          0           DIR   12-05-26   12:00  PROJECTS
 *       1234    A            11-30-26   09:41  README.TXT
 *   12345678    A  R         01-01-99   00:00  old archive.zip
 * </pre>
 * Columns: size, attributes ({@code A} archive, {@code R} read-only, {@code H} hidden, {@code S} system,
 * {@code DIR} for a directory), date {@code MM-DD-YY}, 24-hour time, name (the rest of the line after the run of
 * spaces that follows the time). Directories are listed with size 0, which says nothing: they get no size.
 */
final class Os2Parser implements LineParser {
    private static final Pattern LINE = Pattern.compile(
            " *(\\d{1,19})((?: +[A-Z]{1,3})*) +(\\d{2})-(\\d{2})-(\\d{2}) +(\\d{2}):(\\d{2}) +(\\S.*)");

    private final ListDates dates;

    Os2Parser(ListDates dates) {
        this.dates = dates;
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean directory = Arrays.asList(m.group(2).trim().split(" +")).contains("DIR");
        return Entries.of(ListFormat.OS2, line)
                .type(directory ? EntryType.DIRECTORY : EntryType.FILE)
                .name(m.group(8))
                .size(directory ? OptionalLong.empty() : Entries.size(m.group(1)))
                .modified(dates.at(dates.fullYear(Integer.parseInt(m.group(5))), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)), Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7))))
                .permissions(m.group(2).trim().replaceAll(" +", " "))
                .build();
    }
}
