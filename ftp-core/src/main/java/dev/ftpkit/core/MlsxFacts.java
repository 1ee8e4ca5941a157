package dev.ftpkit.core;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** Parsing helpers for the fact list of an MLSx entry (RFC 3659 §7.2). Not public API. */
final class MlsxFacts {
    /** RFC 3659 §7.5.1: the type values naming directories. */
    static final Set<String> DIRECTORY_TYPES = Set.of("dir", "cdir", "pdir");

    private MlsxFacts() {
    }

    /**
     * Splits {@code fact;fact;...} into lower-cased names and values; the final ';' required by the grammar is
     * tolerated when missing.
     */
    static Map<String, String> parse(String facts) throws FtpProtocolException {
        Map<String, String> result = new LinkedHashMap<>();
        int start = 0;
        while (start < facts.length()) {
            int end = facts.indexOf(';', start);
            if (end < 0) {
                end = facts.length();
            }
            String fact = facts.substring(start, end);
            int eq = fact.indexOf('=');
            if (eq <= 0) {
                throw new FtpProtocolException("MLSx fact without name=value: " + Text.excerpt(fact));
            }
            String name = fact.substring(0, eq).toLowerCase(Locale.ROOT);
            if (result.putIfAbsent(name, fact.substring(eq + 1)) != null) {
                throw new FtpProtocolException("Duplicate MLSx fact: " + Text.excerpt(name));
            }
            start = end + 1;
        }
        return result;
    }

    static boolean isWellFormed(String facts) {
        try {
            parse(facts);
            return true;
        } catch (FtpProtocolException e) {
            return false;
        }
    }

    static OptionalLong parseSize(String value) {
        if (value.isEmpty() || value.length() > 19 || indexOfNonDigit(value) >= 0) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // 19 digits above Long.MAX_VALUE
        }
    }

    static Optional<Instant> parseTime(String value) {
        try {
            return Optional.of(FtpTime.parse(value));
        } catch (FtpProtocolException e) {
            return Optional.empty();
        }
    }

    static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfNonDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return i;
            }
        }
        return -1;
    }

}
