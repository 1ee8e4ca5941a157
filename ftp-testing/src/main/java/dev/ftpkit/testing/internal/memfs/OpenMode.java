package dev.ftpkit.testing.internal.memfs;

import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The open options of {@code newByteChannel}, checked as the JDK's Unix provider checks them: READ is the
 * default, APPEND implies WRITE, READ with APPEND and APPEND with TRUNCATE_EXISTING are illegal, CREATE and
 * TRUNCATE_EXISTING only count when writing.
 */
record OpenMode(boolean read, boolean write, boolean append, boolean create, boolean createNew, boolean truncate,
                boolean deleteOnClose) {

    static OpenMode of(Set<? extends OpenOption> options) {
        for (OpenOption option : options) {
            if (!(option instanceof StandardOpenOption) && option != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("unsupported open option " + option);
            }
        }
        boolean append = options.contains(StandardOpenOption.APPEND);
        boolean write = append || options.contains(StandardOpenOption.WRITE);
        boolean read = options.contains(StandardOpenOption.READ) || !write;
        boolean truncate = options.contains(StandardOpenOption.TRUNCATE_EXISTING);
        if (read && append) {
            throw new IllegalArgumentException("READ + APPEND not allowed");
        }
        if (append && truncate) {
            throw new IllegalArgumentException("APPEND + TRUNCATE_EXISTING not allowed");
        }
        return new OpenMode(read, write, append, write && options.contains(StandardOpenOption.CREATE),
                write && options.contains(StandardOpenOption.CREATE_NEW), write && truncate,
                options.contains(StandardOpenOption.DELETE_ON_CLOSE));
    }
}
