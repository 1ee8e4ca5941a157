package dev.ftpkit.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An FTP reply: a code and one or more lines of text (RFC 959 §4.2).
 *
 * <p>{@code lines} holds the text of each line without the code prefix of the first and last
 * line ({@code "123-First"} gives {@code "First"}); the lines in between are kept as sent.
 * No line may contain CR, LF or NUL, so {@link #encode()} can never produce a forged reply line.
 *
 * @param code  the reply code
 * @param lines the text lines, at least one
 */
public record Reply(ReplyCode code, List<String> lines) {

    /**
     * Validates and copies the lines.
     *
     * @throws IllegalArgumentException if there is no line or a line contains CR, LF or NUL
     */
    public Reply {
        Objects.requireNonNull(code, "code");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply has at least one line");
        }
        for (String line : lines) {
            Text.requireSingleLine(line, "reply line");
        }
    }

    /**
     * Creates a reply from a text; each line break (CRLF, CR or LF) starts a new line, so a
     * multi-line text gives a multi-line reply. A single trailing line break is ignored.
     *
     * @param code the reply code, 100..599
     * @param text the text
     * @return the reply
     * @throws IllegalArgumentException if the code is out of range or the text contains NUL
     */
    public static Reply of(int code, String text) {
        return new Reply(ReplyCode.of(code), splitLines(text));
    }

    /**
     * Creates a reply from lines.
     *
     * @param code  the reply code, 100..599
     * @param lines the lines, at least one, none containing CR, LF or NUL
     * @return the reply
     * @throws IllegalArgumentException if the code is out of range or a line is not acceptable
     */
    public static Reply of(int code, List<String> lines) {
        return new Reply(ReplyCode.of(code), lines);
    }

    private static List<String> splitLines(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\n') < 0) {
            return List.of(text); // nearly every reply: one line, nothing to split
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                out.add(text.substring(start, i));
                i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < text.length() || out.isEmpty()) {
            out.add(text.substring(start));
        }
        return out;
    }

    /**
     * Returns the numeric code.
     *
     * @return the code, 100..599
     */
    public int codeValue() {
        return code.value();
    }

    /**
     * Returns the lines joined with {@code "\n"}.
     *
     * @return the whole text
     */
    public String text() {
        return String.join("\n", lines);
    }

    /**
     * Returns the text of the first line.
     *
     * @return the first line
     */
    public String firstLine() {
        return lines.get(0);
    }

    /**
     * Returns the text of the last line.
     *
     * @return the last line
     */
    public String lastLine() {
        return lines.get(lines.size() - 1);
    }

    /**
     * Tells whether this reply has more than one line.
     *
     * @return true for a multi-line reply
     */
    public boolean isMultiline() {
        return lines.size() > 1;
    }

    /**
     * Returns the wire form with CRLF line ends. A single line is {@code "200 text\r\n"}; a
     * multi-line reply (RFC 959 §4.2) is {@code "211-first\r\n"}, the middle lines, then
     * {@code "211 last\r\n"}. RFC 959 §4.2 asks the server to pad a middle line that begins with
     * digits; here every middle line that does not already start with a space gets one leading
     * space, so no middle line can ever look like a final {@code "226 "} line.
     *
     * @return the encoded reply
     */
    public String encode() {
        String c = code.toString();
        if (lines.size() == 1) {
            return c + ' ' + lines.get(0) + "\r\n";
        }
        StringBuilder b = new StringBuilder();
        b.append(c).append('-').append(lines.get(0)).append("\r\n");
        for (int i = 1; i < lines.size() - 1; i++) {
            String middle = lines.get(i);
            if (!middle.startsWith(" ")) {
                b.append(' ');
            }
            b.append(middle).append("\r\n");
        }
        b.append(c).append(' ').append(lastLine()).append("\r\n");
        return b.toString();
    }

    /**
     * Returns the code and the first line, for logs.
     *
     * @return e.g. {@code "226 Transfer complete"}
     */
    @Override
    public String toString() {
        return code + " " + firstLine();
    }
}
