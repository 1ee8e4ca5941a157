package dev.ftpkit.server.observe;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where a log's lines go: whole lines, one at a time from any session thread, flushed at once (a log must hold
 * every line written before a crash). A failing write is logged, never thrown into a session.
 */
final class LineSink implements Closeable {

    private static final System.Logger LOG = System.getLogger(LineSink.class.getName());

    private final Writer out;
    private final String name;

    LineSink(Writer out, String name) {
        this.out = out;
        this.name = name;
    }

    /** Appends to the file, creating it if needed; UTF-8. */
    static LineSink append(Path file) throws IOException {
        return new LineSink(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE), file.toString());
    }

    synchronized void line(String line) {
        try {
            out.write(line);
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write to " + name + ": " + e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
