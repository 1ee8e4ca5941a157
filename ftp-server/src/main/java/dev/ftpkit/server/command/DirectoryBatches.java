package dev.ftpkit.server.command;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * A directory's shown entries, read in batches of at most {@link #BATCH} entries, so that a listing holds a bounded
 * number of them whatever the size of the directory (issue 13: twelve listings of 100,000 entries, each read whole,
 * exhausted a 512 MiB heap). A directory that fits in one batch comes sorted by name; a larger one comes in the
 * order the file system returns it, since sorting it would mean holding it whole.
 */
final class DirectoryBatches implements ListingCommands.Entries {

    /** Entries read per batch: a few MiB of infos, and enough for four reading threads (ParallelEntries). */
    static final int BATCH = 8192;

    private final DirectoryStream<Path> stream;
    private final Iterator<Path> entries;
    private final ParallelEntries.EntryReader reader;
    private final ThreadFactory threads;
    private final Semaphore helpers;
    private boolean first = true;

    /**
     * Reads an open directory (opened before any 150, so that a directory that cannot be read gets its own
     * reply); closing this closes it.
     *
     * @param stream  the open directory
     * @param reader  reads one entry: its info, or null when the listing does not show it
     * @param threads makes helper threads for large batches
     * @param helpers the server-wide permits for helper threads
     */
    DirectoryBatches(DirectoryStream<Path> stream, ParallelEntries.EntryReader reader, ThreadFactory threads,
                     Semaphore helpers) {
        this.stream = stream;
        this.entries = stream.iterator();
        this.reader = reader;
        this.threads = threads;
        this.helpers = helpers;
    }

    /**
     * The next shown entries.
     *
     * @return at least one entry, or an empty list at the end of the directory
     * @throws IOException if the directory cannot be read further
     */
    @Override
    public List<FileInfo> next() throws IOException {
        while (hasMore()) {
            List<Path> batch = new ArrayList<>();
            while (batch.size() < BATCH && hasMore()) {
                batch.add(nextEntry());
            }
            List<FileInfo> infos = ParallelEntries.read(batch, stream, reader, threads, helpers);
            if (first && !hasMore()) {
                infos.sort(Comparator.comparing(FileInfo::name)); // the whole directory: sorted as ls does
            }
            first = false;
            if (!infos.isEmpty()) {
                return infos;
            }
        }
        return List.of();
    }

    private boolean hasMore() throws IOException {
        try {
            return entries.hasNext();
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
    }

    private Path nextEntry() throws IOException {
        try {
            return entries.next();
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
