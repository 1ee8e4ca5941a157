package dev.ftpkit.core.list;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Unix {@code ls -l} lines, the de-facto LIST format (RFC 959 §4.1.3 leaves LIST's format to the server):
 * <pre>
 * drwxr-xr-x    2 0        0            4096 Nov 24 10:00 dir
 * -rw-r--r--    1 ftp      ftp          1234 Jan 02  2020 old file.txt
 * lrwxrwxrwx    1 0        0               7 Nov 24 10:00 link -&gt; target
 * crw-rw-rw-    1 0        0          1,   3 Nov 24 10:00 null
 * </pre>
 * The date ({@code Mon DD HH:MM}, {@code Mon DD YYYY} or {@code YYYY-MM-DD HH:MM}) anchors the line: the size is
 * the token before it, link count, owner and group (any of them may be missing) come between the permissions and
 * the size, and the name is everything after the single space that follows the date.
 */
final class UnixLineParser implements LineParser {
    /** Type letter, nine permission letters, optional ACL/xattr marker ({@code +}, {@code .}, {@code @}). */
    private static final Pattern PERMISSIONS = Pattern.compile("[-bcdDlnpsw?][-rwxsStTlL?]{9}[+.@]?");
    private static final Map<Character, EntryType> TYPES = Map.of(
            '-', EntryType.FILE, 'd', EntryType.DIRECTORY, 'l', EntryType.SYMBOLIC_LINK);
    /** Permissions, link count, owner, group (which may hold spaces), size: the date cannot start much later. */
    private static final int MAX_TOKENS = 16;
    private static final String LINK_ARROW = " -> ";

    private final ListDates dates;

    UnixLineParser(ListDates dates) {
        this.dates = dates;
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Tokens tokens = Tokens.split(line, MAX_TOKENS);
        if (tokens.size() < 5 || !PERMISSIONS.matcher(tokens.get(0)).matches()) {
            return Optional.empty();
        }
        // the first position where size + date fit wins: a date-like text inside the name comes later
        for (int dateIndex = 2; dateIndex < tokens.size() - 2; dateIndex++) {
            Optional<ListEntry> entry = tryDateAt(line, tokens, dateIndex);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.empty();
    }

    private Optional<ListEntry> tryDateAt(String line, Tokens tokens, int dateIndex) {
        Optional<UnixDate> date = UnixDate.at(tokens, dateIndex, dates);
        if (date.isEmpty() || !Tokens.isDigits(tokens.get(dateIndex - 1).replace(",", ""))) {
            return Optional.empty();
        }
        int nameStart = tokens.end(date.get().lastToken()) + 1; // after exactly one space
        if (nameStart >= line.length()) {
            return Optional.empty();
        }
        SizeColumn size = SizeColumn.before(tokens, dateIndex);
        String perms = tokens.get(0);
        EntryType type = TYPES.getOrDefault(perms.charAt(0), EntryType.OTHER);
        String name = line.substring(nameStart);
        Optional<String> target = Optional.empty();
        int arrow = name.indexOf(LINK_ARROW);
        if (type == EntryType.SYMBOLIC_LINK && arrow > 0) {
            target = Optional.of(name.substring(arrow + LINK_ARROW.length())).filter(t -> !t.isEmpty());
            name = name.substring(0, arrow);
        }
        Owners owners = Owners.between(tokens, 1, size.firstToken() - 1);
        return Optional.of(new ListEntry(type, name, size.size(), date.get().instant(), target,
                Optional.of(perms.substring(1, 10)), owners.owner(), owners.group(), line, ListFormat.UNIX));
    }

    /** The size column: a number, or {@code major, minor} (one or two tokens) for device files. */
    private record SizeColumn(OptionalLong size, int firstToken) {
        static SizeColumn before(Tokens tokens, int dateIndex) {
            int last = dateIndex - 1;
            String token = tokens.get(last);
            if (token.indexOf(',') >= 0) {
                return new SizeColumn(OptionalLong.empty(), last); // "1,3"
            }
            if (last >= 2 && tokens.get(last - 1).endsWith(",")
                    && Tokens.isDigits(tokens.get(last - 1).substring(0, tokens.get(last - 1).length() - 1))) {
                return new SizeColumn(OptionalLong.empty(), last - 1); // "1, 3"
            }
            return new SizeColumn(parseSize(token), last);
        }

        private static OptionalLong parseSize(String digits) {
            try {
                return OptionalLong.of(Long.parseLong(digits));
            } catch (NumberFormatException e) {
                return OptionalLong.empty(); // larger than Long.MAX_VALUE: keep the entry, drop the size
            }
        }
    }

    /** Link count (skipped), owner and group between the permissions and the size. */
    private record Owners(Optional<String> owner, Optional<String> group) {
        static Owners between(Tokens tokens, int from, int to) {
            int first = from;
            if (to >= from && Tokens.isDigits(tokens.get(from))) {
                first++; // the hard link count
            }
            if (first > to) {
                return new Owners(Optional.empty(), Optional.empty());
            }
            Optional<String> owner = Optional.of(tokens.get(first));
            // a group name may contain spaces ("Domain Users"): everything up to the size column
            Optional<String> group = first < to ? Optional.of(tokens.span(first + 1, to)) : Optional.empty();
            return new Owners(owner, group);
        }
    }

    /** The date columns and where they end. */
    private record UnixDate(Optional<Instant> instant, int lastToken) {
        static Optional<UnixDate> at(Tokens tokens, int i, ListDates dates) {
            int month = ListDates.month(tokens.get(i));
            if (month > 0) {
                int day = Tokens.smallNumber(tokens.get(i + 1));
                if (day < 1 || day > 31) {
                    return Optional.empty();
                }
                String yearOrTime = tokens.get(i + 2);
                if (yearOrTime.length() == 4 && Tokens.isDigits(yearOrTime)) {
                    return Optional.of(new UnixDate(
                            dates.at(Integer.parseInt(yearOrTime), month, day, 0, 0), i + 2));
                }
                int[] time = time(yearOrTime);
                return time == null ? Optional.empty()
                        : Optional.of(new UnixDate(dates.withoutYear(month, day, time[0], time[1]), i + 2));
            }
            return isoDate(tokens, i, dates);
        }

        /** {@code ls --time-style=long-iso}: {@code 2020-11-24 10:00}. */
        private static Optional<UnixDate> isoDate(Tokens tokens, int i, ListDates dates) {
            String d = tokens.get(i);
            if (d.length() != 10 || d.charAt(4) != '-' || d.charAt(7) != '-') {
                return Optional.empty();
            }
            int year = Tokens.smallNumber(d.substring(0, 4));
            int month = Tokens.smallNumber(d.substring(5, 7));
            int day = Tokens.smallNumber(d.substring(8, 10));
            int[] time = time(tokens.get(i + 1));
            if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || time == null) {
                return Optional.empty();
            }
            return Optional.of(new UnixDate(dates.at(year, month, day, time[0], time[1]), i + 1));
        }

        /** {@code H:MM} or {@code HH:MM}, 00:00 to 23:59; null otherwise. */
        private static int[] time(String s) {
            int colon = s.indexOf(':');
            if (colon < 1 || colon > 2 || s.length() != colon + 3) {
                return null;
            }
            int hour = Tokens.smallNumber(s.substring(0, colon));
            int minute = Tokens.smallNumber(s.substring(colon + 1));
            return hour < 0 || hour > 23 || minute < 0 || minute > 59 ? null : new int[] {hour, minute};
        }
    }
}
