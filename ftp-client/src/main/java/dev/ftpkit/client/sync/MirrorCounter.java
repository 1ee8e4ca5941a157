package dev.ftpkit.client.sync;

import dev.ftpkit.client.TransferProgress;

/**
 * Sums the progress of the mirror's workers into one {@link MirrorProgress}. Each worker reports its own
 * transfers; a retried transfer's first report (bytes 0, at its offset) starts counting from where the previous
 * attempt's bytes were already counted, and a file's count is set right when it finishes or fails.
 */
final class MirrorCounter {

    private final MirrorListener listener;
    private final int filesTotal;
    private final long bytesTotal;
    private final long[] lastPosition;
    private final long[] countedForFile;
    private int filesDone;
    private long bytesDone;

    MirrorCounter(MirrorListener listener, MirrorPlan plan, int workers) {
        this.listener = listener;
        this.filesTotal = plan.transfers().size();
        this.bytesTotal = plan.bytesToTransfer();
        this.lastPosition = new long[workers];
        this.countedForFile = new long[workers];
    }

    synchronized void fileStarted(int worker) {
        lastPosition[worker] = 0;
        countedForFile[worker] = 0;
    }

    synchronized void moved(int worker, TransferProgress progress) {
        if (progress.bytes() == 0) {
            lastPosition[worker] = progress.offset();
        }
        long delta = progress.position() - lastPosition[worker];
        lastPosition[worker] = progress.position();
        countedForFile[worker] += delta;
        bytesDone += delta;
        report();
    }

    synchronized void fileEnded(int worker, long size, boolean succeeded) {
        bytesDone += (succeeded ? size : 0) - countedForFile[worker];
        countedForFile[worker] = 0;
        filesDone++;
        report();
    }

    private void report() {
        listener.progress(new MirrorProgress(filesDone, filesTotal, bytesDone, bytesTotal));
    }
}
