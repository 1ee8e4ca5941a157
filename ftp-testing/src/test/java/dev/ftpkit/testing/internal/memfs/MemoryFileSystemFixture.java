package dev.ftpkit.testing.internal.memfs;

import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Path;

/** A fresh memory file system per test, closed after it. */
abstract class MemoryFileSystemFixture {

    final FileSystem fs = MemoryFileSystem.create();

    @AfterEach
    void closeFileSystem() throws IOException {
        fs.close();
    }

    Path path(String text) {
        return fs.getPath(text);
    }
}
