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
 * Parses LIST output (RFC 959 §4.1.3 leaves its format to the server) into entries. It knows the formats servers
 * still send: Unix {@code ls -l} (GNU, BSD, busybox; numeric owners, no group column, {@code +}/{@code .}/{@code @}
 * after the mode, device numbers), DOS/IIS, EPLF, IBM z/OS MVS (data sets, PDS members, JES jobs), IBM i (OS/400),
 * OpenVMS (entries wrapped over two lines included), HP NonStop Guardian, OS/2, Novell NetWare and the classic Mac
 * OS servers ({@link ListFormat} names them). It never throws for any line: a line no format understands comes back
 * as {@link ListEntry#unparsed(String)}, never silently dropped.
 *
 * <p>How a listing's format is chosen ({@link #parse(List)}): blank and {@code total N} lines are left out; then
 * the parsers are tried in order on the whole listing, and the first that understands every line (header lines of
 * its format included) reads it. If none does, each line is read by the first parser that understands it (a
 * listing may mix formats, or hold a stray line). The order is: the application's own {@link FormatParser}s
 * ({@link #withFirst(List)}), then the formats of the server's system as told by its SYST reply
 * ({@link #forSystem(String)}), then the built-in formats, stricter ones first.
 *
 * <p>Unix listings show recent files with a time instead of a year ({@code Nov 24 10:00}); the parser picks the
 * year that puts such a date nearest to its reference instant {@code now} (so a date more than about six months
 * after {@code now} is last year's). Listing times carry no zone: they are read in the parser's zone (the server's
 * zone; vsftpd, for one, lists in UTC by default). Two-digit years are read within 80 years before and 20 after
 * {@code now}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ListParser {
    /** {@code ls -l} starts with "total N" (blocks used); it names no file. */
    private static final Pattern TOTAL = Pattern.compile("total \\d+");

    private final ListDates dates;
    /** The application's parsers, then the SYST reply's, then the built-in ones. */
    private final List<FormatParser> first;
    private final List<FormatParser> system;
    private final List<FormatParser> builtIn;

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
        this.first = List.of();
        this.system = List.of();
        this.builtIn = BuiltInFormats.inTrialOrder(dates);
    }

    private ListParser(ListParser base, List<FormatParser> first, List<FormatParser> system) {
        this.dates = base.dates;
        this.builtIn = base.builtIn;
        this.first = first;
        this.system = system;
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
     * A parser that tries the given parsers before any other, in the given order (for a server whose format the
     * built-in parsers do not know, or read differently).
     *
     * @param parsers the application's parsers; they must never throw
     * @return a new parser; this one is unchanged
     */
    public ListParser withFirst(List<? extends FormatParser> parsers) {
        List<FormatParser> all = new ArrayList<>(first);
        for (FormatParser parser : parsers) {
            all.add(Objects.requireNonNull(parser, "parser"));
        }
        return new ListParser(this, List.copyOf(all), system);
    }

    /**
     * A parser that tries the formats of the server's operating system first, as its SYST reply names it
     * ({@code 215 UNIX Type: L8}, {@code 215 MVS is the operating system of this server}, {@code 215 OS/400 is the
     * remote operating system}, {@code 215 VMS}, {@code 215 NONSTOP}, {@code 215 Windows_NT}, {@code 215 NetWare},
     * {@code 215 OS/2}, {@code 215 MACOS ...}), with or without the reply code. Servers that say MVS also have
     * their bare PDS member names (lines of one word) understood. An unknown system changes nothing.
     *
     * @param systReply the SYST reply's text; empty if SYST was refused
     * @return a new parser; this one is unchanged
     */
    public ListParser forSystem(String systReply) {
        Objects.requireNonNull(systReply, "systReply");
        return new ListParser(this, first, BuiltInFormats.forSystem(systReply, dates));
    }

    /**
     * Parses one listing line on its own, with the first parser that understands it. A single trailing CR (from an
     * ASCII-mode transfer split on LF) is removed first. An entry wrapped over two lines (OpenVMS) needs
     * {@link #parse(List)}.
     *
     * @param line the line without its line terminator
     * @return empty for a blank line, a {@code total N} line or a header line of a known format; otherwise the
     *     parsed entry, or an {@linkplain ListEntry#unparsed(String) unparsed} one
     */
    public Optional<ListEntry> parseLine(String line) {
        Objects.requireNonNull(line, "line");
        List<String> lines = meaningful(List.of(line));
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        List<ListEntry> entries = lineByLine(lines);
        return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
    }

    /**
     * Parses a listing's lines, skipping blank and {@code total N} lines: with the first format that understands
     * every line if there is one, else line by line (see the class description).
     *
     * @param lines the lines without their line terminators
     * @return one entry per remaining line (or wrapped pair of lines), in order, header lines left out;
     *     unparseable lines as unparsed entries
     */
    public List<ListEntry> parse(List<String> lines) {
        List<String> meaningful = meaningful(lines);
        return withOneFormat(meaningful).orElseGet(() -> lineByLine(meaningful));
    }

    /**
     * Parses a listing only if one of this parser's formats understands every line (blank and {@code total N}
     * lines left out). A client can try this before asking the server's system type (SYST), which it needs only
     * when no single format explains the listing.
     *
     * @param lines the lines without their line terminators
     * @return the entries as {@link #parse(List)} gives them, or empty if no single format reads the whole listing
     */
    public Optional<List<ListEntry>> parseWithOneFormat(List<String> lines) {
        return withOneFormat(meaningful(lines));
    }

    private Optional<List<ListEntry>> withOneFormat(List<String> meaningful) {
        for (FormatParser parser : order()) {
            Optional<List<ListEntry>> entries = ListingReader.withOne(parser, meaningful);
            if (entries.isPresent()) {
                return entries;
            }
        }
        return Optional.empty();
    }

    private List<FormatParser> order() {
        List<FormatParser> all = new ArrayList<>(first.size() + system.size() + builtIn.size());
        all.addAll(first);
        all.addAll(system);
        all.addAll(builtIn);
        return all;
    }

    private List<ListEntry> lineByLine(List<String> lines) {
        return ListingReader.lineByLine(order(), lines);
    }

    /** The lines without a trailing CR each, blank and {@code total N} lines left out. */
    private static List<String> meaningful(List<String> lines) {
        List<String> kept = new ArrayList<>(lines.size());
        for (String line : lines) {
            String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (!s.isBlank() && !TOTAL.matcher(s).matches()) {
                kept.add(s);
            }
        }
        return kept;
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
