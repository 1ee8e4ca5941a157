package dev.ftpkit.core.list;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenVMS listings ({@code DIRECTORY/SIZE/DATE/OWNER/PROTECTION}):
 * <pre>
 * Directory USERS:[ALICE]
 *
 * LOGIN.COM;3              2/4        5-DEC-2026 12:00:00  [STAFF,ALICE]  (RWED,RWED,RE,)
 * REPORTS.DIR;1            1/3        1-JAN-2025 00:00:00  [STAFF,ALICE]  (RWE,RWE,RE,E)
 * QUARTERLY_RESULTS_FOR_THE_BOARD.DAT;1
 *                        123/126      4-DEC-2026 23:59:59  [STAFF,ALICE]  (RWED,RWED,,)
 *
 * Total of 3 files, 126/133 blocks.
 * </pre>
 * A name too long for its column is followed by a line break and the rest of the entry on the next line: this
 * parser reads both lines as one entry (its {@code rawLine} is the two lines joined by LF). Files keep their version
 * ({@code LOGIN.COM;3}), which RETR accepts; a directory file {@code X.DIR;N} is named {@code X}. Sizes are in
 * 512-byte blocks, used/allocated: the entry's size is the used blocks times 512, an upper bound of the byte count
 * (VMS lists none). The owner UIC {@code [GROUP,MEMBER]} gives group and owner ({@code [MEMBER]} the owner only);
 * the protection text (system, owner, group, world) is the permissions. Owner, protection, seconds and hundredths
 * may be missing.
 */
final class VmsParser implements FormatParser {
    private static final Pattern HEADER = Pattern.compile(
            "(?:Directory \\S+|(?:Grand )?[Tt]otal of \\d+ (?:files?|directories)[,.].*)");
    private static final String NAME = "([^\\s;]+;\\d{1,5})";
    private static final Pattern ALONE = Pattern.compile(NAME + " *");
    private static final String DETAILS = "(\\d{1,15})(?:/\\d{1,15})? +(\\d{1,2})-([A-Za-z]{3})-(\\d{4})"
            + " +(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,2})?)?(?: +\\[([^\\],]*)(?:,([^\\]]*))?\\])?"
            + "(?: +\\(([RWED]*(?:,[RWED]*){3})\\))? *";
    private static final Pattern ONE_LINE = Pattern.compile(NAME + " +" + DETAILS);
    private static final Pattern CONTINUATION = Pattern.compile(" +" + DETAILS);
    private static final long BLOCK = 512;

    private final ListDates dates;

    VmsParser(ListDates dates) {
        this.dates = dates;
    }

    @Override
    public Optional<Parsed> read(List<String> lines, int index) {
        String line = lines.get(index);
        if (HEADER.matcher(line).matches()) {
            return Optional.of(Parsed.header());
        }
        Matcher m = ONE_LINE.matcher(line);
        if (m.matches()) {
            return entry(m.group(1), m, 2, line).map(Parsed::of);
        }
        Matcher alone = ALONE.matcher(line);
        if (alone.matches() && index + 1 < lines.size()) {
            String next = lines.get(index + 1);
            Matcher rest = CONTINUATION.matcher(next);
            if (rest.matches()) {
                return entry(alone.group(1), rest, 1, line + "\n" + next).map(e -> Parsed.of(e, 2));
            }
        }
        return Optional.empty();
    }

    /** The entry from the name and the detail groups, which start at group {@code g}. */
    private Optional<ListEntry> entry(String spec, Matcher m, int g, String raw) {
        int month = ListDates.month(m.group(g + 2));
        if (month < 0) {
            return Optional.empty();
        }
        int second = m.group(g + 6) == null ? 0 : Integer.parseInt(m.group(g + 6));
        String upper = spec.toUpperCase(java.util.Locale.ROOT);
        int dir = upper.lastIndexOf(".DIR;");
        boolean directory = dir > 0;
        String member = m.group(g + 8);
        String uicFirst = m.group(g + 7);
        return Entries.of(ListFormat.VMS, raw)
                .type(directory ? EntryType.DIRECTORY : EntryType.FILE)
                .name(directory ? spec.substring(0, dir) : spec)
                .size(blocks(m.group(g)))
                .modified(dates.at(Integer.parseInt(m.group(g + 3)), month, Integer.parseInt(m.group(g + 1)),
                        Integer.parseInt(m.group(g + 4)), Integer.parseInt(m.group(g + 5)), second))
                .owner(member != null ? member : uicFirst == null ? "" : uicFirst)
                .group(member != null ? uicFirst : "")
                .permissions(m.group(g + 9) == null ? "" : m.group(g + 9))
                .build();
    }

    private static OptionalLong blocks(String used) {
        long blocks = Long.parseLong(used); // at most 15 digits: no overflow when multiplied by 512
        return OptionalLong.of(blocks * BLOCK);
    }
}
