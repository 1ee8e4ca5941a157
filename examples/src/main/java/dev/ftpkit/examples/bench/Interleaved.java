package dev.ftpkit.examples.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs trials in interleaved rounds (A B C, B C A, C A B, ...): every round measures every trial once, so a
 * machine that slows down or speeds up during the run affects all contenders alike and ratios within a round hold.
 * The first rounds are warm-up (JIT, page cache) and not recorded.
 */
final class Interleaved {

    /** Something to measure once per round. */
    interface Body {
        Sample run() throws Exception;
    }

    /** A trial: which series it fills and how to measure it once. */
    record Trial(String operation, String contender, Body body, Runnable cleanup) {
        Trial(String operation, String contender, Body body) {
            this(operation, contender, body, () -> { });
        }
    }

    private Interleaved() {
    }

    static void run(String group, List<Trial> trials, int warmups, int rounds, Results results, PrintStream progress) {
        for (int round = -warmups; round < rounds; round++) {
            List<Trial> order = new ArrayList<>(trials);
            if (round > 0) {
                java.util.Collections.rotate(order, -round);
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s %s:", group,
                    round < 0 ? "warm-up" : "round " + (round + 1) + "/" + rounds));
            for (Trial trial : order) {
                Series series = results.series(group, trial.operation(), trial.contender());
                try {
                    Sample sample = trial.body().run();
                    if (round >= 0) {
                        series.add(sample);
                    }
                    line.append(' ').append(trial.contender()).append(' ').append(trial.operation()).append(' ')
                            .append(Stats.number(sample.seconds() * 1000)).append("ms");
                } catch (Exception e) {
                    if (round >= 0) {
                        series.fail(round + 1, e);
                    } else {
                        series.warmUpFailed(e);
                    }
                    line.append(' ').append(trial.contender()).append(' ').append(trial.operation()).append(" FAILED(")
                            .append(e.getMessage()).append(')');
                } finally {
                    trial.cleanup().run();
                }
            }
            progress.println(line);
        }
    }
}
