package dev.ftpkit.core.list;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The parser of one listing format: reads the entry that starts at a given line of a LIST reply. Most formats give
 * one entry per line; some wrap a long entry over two lines (OpenVMS) or show header and trailer lines that name no
 * file (z/OS {@code Volume Unit ...}, OpenVMS {@code Total of 3 files}), so a parser sees the whole listing and says
 * how many lines it took.
 *
 * <p>Applications add their own formats by registering a {@code FormatParser} (the ftp-client's
 * {@code FtpClientConfig.Builder.listParser}, or {@link ListParser#withFirst(List)}); it is tried before the
 * built-in ones. A simple one-line format is a lambda: {@code FormatParser.ofLines(line -> ...)}.
 *
 * <p>Implementations must be thread-safe and must never throw for any input: a line not in their format is
 * answered with {@link Optional#empty()}.
 */
@FunctionalInterface
public interface FormatParser {

    /**
     * Reads the entry (or the header line) that starts at {@code lines.get(index)}.
     *
     * @param lines the listing's lines, without line terminators, blank lines left out
     * @param index the position of the first line to read, {@code 0 <= index < lines.size()}
     * @return what the line (and, for a wrapped entry, the lines after it) mean; empty if this format does not
     *     understand the line
     */
    Optional<Parsed> read(List<String> lines, int index);

    /**
     * A parser for a format that has one entry per line and no header lines.
     *
     * @param lineParser turns one line into its entry, or empty if the line is not in the format; must not throw
     * @return the format parser
     */
    static FormatParser ofLines(Function<String, Optional<ListEntry>> lineParser) {
        Objects.requireNonNull(lineParser, "lineParser");
        return (lines, index) -> lineParser.apply(lines.get(index)).map(Parsed::of);
    }

    /**
     * What a parser made of one or more lines: an entry, or nothing for a header or trailer line of its format.
     *
     * @param entry the entry the lines describe; empty for a header or trailer that names no file
     * @param lineCount how many lines were read (at least 1)
     */
    record Parsed(Optional<ListEntry> entry, int lineCount) {

        /**
         * Validates the result.
         *
         * @throws IllegalArgumentException if {@code lineCount} is less than 1
         */
        public Parsed {
            Objects.requireNonNull(entry, "entry");
            if (lineCount < 1) {
                throw new IllegalArgumentException("lineCount must be at least 1: " + lineCount);
            }
        }

        /**
         * An entry read from one line.
         *
         * @param entry the entry
         * @return the result
         */
        public static Parsed of(ListEntry entry) {
            return new Parsed(Optional.of(entry), 1);
        }

        /**
         * An entry read from several lines.
         *
         * @param entry the entry
         * @param lineCount how many lines it took
         * @return the result
         */
        public static Parsed of(ListEntry entry, int lineCount) {
            return new Parsed(Optional.of(entry), lineCount);
        }

        /**
         * A header or trailer line of the format, which names no file (it is understood, and skipped).
         *
         * @return the result: no entry, one line
         */
        public static Parsed header() {
            return new Parsed(Optional.empty(), 1);
        }
    }
}
