package dev.ftpkit.testing.internal.memfs;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The entries of a directory as they were when the stream opened, filtered lazily. As the JDK's streams:
 * one iterator only, none after close, and a closed stream's iterator ends.
 */
final class MemoryDirectoryStream implements DirectoryStream<Path> {

    private final MemoryPath directory;
    private final List<String> names;
    private final Filter<? super Path> filter;
    private boolean closed;
    private boolean iterated;

    MemoryDirectoryStream(MemoryPath directory, List<String> names, Filter<? super Path> filter) {
        this.directory = directory;
        this.names = names;
        this.filter = filter;
    }

    @Override
    public synchronized Iterator<Path> iterator() {
        if (closed) {
            throw new IllegalStateException("directory stream closed");
        }
        if (iterated) {
            throw new IllegalStateException("iterator already obtained");
        }
        iterated = true;
        return new Entries();
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    private final class Entries implements Iterator<Path> {
        private int index;
        private Path next;

        @Override
        public boolean hasNext() {
            while (next == null && index < names.size() && !isClosed()) {
                Path candidate = directory.resolve(names.get(index++));
                try {
                    if (filter.accept(candidate)) {
                        next = candidate;
                    }
                } catch (IOException e) {
                    throw new DirectoryIteratorException(e);
                }
            }
            return next != null;
        }

        @Override
        public Path next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Path result = next;
            next = null;
            return result;
        }
    }
}
