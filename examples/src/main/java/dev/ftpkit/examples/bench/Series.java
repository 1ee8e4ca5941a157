package dev.ftpkit.examples.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The samples of one trial, one slot per measured round (null where that round failed), and the first error. */
final class Series {

    private final List<Sample> rounds = new ArrayList<>();
    private String firstError;

    void add(Sample sample) {
        rounds.add(sample);
        if (firstError == null && sample.firstFailure() != null) {
            firstError = "round " + rounds.size() + ": " + sample.firstFailure();
        }
    }

    void fail(int round, Exception error) {
        rounds.add(null);
        if (firstError == null) {
            firstError = "round " + round + ": " + error;
        }
    }

    /** A failure in a warm-up round: no slot, but the error is kept for the table. */
    void warmUpFailed(Exception error) {
        if (firstError == null) {
            firstError = "warm-up: " + error;
        }
    }

    List<Sample> rounds() {
        return Collections.unmodifiableList(rounds);
    }

    String firstError() {
        return firstError;
    }

    long failedRounds() {
        return rounds.stream().filter(sample -> sample == null).count();
    }

    long failedOperations() {
        return rounds.stream().filter(sample -> sample != null).mapToLong(Sample::failures).sum();
    }

    Stats stats(Metric metric) {
        List<Double> values = new ArrayList<>();
        for (Sample sample : rounds) {
            values.add(sample == null ? Double.NaN : metric.of(sample));
        }
        return Stats.of(values);
    }

    /** The ratio this / other of the metric, round by round (the rounds both measured), summarised. */
    Stats ratioTo(Series other, Metric metric) {
        List<Double> ratios = new ArrayList<>();
        int rounds = Math.min(this.rounds.size(), other.rounds.size());
        for (int i = 0; i < rounds; i++) {
            Sample mine = this.rounds.get(i);
            Sample theirs = other.rounds.get(i);
            if (mine != null && theirs != null) {
                double ratio = metric.of(mine) / metric.of(theirs);
                // A zero denominator (CPU below one clock tick, on tiny transfers) says nothing: left out.
                if (Double.isFinite(ratio)) {
                    ratios.add(ratio);
                }
            }
        }
        return Stats.of(ratios);
    }
}
