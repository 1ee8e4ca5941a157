package dev.ftpkit.core.list;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a listing's lines with format parsers: all with one format, or each line with the first that fits. */
final class ListingReader {
    private ListingReader() {
    }

    /** The entries if {@code parser} understands every line; empty as soon as it does not understand one. */
    static Optional<List<ListEntry>> withOne(FormatParser parser, List<String> lines) {
        List<ListEntry> entries = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            Optional<FormatParser.Parsed> parsed = parser.read(lines, i);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            parsed.get().entry().ifPresent(entries::add);
            i += parsed.get().lineCount();
        }
        return Optional.of(List.copyOf(entries));
    }

    /** Each line (or wrapped group of lines) read by the first parser that understands it, else kept unparsed. */
    static List<ListEntry> lineByLine(List<FormatParser> parsers, List<String> lines) {
        List<ListEntry> entries = new ArrayList<>(lines.size());
        int i = 0;
        while (i < lines.size()) {
            Optional<FormatParser.Parsed> parsed = first(parsers, lines, i);
            if (parsed.isPresent()) {
                parsed.get().entry().ifPresent(entries::add);
                i += parsed.get().lineCount();
            } else {
                entries.add(ListEntry.unparsed(lines.get(i)));
                i++;
            }
        }
        return List.copyOf(entries);
    }

    private static Optional<FormatParser.Parsed> first(List<FormatParser> parsers, List<String> lines, int index) {
        for (FormatParser parser : parsers) {
            Optional<FormatParser.Parsed> parsed = parser.read(lines, index);
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }
}
