package dev.ftpkit.server.command;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads what a listing shows of a batch of directory entries, a large batch on a few threads at once.
 *
 * <p>Why: a listing is one {@code lstat} per entry, and on the virtual machines this library is measured on a
 * system call costs microseconds, so a 10,000-entry LIST spent most of its time waiting for them one after
 * the other. The entries are split into contiguous slices (the session's own thread takes the first), so the result
 * keeps the directory's order. Small batches stay on the session thread. Helper threads are bounded for the whole
 * server by a semaphore: when every permit is taken, the session thread reads the slice itself, so many concurrent
 * listings cost no more threads than a few.
 */
final class ParallelEntries {

    /** Below this many entries per thread, starting a thread costs more than it saves. */
    static final int ENTRIES_PER_THREAD = 2048;
    private static final int MAX_THREADS = 4;

    /** Reads one entry through a handle of its directory: its info, or null when the listing does not show it. */
    @FunctionalInterface
    interface EntryReader {
        FileInfo read(DirectoryStream<Path> directory, Path entry) throws IOException;
    }

    private ParallelEntries() {
    }

    /**
     * Reads every entry; an entry whose read fails (deleted while listing) is left out.
     *
     * @param entries the directory's entries (one batch)
     * @param reader  reads one entry
     * @param threads makes the helper threads (the server's transfer thread factory)
     * @param helpers the server-wide permits for helper threads; a helper is started only with a permit
     * @return the infos of the shown entries, in the order of {@code entries}
     * @throws InterruptedIOException if the session thread is interrupted while it waits for the helpers
     */
    static List<FileInfo> read(List<Path> entries, DirectoryStream<Path> directory, EntryReader reader,
                               ThreadFactory threads, Semaphore helpers) throws InterruptedIOException {
        int sliceCount = Math.min(Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors()),
                Math.max(1, entries.size() / ENTRIES_PER_THREAD));
        FileInfo[] infos = new FileInfo[entries.size()];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        List<Integer> ownSlices = new ArrayList<>(List.of(0));
        int sliceSize = (entries.size() + sliceCount - 1) / sliceCount;
        for (int s = 1; s < sliceCount; s++) {
            int from = s * sliceSize;
            int to = Math.min(entries.size(), from + sliceSize);
            Thread helper = startHelper(threads, helpers,
                    () -> readSliceWithOwnHandle(entries, from, to, directory, reader, infos, failure));
            if (helper == null) {
                ownSlices.add(s);
            } else {
                started.add(helper);
            }
        }
        for (int s : ownSlices) {
            int from = s * sliceSize;
            readSlice(entries, from, Math.min(entries.size(), from + sliceSize), directory, reader, infos, failure);
        }
        for (Thread helper : started) {
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading a directory");
            }
        }
        rethrow(failure.get());
        List<FileInfo> shown = new ArrayList<>(infos.length);
        for (FileInfo info : infos) {
            if (info != null) {
                shown.add(info);
            }
        }
        return shown;
    }

    /** Starts a helper if a permit is free and a thread can be made, else null (the caller reads the slice). */
    private static Thread startHelper(ThreadFactory threads, Semaphore helpers, Runnable slice) {
        if (!helpers.tryAcquire()) {
            return null;
        }
        try {
            Thread helper = threads.newThread(() -> {
                try {
                    slice.run();
                } finally {
                    helpers.release();
                }
            });
            helper.start();
            return helper;
        } catch (RuntimeException | OutOfMemoryError noThread) {
            helpers.release(); // the slice never ran: its permit is still held here
            return null;
        }
    }

    /** A helper's failure, thrown on the session thread: an entry must never go missing silently. */
    private static void rethrow(Throwable failure) {
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure instanceof RuntimeException e) {
            throw e;
        }
    }

    /**
     * A helper's slice, read through a handle of its own on the same directory (opened from the session's handle,
     * so it is the very directory the listing opened). Why: the JDK guards each handle with a read-write lock, and
     * a read lock that two threads hold at once is counted in a thread-local for each acquisition; sharing one handle
     * spent a fifth of a 10,000-entry LIST's CPU on that bookkeeping (Java 17, JFR). Where no handle can be opened,
     * the shared one is used.
     */
    private static void readSliceWithOwnHandle(List<Path> entries, int from, int to, DirectoryStream<Path> directory,
                                               EntryReader reader, FileInfo[] infos,
                                               AtomicReference<Throwable> failure) {
        try (DirectoryStream<Path> own = ownHandle(directory)) {
            readSlice(entries, from, to, own == null ? directory : own, reader, infos, failure);
        } catch (IOException closing) {
            // a read-only handle: nothing was written that a failed close could lose
        }
    }

    /** A handle of its own on the directory, opened from {@code directory}; null where none can be opened. */
    private static DirectoryStream<Path> ownHandle(DirectoryStream<Path> directory) {
        if (directory instanceof SecureDirectoryStream<Path> handle) {
            try {
                return handle.newDirectoryStream(Path.of("."), LinkOption.NOFOLLOW_LINKS);
            } catch (IOException | RuntimeException noHandle) {
                return null;
            }
        }
        return null;
    }

    private static void readSlice(List<Path> entries, int from, int to, DirectoryStream<Path> directory,
                                  EntryReader reader, FileInfo[] infos, AtomicReference<Throwable> failure) {
        try {
            for (int i = from; i < to; i++) {
                try {
                    infos[i] = reader.read(directory, entries.get(i));
                } catch (IOException vanished) {
                    infos[i] = null; // deleted while listing
                }
            }
        } catch (RuntimeException | Error e) {
            // an OutOfMemoryError on a helper too: left unreported, its slice would be missing from a 226 listing
            failure.compareAndSet(null, e);
        }
    }
}
