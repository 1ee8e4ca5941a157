package dev.ftpkit.examples.client;

import dev.ftpkit.client.TransferListener;
import dev.ftpkit.client.TransferProgress;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar on a terminal: bytes, rate, ETA; redrawn at most five times a second, always on
 * stderr (never mixed into data written to stdout). */
final class ProgressBar implements TransferListener {

    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream err;
    private long started;
    private long lastDraw;
    private boolean drawn;
    private TransferProgress last;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(TransferProgress progress) {
        long now = System.nanoTime();
        if (progress.bytes() == 0 && !drawn) {
            started = now;
        }
        last = progress;
        if (!progress.isComplete() && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        draw(progress, now);
    }

    private void draw(TransferProgress progress, long now) {
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = progress.bytes() / seconds;
        StringBuilder line = new StringBuilder("\r");
        // A resumed transfer starts at its offset: the bar shows where in the whole file it is.
        long position = progress.position();
        if (progress.total().isPresent()) {
            long total = progress.total().getAsLong();
            int percent = total == 0 ? 100 : (int) Math.min(100, position * 100 / total);
            int filled = percent / 5;
            line.append('[').append("#".repeat(filled)).append(" ".repeat(20 - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", percent));
            line.append(size(position)).append(" / ").append(size(total));
            if (rate > 0 && !progress.isComplete()) {
                long eta = (long) ((total - position) / rate);
                line.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
            }
        } else {
            line.append(size(position));
        }
        line.append("  ").append(size((long) rate)).append("/s   ");
        err.print(line);
        err.flush();
        drawn = true;
    }

    /** Draws the last state (a short or resumed transfer may never have been drawn since its start), ends the line. */
    synchronized void finish() {
        if (last != null) {
            draw(last, System.nanoTime());
        }
        if (drawn) {
            err.println();
        }
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
