package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpEndpoint;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.TransferListener;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * Fetches one byte range of a remote file into its place in the local file: REST at the range's start, RETR, read
 * up to the range's end, then close the stream (which aborts the transfer unless the range ends the file). Retries
 * resume at the byte reached; every attempt records what it wrote in the {@link SegmentState}.
 */
final class RangeFetcher {

    private static final int BUFFER = 64 * 1024;

    private final FtpEndpoint endpoint;
    private final String remote;
    private final long size;
    private final FileChannel channel;
    private final SegmentState state;
    private final RetryPolicy retry;
    private final SummedProgress progress;
    private final List<FtpClient> open;

    RangeFetcher(FtpEndpoint endpoint, String remote, long size, FileChannel channel, SegmentState state,
                 RetryPolicy retry, SummedProgress progress, List<FtpClient> open) {
        this.endpoint = endpoint;
        this.remote = remote;
        this.size = size;
        this.channel = channel;
        this.state = state;
        this.retry = retry;
        this.progress = progress;
        this.open = open;
    }

    /** Fetches {@code [start, end)}; {@code given} is an open connection to use first, or null. */
    void fetch(long start, long end, FtpClient given) throws IOException {
        long[] position = {start};
        FtpClient[] client = {given};
        try {
            retry.run(attempt -> {
                if (client[0] == null || !client[0].isConnected()) {
                    client[0] = endpoint.connect(TransferListener.NONE);
                    open.add(client[0]);
                }
                long attemptStart = position[0];
                try {
                    copy(client[0], position, end);
                } catch (IOException | RuntimeException e) {
                    // The next attempt opens a new connection: this one may be out of step.
                    client[0].close();
                    throw e;
                } finally {
                    channel.force(false);
                    state.record(attemptStart, position[0]);
                }
                return null;
            });
        } finally {
            if (client[0] != null) {
                Connections.quitQuietly(client[0]);
            }
        }
    }

    private void copy(FtpClient client, long[] position, long end) throws IOException {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = client.retrieve(remote, position[0])) {
            while (position[0] < end) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, end - position[0]));
                if (n < 0) {
                    throw new IOException("the data of " + remote + " ended at byte " + position[0]
                            + ", before the size the server announced (" + size + ")");
                }
                ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                // Bounded: each write moves at least one byte of the n buffered, or throws.
                while (bytes.hasRemaining()) {
                    channel.write(bytes, position[0] + bytes.position());
                }
                position[0] += n;
                progress.add(n);
            }
            if (end == size && in.read(buffer) >= 0) {
                throw new IOException(remote + " is longer than the size the server announced (" + size + ")");
            }
        }
    }

    /** Closes every connection the fetchers opened, so the ranges still running fail fast. */
    void closeAll() {
        for (FtpClient client : open) {
            client.close();
        }
    }
}
