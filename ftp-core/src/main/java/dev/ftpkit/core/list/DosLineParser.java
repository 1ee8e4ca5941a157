package dev.ftpkit.core.list;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DOS-style lines as sent by Microsoft IIS (its default "MS-DOS" directory listing style):
 * <pre>
 * 11-24-26  10:00AM       &lt;DIR&gt;          name
 * 01-05-99  03:12PM                 1234 file.txt
 * </pre>
 * Dates are {@code MM-DD-YY} (or {@code MM-DD-YYYY} when IIS shows four-digit years), times are 12-hour with
 * {@code AM}/{@code PM} or 24-hour. The name is the rest of the line after the run of spaces that follows the size
 * or {@code <DIR>} column (leading spaces of a name cannot be told apart from the padding).
 */
final class DosLineParser implements LineParser {
    private static final Pattern LINE = Pattern.compile(
            "(\\d{1,2})-(\\d{1,2})-(\\d{2}|\\d{4})" // date MM-DD-YY or MM-DD-YYYY
                    + " +(\\d{1,2}):(\\d{2}) ?([AaPp][Mm])?" // time, 12 or 24 hours
                    + " +(<DIR>|\\d{1,19})" // directory marker or size
                    + " +(\\S.*)", // the name
            Pattern.DOTALL);

    private final ListDates dates;

    DosLineParser(ListDates dates) {
        this.dates = dates;
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(1));
        int day = Integer.parseInt(m.group(2));
        int hour = Integer.parseInt(m.group(4));
        int minute = Integer.parseInt(m.group(5));
        String amPm = m.group(6);
        if (month < 1 || month > 12 || day < 1 || day > 31 || minute > 59
                || (amPm == null ? hour > 23 : hour < 1 || hour > 12)) {
            return Optional.empty();
        }
        if (amPm != null) {
            hour = hour % 12 + (amPm.toUpperCase(Locale.ROOT).equals("PM") ? 12 : 0); // 12AM is 00, 12PM is 12
        }
        String yearText = m.group(3);
        int year = yearText.length() == 2 ? dates.fullYear(Integer.parseInt(yearText)) : Integer.parseInt(yearText);
        Optional<Instant> modified = dates.at(year, month, day, hour, minute);
        boolean directory = m.group(7).equals("<DIR>");
        OptionalLong size = directory ? OptionalLong.empty() : parseSize(m.group(7));
        return Optional.of(new ListEntry(directory ? EntryType.DIRECTORY : EntryType.FILE, m.group(8), size,
                modified, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), line,
                ListFormat.DOS));
    }

    private static OptionalLong parseSize(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
