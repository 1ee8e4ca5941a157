package dev.ftpkit.client.sync;

import dev.ftpkit.client.TransferListener;
import dev.ftpkit.client.TransferProgress;

import java.util.OptionalLong;

/** The progress of one file fetched by several threads: their bytes summed, reported one call at a time. */
final class SummedProgress {

    private final String remote;
    private final TransferListener listener;
    private final long offset;
    private final long total;
    private long bytes;

    SummedProgress(String remote, TransferListener listener, long offset, long total) {
        this.remote = remote;
        this.listener = listener;
        this.offset = offset;
        this.total = total;
        report();
    }

    synchronized void add(long n) {
        bytes += n;
        report();
    }

    private void report() {
        if (listener != TransferListener.NONE) {
            listener.progress(new TransferProgress(remote, TransferProgress.Direction.DOWNLOAD, offset, bytes,
                    OptionalLong.of(total)));
        }
    }
}
