package dev.ftpkit.core.list;

import java.util.List;
import java.util.Optional;

/** The parser for a format with one entry per line, and maybe header lines. Never throws for any input line. */
interface LineParser extends FormatParser {
    /**
     * Parses one line (no line terminator, not blank).
     *
     * @return the entry, or empty if the line is not in this format
     */
    Optional<ListEntry> parse(String line);

    /** Whether the line is a header or trailer of this format, naming no file. */
    default boolean isHeader(String line) {
        return false;
    }

    @Override
    default Optional<Parsed> read(List<String> lines, int index) {
        String line = lines.get(index);
        return isHeader(line) ? Optional.of(Parsed.header()) : parse(line).map(Parsed::of);
    }
}
