package dev.ftpkit.examples.cli;

import dev.ftpkit.examples.UsageException;

import java.util.Locale;
import java.util.Map;

/**
 * The one parser of every size and rate on the command line: a plain number is bytes, and a suffix multiplies it
 * by a power of ten as vsftpd counts ({@code K} = 1,000, {@code M} = 1,000,000, {@code G} = 1,000,000,000), in
 * either case: {@code --max-rate 5M} is 5,000,000 bytes per second, {@code --quota alice:2G} two billion bytes.
 */
public final class ByteSize {

    /** What the help and the README say about the units. */
    public static final String UNITS = "a plain number is bytes; K = 1,000, M = 1,000,000, G = 1,000,000,000";

    private static final Map<Character, Long> MULTIPLIERS = Map.of('K', 1_000L, 'M', 1_000_000L,
            'G', 1_000_000_000L);

    private ByteSize() {
    }

    /**
     * Parses a size.
     *
     * @param option the option, for the message
     * @param text   digits and an optional suffix
     * @param max    the largest accepted value in bytes
     * @return the bytes
     * @throws UsageException naming the option and the units if the text is not a size within 0..max
     */
    public static long parse(String option, String text, long max) throws UsageException {
        String upper = text.strip().toUpperCase(Locale.ROOT);
        long multiplier = 1;
        String digits = upper;
        if (!upper.isEmpty() && MULTIPLIERS.containsKey(upper.charAt(upper.length() - 1))) {
            multiplier = MULTIPLIERS.get(upper.charAt(upper.length() - 1));
            digits = upper.substring(0, upper.length() - 1);
        }
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new UsageException(option + " needs a number of bytes (" + UNITS + "), got " + text);
        }
        long value = Long.parseLong(digits);
        if (value > max / multiplier) {
            throw new UsageException(option + " must be at most " + max + " bytes, got " + text);
        }
        return value * multiplier;
    }

    /**
     * A converter for {@link ParsedLine#value(CliOption, ParsedLine.Converter, Object)}.
     *
     * @param max the largest accepted value in bytes
     * @return the converter
     */
    public static ParsedLine.Converter<Long> converter(long max) {
        return (option, text) -> parse(option, text, max);
    }
}
