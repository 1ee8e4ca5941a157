package dev.ftpkit.examples.client;

import dev.ftpkit.client.sync.MirrorListener;
import dev.ftpkit.client.sync.MirrorPlan;
import dev.ftpkit.client.sync.MirrorProgress;
import dev.ftpkit.client.sync.MirrorResult;
import dev.ftpkit.examples.Terminal;

import java.io.IOException;
import java.util.Locale;

/**
 * What {@code mirror} prints: the plan on stdout for a dry run; on stderr one progress line on a terminal (files,
 * bytes, rate, ETA; redrawn at most five times a second), skipped entries, failures, and a summary line at the end.
 */
final class MirrorReport implements MirrorListener {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final Terminal io;
    private final boolean quiet;
    private final boolean dryRun;
    private final long started = System.nanoTime();
    private long lastDraw;
    private boolean lineOpen;

    MirrorReport(Terminal io, boolean quiet, boolean dryRun) {
        this.io = io;
        this.quiet = quiet;
        this.dryRun = dryRun;
    }

    @Override
    public void planned(MirrorPlan plan) {
        if (dryRun) {
            for (MirrorPlan.Step step : plan.steps()) {
                io.out().println(step);
            }
            io.out().flush();
        } else if (!quiet) {
            for (MirrorPlan.Step step : plan.skipped()) {
                io.err().println("skipped: " + step.entry().path() + " (" + step.reason() + ")");
            }
        }
    }

    @Override
    public void progress(MirrorProgress progress) {
        if (quiet || !io.errIsTerminal()) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS && progress.filesDone() < progress.filesTotal()) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = progress.bytesDone() / seconds;
        long left = Math.max(0, progress.bytesTotal() - progress.bytesDone());
        long eta = rate > 0 ? (long) (left / rate) : 0;
        io.err().print(String.format(Locale.ROOT, "\rfiles %d/%d  %s / %s  %s/s  ETA %d:%02d   ",
                progress.filesDone(), progress.filesTotal(), ProgressBar.size(progress.bytesDone()),
                ProgressBar.size(progress.bytesTotal()), ProgressBar.size((long) rate), eta / 60, eta % 60));
        io.err().flush();
        lineOpen = true;
    }

    @Override
    public void failed(MirrorPlan.Step step, IOException failure) {
        endLine();
        io.err().println("failed: " + step + ": " + failure.getMessage());
    }

    private void endLine() {
        if (lineOpen) {
            io.err().println();
            lineOpen = false;
        }
    }

    /** The last line: what was done (or, for a dry run, what would be). */
    void summary(MirrorResult result) {
        endLine();
        if (quiet) {
            return;
        }
        MirrorPlan plan = result.plan();
        int removals = plan.replaced().size() + plan.deletions().size();
        if (dryRun) {
            io.err().println(String.format(Locale.ROOT, "dry run: %d files to copy (%s), %d directories to create,"
                    + " %d entries to delete, %d skipped; nothing changed", plan.transfers().size(),
                    ProgressBar.size(plan.bytesToTransfer()), plan.directories().size(), removals,
                    plan.skipped().size()));
            return;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        io.err().println(String.format(Locale.ROOT, "mirror: %d files copied (%s), %d deleted, %d skipped,"
                + " %d failed in %.1f s", result.filesTransferred(), ProgressBar.size(result.bytesTransferred()),
                result.removed(), plan.skipped().size(), result.failures().size(), seconds));
    }
}
