package dev.ftpkit.core.list;

import java.util.Optional;

/** The parser for one listing format. Implementations never throw for any input line. */
interface LineParser {
    /**
     * Parses one line (no line terminator, not blank).
     *
     * @return the entry, or empty if the line is not in this format
     */
    Optional<ListEntry> parse(String line);
}
