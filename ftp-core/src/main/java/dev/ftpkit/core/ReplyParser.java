package dev.ftpkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Incremental, bounded parser of FTP replies, fed one line at a time (RFC 959 §4.2).
 *
 * <p>A reply starts with a line of three digits followed by a space (single-line reply) or a
 * hyphen (multi-line reply). A multi-line reply ends with a line that starts with the same code
 * followed by a space; the lines in between may start with anything, digits included, and are
 * kept as sent. A first line that is just the three digits is accepted as a reply with empty text.
 * Codes outside 100..599 are refused, including the RFC 2228 protected replies (6yz).
 *
 * <p>Text is made safe for {@link Reply}: NUL characters are dropped (a Telnet NVT no-op,
 * RFC 854) and a CR inside a line (RFC 2640 §3.1 sends a CR in a pathname as CR NUL) becomes
 * U+FFFD. Limits on line length, line count and total characters keep memory bounded; when a limit
 * is hit or a line is malformed the parser throws {@link FtpProtocolException}, forgets the
 * partial reply and is ready for the next one. Not thread-safe.
 */
public final class ReplyParser {
    /** Default longest accepted line, in characters. */
    public static final int DEFAULT_MAX_LINE_LENGTH = 8192;
    /** Default largest number of lines in one reply. */
    public static final int DEFAULT_MAX_LINES = 10_000;
    /** Default largest number of characters in one reply, all lines together. */
    public static final int DEFAULT_MAX_TOTAL_CHARS = 4 * 1024 * 1024;

    private final int maxLineLength;
    private final int maxLines;
    private final int maxTotalChars;

    private final List<String> lines = new ArrayList<>();
    private int code = -1;
    private long totalChars;

    /** Creates a parser with the default limits. */
    public ReplyParser() {
        this(DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_LINES, DEFAULT_MAX_TOTAL_CHARS);
    }

    /**
     * Creates a parser with the given limits; the total size limit is the larger of
     * {@link #DEFAULT_MAX_TOTAL_CHARS} and {@code maxLineLength}.
     *
     * @param maxLineLength longest accepted line in characters, at least 4
     * @param maxLines      most lines in one reply, at least 1
     * @throws IllegalArgumentException if a limit is too small
     */
    public ReplyParser(int maxLineLength, int maxLines) {
        this(maxLineLength, maxLines, Math.max(DEFAULT_MAX_TOTAL_CHARS, maxLineLength));
    }

    /**
     * Creates a parser with the given limits.
     *
     * @param maxLineLength longest accepted line in characters, at least 4
     * @param maxLines      most lines in one reply, at least 1
     * @param maxTotalChars most characters in one reply, at least {@code maxLineLength}
     * @throws IllegalArgumentException if a limit is too small
     */
    public ReplyParser(int maxLineLength, int maxLines, int maxTotalChars) {
        if (maxLineLength < 4 || maxLines < 1 || maxTotalChars < maxLineLength) {
            throw new IllegalArgumentException("limits too small: maxLineLength=" + maxLineLength
                    + ", maxLines=" + maxLines + ", maxTotalChars=" + maxTotalChars);
        }
        this.maxLineLength = maxLineLength;
        this.maxLines = maxLines;
        this.maxTotalChars = maxTotalChars;
    }

    /**
     * Parses one whole reply; lines end with CRLF or a bare LF, the last line end is optional.
     *
     * @param text the reply text
     * @return the reply
     * @throws FtpProtocolException if the text is not exactly one well-formed reply
     */
    public static Reply parse(String text) throws FtpProtocolException {
        ReplyParser parser = new ReplyParser();
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf < 0 ? text.length() : lf;
            Optional<Reply> reply = parser.accept(text.substring(start, end));
            start = end + 1;
            if (reply.isPresent()) {
                if (start < text.length()) {
                    throw new FtpProtocolException("text continues after the end of the reply");
                }
                return reply.get();
            }
        }
        throw new FtpProtocolException("incomplete reply");
    }

    /**
     * Feeds one line, without its line end (a trailing CR is tolerated and removed).
     *
     * @param line the line
     * @return the reply if this line completed one, else empty
     * @throws FtpProtocolException if the line is malformed or a limit is exceeded
     */
    public Optional<Reply> accept(String line) throws FtpProtocolException {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        if (l.length() > maxLineLength) {
            throw fail("reply line longer than " + maxLineLength + " characters");
        }
        l = sanitize(l);
        return code < 0 ? first(l) : next(l);
    }

    /**
     * Tells whether a multi-line reply has started and not yet ended.
     *
     * @return true between the first and the last line of a multi-line reply
     */
    public boolean isMidReply() {
        return code >= 0;
    }

    /** Forgets any partial reply. */
    public void reset() {
        code = -1;
        lines.clear();
        totalChars = 0;
    }

    private Optional<Reply> first(String l) throws FtpProtocolException {
        int c = leadingCode(l);
        if (c < 0 || (l.length() > 3 && l.charAt(3) != ' ' && l.charAt(3) != '-')) {
            throw fail("reply line does not start with a code 100..599 and ' ' or '-': " + Text.excerpt(l));
        }
        String text = l.length() > 3 ? l.substring(4) : "";
        if (l.length() > 3 && l.charAt(3) == '-') {
            code = c;
            lines.add(text);
            totalChars = text.length();
            return Optional.empty();
        }
        return Optional.of(Reply.of(c, List.of(text)));
    }

    private Optional<Reply> next(String l) throws FtpProtocolException {
        if (lines.size() >= maxLines) {
            throw fail("reply has more than " + maxLines + " lines");
        }
        totalChars += l.length();
        if (totalChars > maxTotalChars) {
            throw fail("reply longer than " + maxTotalChars + " characters");
        }
        // RFC 959 §4.2: the last line starts with the same code followed by a space.
        boolean last = leadingCode(l) == code && (l.length() == 3 || l.charAt(3) == ' ');
        if (!last) {
            lines.add(l);
            return Optional.empty();
        }
        lines.add(l.length() > 3 ? l.substring(4) : "");
        Reply reply = Reply.of(code, lines);
        reset();
        return Optional.of(reply);
    }

    /** Returns the code 100..599 the line starts with, or -1. */
    private static int leadingCode(String l) {
        if (l.length() < 3) {
            return -1;
        }
        char a = l.charAt(0);
        char b = l.charAt(1);
        char c = l.charAt(2);
        if (a < '1' || a > '5' || !Text.isAsciiDigit(b) || !Text.isAsciiDigit(c)) {
            return -1;
        }
        return (a - '0') * 100 + (b - '0') * 10 + (c - '0');
    }

    private static String sanitize(String l) {
        if (!Text.hasLineBreakOrNul(l)) {
            return l;
        }
        StringBuilder b = new StringBuilder(l.length());
        for (int i = 0; i < l.length(); i++) {
            char ch = l.charAt(i);
            if (ch == '\r' || ch == '\n') {
                b.append('\uFFFD');
            } else if (ch != '\0') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private FtpProtocolException fail(String message) {
        reset();
        return new FtpProtocolException(message);
    }
}
