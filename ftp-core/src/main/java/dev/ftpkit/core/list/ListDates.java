package dev.ftpkit.core.list;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Dates as listings show them: English month abbreviations, years left out for recent files. */
final class ListDates {
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
            Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
            Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

    private final ZoneId zone;
    private final Instant now;

    ListDates(ZoneId zone, Instant now) {
        this.zone = zone;
        this.now = now;
    }

    ZoneId zone() {
        return zone;
    }

    Instant now() {
        return now;
    }

    /** 1..12 for an English three-letter month abbreviation (any case), else -1. */
    static int month(String token) {
        return token.length() == 3 ? MONTHS.getOrDefault(token.toLowerCase(Locale.ROOT), -1) : -1;
    }

    /** A date and time in this zone; empty if no such date exists (Feb 30). */
    Optional<Instant> at(int year, int month, int day, int hour, int minute) {
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A date and time with seconds in this zone; empty if no such date exists. */
    Optional<Instant> at(int year, int month, int day, int hour, int minute, int second) {
        try {
            return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * An {@code ls -l} style date: month, day, then a four-digit year (midnight of that day) or {@code H:MM}
     * (a recent date, see {@link #withoutYear}); empty if {@code yearOrTime} is neither or the date does not exist.
     */
    Optional<Instant> monthDay(int month, int day, String yearOrTime) {
        int colon = yearOrTime.indexOf(':');
        if (colon < 0) {
            int year = yearOrTime.length() == 4 ? Tokens.smallNumber(yearOrTime) : -1;
            return year < 0 ? Optional.empty() : at(year, month, day, 0, 0);
        }
        int hour = Tokens.smallNumber(yearOrTime.substring(0, colon));
        int minute = Tokens.smallNumber(yearOrTime.substring(colon + 1));
        if (colon > 2 || yearOrTime.length() != colon + 3 || hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return Optional.empty();
        }
        return withoutYear(month, day, hour, minute);
    }

    /**
     * A date shown without a year ({@code Nov 24 10:00}). {@code ls -l} shows the time instead of the year for files
     * modified within the last six months, so the year is the one (of last, this and next year) that puts the date
     * nearest to "now": a date more than about six months after now belongs to the previous year. Next year covers
     * a server clock a little ahead of ours around New Year.
     */
    Optional<Instant> withoutYear(int month, int day, int hour, int minute) {
        int year = LocalDate.ofInstant(now, zone).getYear();
        Optional<Instant> best = Optional.empty();
        for (int y = year - 1; y <= year + 1; y++) {
            Optional<Instant> candidate = at(y, month, day, hour, minute);
            if (candidate.isPresent() && (best.isEmpty() || distance(candidate.get()) < distance(best.get()))) {
                best = candidate;
            }
        }
        return best;
    }

    /** Maps a two-digit year into the century window [now - 80 years, now + 20 years). */
    int fullYear(int twoDigitYear) {
        int nowYear = LocalDate.ofInstant(now, zone).getYear();
        int year = (nowYear / 100) * 100 + twoDigitYear;
        if (year >= nowYear + 20) {
            year -= 100;
        } else if (year < nowYear - 80) {
            year += 100;
        }
        return year;
    }

    private long distance(Instant t) {
        return Duration.between(now, t).abs().getSeconds();
    }
}
