package dev.ftpkit.client.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree the mirror tests copy: names with spaces, a leading dash and non-ASCII letters, a file eight levels
 * deep, a symbolic link and an excluded file; and a comparison of two trees by content.
 */
public final class MirrorTrees {

    /** The files {@link #write} creates, relative paths, links and excluded files not counted. */
    public static final int FILES = 7;
    /** The directory eight levels down. */
    public static final String DEEP = "l1/l2/l3/l4/l5/l6/l7/l8";
    /** A time in the past the fixture's files get, so a rewrite "now" differs. */
    public static final Instant OLD = Instant.parse("2024-05-06T07:08:09Z");

    private MirrorTrees() {
    }

    /** Writes the fixture under {@code root} (which may exist). */
    public static void write(Path root) throws IOException {
        Files.createDirectories(root.resolve(DEEP));
        Files.createDirectories(root.resolve("sub dir"));
        file(root, "a file with spaces.txt", "spaces");
        file(root, "-leading-dash.txt", "dash");
        file(root, "grüße ÄÖÜ.txt", "umlauts");
        file(root, DEEP + "/deep.txt", "deep");
        file(root, "sub dir/one.bin", "one".repeat(1000));
        file(root, "sub dir/two.bin", "two".repeat(2000));
        file(root, "sub dir/three.bin", "three");
        file(root, "scratch.tmp", "excluded");
        Files.createSymbolicLink(root.resolve("link"), Path.of("a file with spaces.txt"));
    }

    /** Writes a file with the fixture's old time. */
    public static void file(Path root, String path, String content) throws IOException {
        Path file = root.resolve(path);
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(OLD));
    }

    /** The regular files and directories under root (no links, no excluded files), with files' content. */
    public static Map<String, String> contents(Path root) {
        Map<String, String> result = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root) && !Files.isSymbolicLink(p) && !p.toString().endsWith(".tmp"))
                    .forEach(p -> {
                        String key = root.relativize(p).toString();
                        try {
                            result.put(key, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/"
                                    : Files.readString(p));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /** Asserts that the two trees hold the same directories and files with the same bytes. */
    public static void assertSameTree(Path expected, Path actual) {
        assertThat(contents(actual)).isEqualTo(contents(expected));
    }
}
