package dev.ftpkit.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Files of random bytes for a peer to upload, and the check that they arrived byte for byte. */
public final class RandomFiles {

    private RandomFiles() {
    }

    /**
     * Writes {@code count} files of {@code size} random bytes, each different, named {@code prefix + i + ".bin"}.
     * The same seed writes the same bytes, so a failure can be replayed.
     *
     * @return the files' names, in order
     */
    public static List<String> write(Path dir, String prefix, int count, int size, long seed) throws IOException {
        Random random = new Random(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            String name = prefix + i + ".bin";
            Files.write(dir.resolve(name), bytes);
            names.add(name);
        }
        return names;
    }

    /** Asserts that each named file in {@code arrived} holds the bytes of its namesake in {@code sent}. */
    public static void assertSameBytes(Path sent, Path arrived, List<String> names) throws IOException {
        for (String name : names) {
            assertThat(Files.readAllBytes(arrived.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(sent.resolve(name)));
        }
    }
}
