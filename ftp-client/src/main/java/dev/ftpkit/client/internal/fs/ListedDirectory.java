package dev.ftpkit.client.internal.fs;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A directory's entries, listed before the stream is handed out (so it holds no connection while open). */
final class ListedDirectory implements DirectoryStream<Path> {

    private final List<Path> paths = new ArrayList<>();
    private boolean iterated;
    private boolean closed;

    ListedDirectory(FtpPath directory, List<RemoteFiles.Listed> entries, Filter<? super Path> filter)
            throws IOException {
        for (RemoteFiles.Listed entry : entries) {
            Path child = directory.resolve(entry.name());
            try {
                if (filter.accept(child)) {
                    paths.add(child);
                }
            } catch (DirectoryIteratorException e) {
                throw e.getCause();
            }
        }
    }

    @Override
    public Iterator<Path> iterator() {
        if (closed || iterated) {
            throw new IllegalStateException(closed ? "the directory stream is closed" : "iterator() called twice");
        }
        iterated = true;
        return List.copyOf(paths).iterator();
    }

    @Override
    public void close() {
        closed = true;
    }
}
