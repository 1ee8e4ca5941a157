package dev.ftpkit.examples.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Median, minimum and maximum of some values (NaN ones left out).
 *
 * @param median the median (mean of the two middle values for an even count)
 * @param min the smallest
 * @param max the largest
 * @param count how many values there were
 */
record Stats(double median, double min, double max, int count) {

    static Stats of(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    static Stats of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** {@code 1234 (1100–1300)}. */
    String format() {
        if (isEmpty()) {
            return "–";
        }
        return number(median) + " (" + number(min) + "–" + number(max) + ")";
    }

    /** {@code 1.05× (0.98–1.10)}. */
    String formatRatio() {
        if (isEmpty()) {
            return "–";
        }
        return ratio(median) + "× (" + ratio(min) + "–" + ratio(max) + ")";
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String number(double value) {
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (magnitude >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
