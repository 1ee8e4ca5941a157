package dev.ftpkit.core.list;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Easily Parsed LIST Format (D. J. Bernstein, https://cr.yp.to/ftp/list/eplf.html):
 * {@code +facts,\tname}, where facts are comma-separated and each starts with a letter: {@code /} (a directory),
 * {@code r} (a retrievable file), {@code s} size in octets, {@code m} modification time in seconds since the
 * epoch (UTC), {@code i} an identifier, {@code up} the Unix permission bits in octal. Unknown facts are ignored.
 */
final class EplfLineParser implements LineParser {
    private static final String RWX = "rwxrwxrwx";

    @Override
    public Optional<ListEntry> parse(String line) {
        int tab = line.indexOf('\t');
        if (!line.startsWith("+") || tab < 0 || tab == line.length() - 1) {
            return Optional.empty();
        }
        boolean directory = false;
        boolean retrievable = false;
        OptionalLong size = OptionalLong.empty();
        Optional<Instant> modified = Optional.empty();
        Optional<String> permissions = Optional.empty();
        for (String fact : line.substring(1, tab).split(",", -1)) {
            if (fact.equals("/")) {
                directory = true;
            } else if (fact.equals("r")) {
                retrievable = true;
            } else if (fact.startsWith("s")) {
                size = number(fact.substring(1));
                if (size.isEmpty()) {
                    return Optional.empty();
                }
            } else if (fact.startsWith("m")) {
                OptionalLong seconds = number(fact.substring(1));
                if (seconds.isEmpty() || seconds.getAsLong() > Instant.MAX.getEpochSecond()) {
                    return Optional.empty();
                }
                modified = Optional.of(Instant.ofEpochSecond(seconds.getAsLong()));
            } else if (fact.startsWith("up")) {
                permissions = mode(fact.substring(2));
            }
        }
        EntryType type = directory ? EntryType.DIRECTORY : retrievable ? EntryType.FILE : EntryType.UNKNOWN;
        return Optional.of(new ListEntry(type, line.substring(tab + 1), size, modified, Optional.empty(),
                permissions, Optional.empty(), Optional.empty(), line, ListFormat.EPLF));
    }

    private static OptionalLong number(String digits) {
        if (digits.length() > 19 || !Tokens.isDigits(digits)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // 19 digits above Long.MAX_VALUE
        }
    }

    /** Octal permission bits (e.g. {@code 644}) as {@code rw-r--r--}; empty if not octal. */
    private static Optional<String> mode(String octal) {
        if (octal.isEmpty() || octal.length() > 4 || !octal.chars().allMatch(c -> c >= '0' && c <= '7')) {
            return Optional.empty();
        }
        int bits = Integer.parseInt(octal, 8) & 0777;
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            sb.append((bits & (1 << (8 - i))) != 0 ? RWX.charAt(i) : '-');
        }
        return Optional.of(sb.toString());
    }
}
