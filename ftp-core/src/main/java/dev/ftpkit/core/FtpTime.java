package dev.ftpkit.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;

/**
 * The FTP time value of RFC 3659 §2.3, used by MDTM replies and the {@code modify}/{@code create} MLSx facts.
 *
 * <p>Grammar: {@code time-val = 14DIGIT [ "." 1*DIGIT ]}, i.e. {@code YYYYMMDDHHMMSS} optionally followed by a
 * fraction of a second. Time values are always UTC (RFC 3659 §2.3). Example: {@code 20210203040506} or, as Apache
 * FtpServer sends it, {@code 20210203040506.000}.
 */
public final class FtpTime {
    /** RFC 3659 §2.3: "Years in the tenth century, and earlier, cannot be expressed." */
    private static final int MIN_YEAR = 1000;
    private static final int MAX_YEAR = 9999;
    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int DIGITS = 14;

    private FtpTime() {
    }

    /**
     * Parses an RFC 3659 time value.
     *
     * <p>Every field is range-checked (month 01-12, a day that exists in that month, hour 00-23, minute 00-59,
     * second 00-60). RFC 3659 §2.3 allows second 60 for a leap second; {@link Instant} has no leap seconds, so it is
     * read as second 59. Up to nine fraction digits (nanoseconds) are accepted.
     *
     * @param text the time value, e.g. {@code 20261124120000} or {@code 20261124120000.123}
     * @return the instant it denotes (UTC)
     * @throws FtpProtocolException if the text is not a valid time value
     */
    public static Instant parse(String text) throws FtpProtocolException {
        Objects.requireNonNull(text, "text");
        if (text.length() < DIGITS || !allDigits(text, 0, DIGITS)) {
            throw invalid(text, "expected 14 digits YYYYMMDDHHMMSS");
        }
        int nanos = parseFraction(text);
        int year = number(text, 0, 4);
        int second = number(text, 12, 14);
        if (year < MIN_YEAR) {
            throw invalid(text, "year before 1000");
        }
        if (second == 60) {
            second = 59; // RFC 3659 §2.3: 60 only at a leap second, which Instant cannot represent
        }
        try {
            return LocalDateTime.of(year, number(text, 4, 6), number(text, 6, 8),
                            number(text, 8, 10), number(text, 10, 12), second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new FtpProtocolException("Invalid time value " + Text.excerpt(text) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Formats an instant as {@code YYYYMMDDHHMMSS} (UTC), dropping any fraction of a second.
     *
     * @param instant the instant to format
     * @return the 14-digit time value
     * @throws IllegalArgumentException if the year is outside 1000..9999 (not expressible, RFC 3659 §2.3)
     */
    public static String format(Instant instant) {
        return formatSeconds(instant);
    }

    /**
     * Formats an instant as {@code YYYYMMDDHHMMSS.sss} (UTC) with exactly three fraction digits (milliseconds,
     * truncated), the form Apache FtpServer uses.
     *
     * @param instant the instant to format
     * @return the time value with milliseconds
     * @throws IllegalArgumentException if the year is outside 1000..9999 (not expressible, RFC 3659 §2.3)
     */
    public static String formatWithMillis(Instant instant) {
        String seconds = formatSeconds(instant);
        int millis = instant.truncatedTo(ChronoUnit.MILLIS).getNano() / 1_000_000;
        return seconds + "." + String.format(Locale.ROOT, "%03d", millis);
    }

    private static String formatSeconds(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        LocalDateTime t;
        try {
            t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("Instant out of range for an FTP time value: " + instant, e);
        }
        if (t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR) {
            throw new IllegalArgumentException("Year " + t.getYear() + " cannot be expressed (RFC 3659 §2.3)");
        }
        // digit by digit rather than String.format: servers format one of these per entry of an MLSD listing
        char[] digits = new char[DIGITS];
        putDigits(digits, 0, t.getYear(), 4);
        putDigits(digits, 4, t.getMonthValue(), 2);
        putDigits(digits, 6, t.getDayOfMonth(), 2);
        putDigits(digits, 8, t.getHour(), 2);
        putDigits(digits, 10, t.getMinute(), 2);
        putDigits(digits, 12, t.getSecond(), 2);
        return new String(digits);
    }

    private static void putDigits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** RFC 3659 §2.3: the "." MUST NOT appear unless at least one digit follows it. */
    private static int parseFraction(String text) throws FtpProtocolException {
        if (text.length() == DIGITS) {
            return 0;
        }
        int digits = text.length() - DIGITS - 1;
        if (text.charAt(DIGITS) != '.' || digits < 1 || !allDigits(text, DIGITS + 1, text.length())) {
            throw invalid(text, "expected '.' and fraction digits after the seconds");
        }
        if (digits > MAX_FRACTION_DIGITS) {
            throw invalid(text, "more than 9 fraction digits");
        }
        int nanos = number(text, DIGITS + 1, text.length());
        for (int i = digits; i < MAX_FRACTION_DIGITS; i++) {
            nanos *= 10;
        }
        return nanos;
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Text.isAsciiDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Only called on ranges already checked by {@link #allDigits}; at most 9 digits, so no overflow. */
    private static int number(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private static FtpProtocolException invalid(String text, String why) {
        return new FtpProtocolException("Invalid time value " + Text.excerpt(text) + ": " + why);
    }
}
