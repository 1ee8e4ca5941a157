package dev.ftpkit.core.list;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IBM z/OS partitioned data set member listings (LIST inside a PDS), with ISPF statistics:
 * <pre>
 *  Name     VV.MM   Created       Changed      Size  Init   Mod   Id
 * PAYCALC   01.04 2026/10/02 2026/12/01 09:15    42    40     5 ALICE
 * PAYPRINT  01.00 2026/12/03 2026/12/03 14:02:33  120   120     0 BOB
 * NOSTATS
 * </pre>
 * and load libraries ({@code Name Size TTR Alias-of AC Attributes Amode Rmode}, the size in hexadecimal bytes).
 * Members are files. The ISPF {@code Size} counts lines, not bytes, so statistics lines give no size; the
 * modification time is {@code Changed}, the owner the {@code Id}.
 *
 * <p>A member without statistics is listed as its bare name. A bare word is no evidence of this format, so bare
 * names are accepted only by the instance made for servers that said they were MVS (SYST).
 */
final class MvsMemberParser implements LineParser {
    private static final Pattern HEADER = Pattern.compile(
            " *Name +(?:VV\\.MM +Created +Changed +Size|Size +TTR +Alias-of) .*");
    private static final String MEMBER = "([A-Za-z@#$][A-Za-z0-9@#$]{0,7})";
    private static final Pattern STATISTICS = Pattern.compile(MEMBER
            + " +\\d{2}\\.\\d{2} +\\d{4}/\\d{2}/\\d{2} +(\\d{4})/(\\d{2})/(\\d{2}) +(\\d{2}):(\\d{2})(?::(\\d{2}))?"
            + " +\\d+ +\\d+ +\\d+(?: +(\\S+))? *");
    private static final Pattern LOAD_MODULE = Pattern.compile(MEMBER + " +([0-9A-F]{6}) +[0-9A-F]{6}(?: .*)?");
    private static final Pattern BARE = Pattern.compile(MEMBER + " *");

    private final ListDates dates;
    private final boolean bareNames;

    MvsMemberParser(ListDates dates, boolean bareNames) {
        this.dates = dates;
        this.bareNames = bareNames;
    }

    @Override
    public boolean isHeader(String line) {
        return HEADER.matcher(line).matches();
    }

    @Override
    public Optional<ListEntry> parse(String line) {
        Entries entry = Entries.of(ListFormat.MVS, line).type(EntryType.FILE);
        Matcher m = STATISTICS.matcher(line);
        if (m.matches()) {
            int second = m.group(7) == null ? 0 : Integer.parseInt(m.group(7));
            return entry.name(m.group(1))
                    .modified(dates.at(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
                            second))
                    .owner(m.group(8) == null ? "" : m.group(8)).build();
        }
        m = LOAD_MODULE.matcher(line);
        if (m.matches()) {
            return entry.name(m.group(1)).size(OptionalLong.of(Long.parseLong(m.group(2), 16))).build();
        }
        m = BARE.matcher(line);
        return bareNames && m.matches() ? entry.name(m.group(1)).build() : Optional.empty();
    }
}
