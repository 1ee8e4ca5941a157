package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpEndpoint;
import dev.ftpkit.client.FileHash;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.TransferListener;
import dev.ftpkit.client.TransferType;
import dev.ftpkit.client.internal.ServerHashes;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Downloads one file over several connections at once: the file is cut into {@code segments} byte ranges, and each
 * range is fetched on its own connection ({@code REST start}, {@code RETR}, then ABOR once the range's last byte has
 * come; the last range reads to the end) and written in place with positional writes.
 *
 * <p><b>Verification:</b> when the server offers HASH, XSHA256, XSHA1, XMD5 or XCRC, the finished file's hash is
 * compared with the server's; otherwise its size is compared with SIZE. A mismatch throws and removes the resume
 * state (the bytes are wrong, resuming would not help).
 *
 * <p><b>Resume:</b> the ranges written so far are recorded in a sidecar file next to the target,
 * {@code LOCAL.ftpkit-segments} ({@code done START END} lines, rewritten after each range or failed attempt, once
 * the bytes are forced to disk). Running the same download again after a failure or a crash fetches only the ranges
 * not recorded; a range that was being fetched when the process died is fetched again from its last record. The
 * sidecar is removed when the download completes; a sidecar for another remote size is ignored.
 *
 * <p><b>Retry:</b> each range is retried on its own after a transient failure, resuming at the byte it reached,
 * under the {@link RetryPolicy}.
 *
 * <pre>{@code
 * SegmentedDownload.builder(FtpEndpoint.anonymous(FtpClientConfig.defaults(), "ftp.example.com", 21),
 *         "pub/big.iso", Path.of("big.iso")).segments(4).retry(RetryPolicy.retries(3)).build().run();
 * }</pre>
 */
public final class SegmentedDownload {

    /** The most segments allowed: each is a connection, and servers limit connections per address. */
    public static final int MAX_SEGMENTS = 64;

    private final FtpEndpoint endpoint;
    private final String remote;
    private final Path local;
    private final int segments;
    private final RetryPolicy retry;
    private final TransferListener listener;
    private final boolean verify;

    private SegmentedDownload(Builder builder) {
        this.endpoint = builder.endpoint;
        this.remote = builder.remote;
        this.local = builder.local;
        this.segments = builder.segments;
        this.retry = builder.retry;
        this.listener = builder.listener;
        this.verify = builder.verify;
    }

    /**
     * Starts a builder.
     *
     * @param endpoint where to connect; its transfer type must be binary
     * @param remote   the remote file
     * @param local    the local file, written in place
     * @return the builder
     */
    public static Builder builder(FtpEndpoint endpoint, String remote, Path local) {
        return new Builder(endpoint, remote, local);
    }

    /**
     * What a download did.
     *
     * @param size          the file's size
     * @param segments      how many ranges the file was cut into
     * @param bytesReceived the bytes this run fetched (less than {@code size} after a resume)
     * @param verifiedHash  the hash the file was checked with, or empty when it was checked by size only
     */
    public record Result(long size, int segments, long bytesReceived, Optional<FileHash> verifiedHash) {
    }

    /**
     * Runs the download.
     *
     * @return what it did
     * @throws IOException if a range fails for good, the local file cannot be written, or verification fails
     */
    public Result run() throws IOException {
        FtpClient first = endpoint.connect(TransferListener.NONE);
        List<FtpClient> open = new CopyOnWriteArrayList<>(List.of(first));
        try {
            long size = first.size(remote);
            boolean hashOffered = verify && ServerHashes.offered(first.features());
            SegmentState state = SegmentState.load(local, size);
            int count = (int) Math.max(1, Math.min(segments, size));
            long alreadyDone = state.doneBytes();
            try (FileChannel channel = open(alreadyDone == 0)) {
                List<long[]> work = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    work.addAll(state.missing(size * i / count, size * (i + 1) / count));
                }
                RangeFetcher fetcher = new RangeFetcher(endpoint, remote, size, channel, state, retry,
                        new SummedProgress(remote, listener, alreadyDone, size), open);
                fetchAll(fetcher, work, first, count);
                channel.force(true);
                if (channel.size() != size) {
                    throw new IOException(local + " has " + channel.size() + " bytes, the server says " + size);
                }
            }
            Optional<FileHash> hash = hashOffered ? verifyHash(state) : Optional.empty();
            state.delete();
            return new Result(size, count, size - alreadyDone, hash);
        } finally {
            for (FtpClient client : open) {
                client.close();
            }
        }
    }

    private FileChannel open(boolean fresh) throws IOException {
        FileChannel channel = FileChannel.open(local, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (fresh) {
            channel.truncate(0);
        }
        return channel;
    }

    /** Runs one task per range on at most {@code threads} threads; the first connection goes to the first task. */
    private static void fetchAll(RangeFetcher fetcher, List<long[]> work, FtpClient first, int threads)
            throws IOException {
        if (work.isEmpty()) {
            return;
        }
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, work.size()), task -> {
            Thread thread = new Thread(task, "ftpkit-segment-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < work.size(); i++) {
                long[] range = work.get(i);
                FtpClient given = i == 0 ? first : null;
                results.add(pool.submit(() -> {
                    fetcher.fetch(range[0], range[1], given);
                    return null;
                }));
            }
            for (Future<Void> result : results) {
                awaitRange(result, fetcher);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitRange(Future<Void> result, RangeFetcher fetcher) throws IOException {
        try {
            result.get();
        } catch (ExecutionException e) {
            // One range failed for good: stop the others by closing their connections, then report.
            fetcher.closeAll();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fetcher.closeAll();
            throw new java.io.InterruptedIOException("interrupted during a segmented download");
        }
    }

    private Optional<FileHash> verifyHash(SegmentState state) throws IOException {
        try (FtpClient client = endpoint.connect(TransferListener.NONE)) {
            Optional<FileHash> expected = client.hash(remote);
            if (expected.isPresent() && !expected.get().matches(local)) {
                state.delete();
                throw new IOException(local + " does not match the server's " + expected.get().algorithm()
                        + " hash " + expected.get().hex() + ": the download is corrupt");
            }
            client.quit();
            return expected;
        }
    }

    /** Builds a {@link SegmentedDownload}. */
    public static final class Builder {
        private final FtpEndpoint endpoint;
        private final String remote;
        private final Path local;
        private int segments = 4;
        private RetryPolicy retry = RetryPolicy.NONE;
        private TransferListener listener = TransferListener.NONE;
        private boolean verify = true;

        private Builder(FtpEndpoint endpoint, String remote, Path local) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            this.remote = Objects.requireNonNull(remote, "remote");
            this.local = Objects.requireNonNull(local, "local");
        }

        /**
         * How many ranges (and connections) to use; default 4. A file smaller than that many bytes uses fewer.
         *
         * @param n 1..{@value SegmentedDownload#MAX_SEGMENTS}
         * @return this builder
         * @throws IllegalArgumentException if {@code n} is out of range
         */
        public Builder segments(int n) {
            if (n < 1 || n > MAX_SEGMENTS) {
                throw new IllegalArgumentException("segments must be within 1.." + MAX_SEGMENTS + ": " + n);
            }
            this.segments = n;
            return this;
        }

        /**
         * How to retry a range after a transient failure; default {@link RetryPolicy#NONE}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder retry(RetryPolicy policy) {
            this.retry = Objects.requireNonNull(policy, "retry");
            return this;
        }

        /**
         * Told the whole file's progress (all ranges summed; offset = the bytes a resume did not fetch again),
         * from the downloading threads, one call at a time.
         *
         * @param progress the listener; default {@link TransferListener#NONE}
         * @return this builder
         */
        public Builder listener(TransferListener progress) {
            this.listener = Objects.requireNonNull(progress, "listener");
            return this;
        }

        /**
         * Whether to compare the finished file with the server's hash when it offers one (default true); the size
         * is always compared.
         *
         * @param on true to verify with the hash
         * @return this builder
         */
        public Builder verify(boolean on) {
            this.verify = on;
            return this;
        }

        /**
         * Builds the download.
         *
         * @return the download, ready to {@link SegmentedDownload#run()}
         * @throws IllegalArgumentException if the endpoint's transfer type is not binary (offsets count stored bytes)
         */
        public SegmentedDownload build() {
            if (endpoint.config().transferType() != TransferType.BINARY) {
                throw new IllegalArgumentException("endpoint: a segmented download needs the binary transfer type");
            }
            return new SegmentedDownload(this);
        }
    }
}
