package dev.ftpkit.core.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in format parsers: the order they are tried in, and which of them a SYST reply (RFC 959 §4.1.3: the
 * first word is a system name from the Assigned Numbers list) puts first.
 */
final class BuiltInFormats {
    /**
     * Trial order. Stricter formats go before looser ones that could misread their lines: a NetPresenz file line
     * is also a valid {@code ls -l} line with a numeric owner and no group, so Mac OS comes before Unix.
     */
    private static final List<ListFormat> TRIAL_ORDER = List.of(ListFormat.MACOS, ListFormat.UNIX, ListFormat.DOS,
            ListFormat.EPLF, ListFormat.NETWARE, ListFormat.OS2, ListFormat.OS400, ListFormat.VMS,
            ListFormat.NONSTOP, ListFormat.MVS);

    /** The first word of a SYST reply, upper-cased, and the formats such a system lists in. */
    private static final Map<String, List<ListFormat>> SYSTEMS = Map.ofEntries(
            Map.entry("UNIX", List.of(ListFormat.UNIX)),
            Map.entry("WINDOWS_NT", List.of(ListFormat.DOS)),
            Map.entry("MVS", List.of(ListFormat.MVS)),
            Map.entry("OS/390", List.of(ListFormat.MVS)),
            Map.entry("OS/400", List.of(ListFormat.OS400)),
            Map.entry("VMS", List.of(ListFormat.VMS)),
            Map.entry("OPENVMS", List.of(ListFormat.VMS)),
            Map.entry("NONSTOP", List.of(ListFormat.NONSTOP)),
            Map.entry("TANDEM", List.of(ListFormat.NONSTOP)),
            Map.entry("NETWARE", List.of(ListFormat.NETWARE)),
            Map.entry("OS/2", List.of(ListFormat.OS2)),
            Map.entry("MACOS", List.of(ListFormat.MACOS)));

    private BuiltInFormats() {
    }

    /** Every built-in parser, in trial order. */
    static List<FormatParser> inTrialOrder(ListDates dates) {
        List<FormatParser> parsers = new ArrayList<>();
        for (ListFormat format : TRIAL_ORDER) {
            parsers.addAll(parsers(format, dates, false));
        }
        return List.copyOf(parsers);
    }

    /**
     * The parsers for the formats a server that answered SYST with {@code systReply} lists in; empty for an
     * unknown system.
     */
    static List<FormatParser> forSystem(String systReply, ListDates dates) {
        String text = systReply.strip();
        if (text.length() > 3 && text.startsWith("215") && (text.charAt(3) == ' ' || text.charAt(3) == '-')) {
            text = text.substring(4).strip();
        }
        String word = text.split("[ \\t]", 2)[0].toUpperCase(Locale.ROOT);
        List<FormatParser> parsers = new ArrayList<>();
        for (ListFormat format : SYSTEMS.getOrDefault(word, List.of())) {
            parsers.addAll(parsers(format, dates, true));
        }
        return List.copyOf(parsers);
    }

    /**
     * The parsers of one format. {@code announced}: the server said it is that system, which makes the bare member
     * names of a z/OS PDS listing (no evidence of any format on their own) acceptable.
     */
    private static List<FormatParser> parsers(ListFormat format, ListDates dates, boolean announced) {
        return switch (format) {
            case UNIX -> List.of(new UnixLineParser(dates));
            case DOS -> List.of(new DosLineParser(dates));
            case EPLF -> List.of(new EplfLineParser());
            case MVS -> List.of(new MvsDatasetParser(), new MvsMemberParser(dates, announced), new MvsJobParser());
            case OS400 -> List.of(new Os400Parser(dates));
            case VMS -> List.of(new VmsParser(dates));
            case NONSTOP -> List.of(new NonStopParser(dates));
            case OS2 -> List.of(new Os2Parser(dates));
            case NETWARE -> List.of(new NetWareParser(dates));
            case MACOS -> List.of(new MacOsParser(dates));
            case CUSTOM, MLSD, UNPARSED -> List.of();
        };
    }
}
