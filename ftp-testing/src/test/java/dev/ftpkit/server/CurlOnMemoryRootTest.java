package dev.ftpkit.server;

import dev.ftpkit.testing.internal.memfs.MemoryFileSystem;
import org.junit.jupiter.api.AfterEach;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;

/** Every curl scenario of {@link CurlTest} again, with the server's root in the in-memory file system. */
class CurlOnMemoryRootTest extends CurlTest {

    private final FileSystem memory = MemoryFileSystem.create();

    @Override
    Path serverRoot(Path temporaryDirectory) throws IOException {
        return Files.createDirectories(memory.getPath("/srv/ftp"));
    }

    @Override
    @AfterEach
    void stop() {
        super.stop();
        try {
            memory.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
