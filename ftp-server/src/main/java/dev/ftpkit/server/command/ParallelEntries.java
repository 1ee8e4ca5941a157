package dev.ftpkit.server.command;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads what a listing shows of a directory's entries, a large directory on a few threads at once.
 *
 * <p>Why: a listing is one {@code lstat} per entry, and on the virtual machines this library is measured on a
 * system call costs microseconds, so a 10,000-entry LIST spent most of its time waiting for them one after
 * the other. The entries are split into contiguous slices, one per thread (the session's own thread takes the
 * first), so the result keeps the directory's order. Small directories stay on the session thread.
 */
final class ParallelEntries {

    /** Below this many entries per thread, starting a thread costs more than it saves. */
    static final int ENTRIES_PER_THREAD = 2048;
    private static final int MAX_THREADS = 4;

    /** Reads one entry: its info, or null when the listing does not show it. */
    @FunctionalInterface
    interface EntryReader {
        FileInfo read(Path entry) throws IOException;
    }

    private ParallelEntries() {
    }

    /**
     * Reads every entry; an entry whose read fails (deleted while listing) is left out.
     *
     * @param entries the directory's entries
     * @param reader  reads one entry
     * @param threads makes the helper threads (the server's session thread factory)
     * @return the infos of the shown entries, in the order of {@code entries}
     * @throws InterruptedIOException if the session thread is interrupted while it waits for the helpers
     */
    static List<FileInfo> read(List<Path> entries, EntryReader reader, ThreadFactory threads)
            throws InterruptedIOException {
        int threadCount = Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()),
                Math.max(1, entries.size() / ENTRIES_PER_THREAD));
        FileInfo[] infos = new FileInfo[entries.size()];
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> helpers = new ArrayList<>();
        int sliceSize = (entries.size() + threadCount - 1) / threadCount;
        for (int t = 1; t < threadCount; t++) {
            int from = t * sliceSize;
            int to = Math.min(entries.size(), from + sliceSize);
            Thread helper = threads.newThread(() -> readSlice(entries, from, to, reader, infos, failure));
            helper.start();
            helpers.add(helper);
        }
        readSlice(entries, 0, Math.min(entries.size(), sliceSize), reader, infos, failure);
        for (Thread helper : helpers) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading a directory");
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<FileInfo> shown = new ArrayList<>(infos.length);
        for (FileInfo info : infos) {
            if (info != null) {
                shown.add(info);
            }
        }
        return shown;
    }

    private static void readSlice(List<Path> entries, int from, int to, EntryReader reader, FileInfo[] infos,
                                  AtomicReference<RuntimeException> failure) {
        try {
            for (int i = from; i < to; i++) {
                try {
                    infos[i] = reader.read(entries.get(i));
                } catch (IOException vanished) {
                    infos[i] = null; // deleted while listing
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }
}
