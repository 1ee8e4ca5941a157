package dev.ftpkit.core.list;

import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.MlsxEntry;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses LIST output (RFC 959 §4.1.3 leaves its format to the server) line by line, trying the Unix
 * {@code ls -l}, DOS/IIS and EPLF formats in that order. It never throws for any line: a line no format
 * understands comes back as {@link ListEntry#unparsed(String)}, never silently dropped.
 *
 * <p>Unix listings show recent files with a time instead of a year ({@code Nov 24 10:00}); the parser picks the
 * year that puts such a date nearest to its reference instant {@code now} (so a date more than about six months
 * after {@code now} is last year's). Listing times carry no zone: they are read in the parser's zone (the server's
 * zone; vsftpd, for one, lists in UTC by default).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ListParser {
    /** {@code ls -l} starts with "total N" (blocks used); it names no file. */
    private static final Pattern TOTAL = Pattern.compile("total \\d+");

    private final ListDates dates;
    private final List<LineParser> parsers;

    /**
     * Creates a parser that reads listing times in {@code zone} and picks years relative to {@code now}.
     *
     * @param zone the zone the server lists times in
     * @param now the reference instant, normally the time the listing was received
     * @throws IllegalArgumentException if {@code now} is outside the range of {@link LocalDate}
     */
    public ListParser(ZoneId zone, Instant now) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
        try {
            LocalDate.ofInstant(now, zone);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Reference instant out of range: " + now, e);
        }
        this.dates = new ListDates(zone, now);
        this.parsers = List.of(new UnixLineParser(dates), new DosLineParser(dates), new EplfLineParser());
    }

    /**
     * Creates a parser that reads listing times in UTC and picks years relative to {@code now}.
     *
     * @param now the reference instant, normally the time the listing was received
     */
    public ListParser(Instant now) {
        this(ZoneOffset.UTC, now);
    }

    /**
     * A parser for listings in UTC, relative to the current time.
     *
     * @return a parser with zone UTC and {@code now} = {@link Instant#now()}
     */
    public static ListParser defaults() {
        return new ListParser(ZoneOffset.UTC, Instant.now());
    }

    /**
     * The zone listing times are read in.
     *
     * @return the zone
     */
    public ZoneId zone() {
        return dates.zone();
    }

    /**
     * The reference instant used to pick the year of recent Unix entries.
     *
     * @return the reference instant
     */
    public Instant now() {
        return dates.now();
    }

    /**
     * Parses one listing line. A single trailing CR (from an ASCII-mode transfer split on LF) is removed first.
     *
     * @param line the line without its line terminator
     * @return empty for a blank line or a {@code total N} line; otherwise the parsed entry, or an
     *     {@linkplain ListEntry#unparsed(String) unparsed} one
     */
    public Optional<ListEntry> parseLine(String line) {
        Objects.requireNonNull(line, "line");
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (s.isBlank() || TOTAL.matcher(s).matches()) {
            return Optional.empty();
        }
        for (LineParser parser : parsers) {
            Optional<ListEntry> entry = parser.parse(s);
            if (entry.isPresent()) {
                return entry;
            }
        }
        return Optional.of(ListEntry.unparsed(s));
    }

    /**
     * Parses listing lines, skipping blank and {@code total N} lines.
     *
     * @param lines the lines without their line terminators
     * @return one entry per remaining line, in order; unparseable lines as unparsed entries
     */
    public List<ListEntry> parse(List<String> lines) {
        List<ListEntry> entries = new ArrayList<>(lines.size());
        for (String line : lines) {
            parseLine(line).ifPresent(entries::add);
        }
        return List.copyOf(entries);
    }

    /**
     * Parses a whole listing as received on the data connection, lines ending in CRLF or LF.
     *
     * @param listing the listing text
     * @return one entry per non-blank, non-{@code total} line, in order
     */
    public List<ListEntry> parse(String listing) {
        return parse(List.of(listing.split("\r?\n", -1)));
    }

    /**
     * Parses one line of an MLSD listing (RFC 3659 §7.2) into an entry ({@link ListEntry#fromMlsx(MlsxEntry)}).
     * A single trailing CR is removed. MLSx times are UTC by definition, so no zone or reference time is needed.
     *
     * @param line the line without its line terminator
     * @return empty for a blank line; otherwise the entry, or an {@linkplain ListEntry#unparsed(String) unparsed}
     *     one if the line is not a valid MLSx entry
     */
    public static Optional<ListEntry> parseMlsdLine(String line) {
        Objects.requireNonNull(line, "line");
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ListEntry.fromMlsx(MlsxEntry.parse(s)));
        } catch (FtpProtocolException e) {
            return Optional.of(ListEntry.unparsed(s));
        }
    }

    /**
     * Parses the lines of an MLSD listing (RFC 3659 §7.2), skipping blank lines.
     *
     * @param lines the lines without their line terminators
     * @return one entry per non-blank line, in order; invalid lines as unparsed entries
     */
    public static List<ListEntry> parseMlsd(List<String> lines) {
        List<ListEntry> entries = new ArrayList<>(lines.size());
        for (String line : lines) {
            parseMlsdLine(line).ifPresent(entries::add);
        }
        return List.copyOf(entries);
    }
}
