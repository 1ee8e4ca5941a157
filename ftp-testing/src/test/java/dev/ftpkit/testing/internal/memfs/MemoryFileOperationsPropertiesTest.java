package dev.ftpkit.testing.internal.memfs;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model check: random sequences of file operations give the same outcome (result or exception type) and leave
 * the same tree on the memory file system as on the JDK's own file system in a temporary directory.
 */
class MemoryFileOperationsPropertiesTest {

    enum Kind { MKDIR, MKDIRS, WRITE, WRITE_AT, APPEND, TRUNCATE, CREATE_FILE, DELETE, DELETE_IF_EXISTS, MOVE, COPY,
        READ, LIST, SIZE, EXISTS }

    /**
     * One operation.
     *
     * @param kind    what to do
     * @param path    the path it works on
     * @param other   the target of a move or copy
     * @param variant the content to write, or the options of a move (none, REPLACE_EXISTING, ATOMIC_MOVE)
     */
    record Operation(Kind kind, String path, String other, int variant) {

        String apply(Path base) throws IOException {
            Path p = base.resolve(path);
            Path q = base.resolve(other);
            byte[] bytes = ("v" + variant).repeat(variant + 1).getBytes(StandardCharsets.UTF_8);
            switch (kind) {
                case MKDIR -> Files.createDirectory(p);
                case MKDIRS -> Files.createDirectories(p);
                case WRITE -> Files.write(p, bytes);
                case WRITE_AT -> {
                    try (SeekableByteChannel channel = Files.newByteChannel(p, StandardOpenOption.WRITE,
                            StandardOpenOption.CREATE)) {
                        channel.position(variant * 3L).write(ByteBuffer.wrap("@@".getBytes(StandardCharsets.UTF_8)));
                        return "at " + channel.position() + " of " + channel.size();
                    }
                }
                case TRUNCATE -> {
                    try (SeekableByteChannel channel = Files.newByteChannel(p, StandardOpenOption.WRITE)) {
                        return "size " + channel.truncate(variant * 2L).size();
                    }
                }
                case APPEND -> Files.write(p, bytes, StandardOpenOption.APPEND, StandardOpenOption.CREATE);
                case CREATE_FILE -> Files.createFile(p);
                case DELETE -> Files.delete(p);
                case DELETE_IF_EXISTS -> {
                    return Boolean.toString(Files.deleteIfExists(p));
                }
                case MOVE -> Files.move(p, q, moveOptions());
                case COPY -> Files.copy(p, q, variant == 1 ? new CopyOption[] {StandardCopyOption.REPLACE_EXISTING}
                        : new CopyOption[0]);
                case READ -> {
                    return Files.isDirectory(p) ? "directory" : new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
                }
                case LIST -> {
                    try (Stream<Path> entries = Files.list(p)) {
                        return entries.map(e -> e.getFileName().toString()).sorted().toList().toString();
                    }
                }
                case SIZE -> {
                    return Files.isRegularFile(p) ? Long.toString(Files.size(p)) : "not a file";
                }
                case EXISTS -> {
                    // not notExists: for a path through a regular file it is false on JDK 17, true on JDK 25
                    return Files.exists(p) + " " + Files.isDirectory(p) + " " + Files.isRegularFile(p);
                }
            }
            return "done";
        }

        private CopyOption[] moveOptions() {
            return switch (variant) {
                case 1 -> new CopyOption[] {StandardCopyOption.REPLACE_EXISTING};
                case 2 -> new CopyOption[] {StandardCopyOption.ATOMIC_MOVE};
                default -> new CopyOption[0];
            };
        }
    }

    @Provide
    Arbitrary<List<Operation>> operations() {
        Arbitrary<String> names = Arbitraries.of("a", "b", "a/b", "a/c", "b/a", "a/b/c");
        Arbitrary<Operation> operation = Combinators.combine(Arbitraries.of(Kind.class), names, names,
                Arbitraries.integers().between(0, 2)).as(Operation::new);
        return operation.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 1000)
    void operationsAgreeWithTheDefaultFileSystem(@ForAll("operations") List<Operation> operations)
            throws IOException {
        Path disk = Files.createTempDirectory("ftpkit-memfs");
        try (FileSystem memory = MemoryFileSystem.create()) {
            Path base = memory.getPath("/base");
            Files.createDirectory(base);
            List<Operation> done = new ArrayList<>();
            for (Operation operation : operations) {
                done.add(operation);
                assertThat(outcome(operation, base)).as("%s", done).isEqualTo(outcome(operation, disk));
            }
            assertThat(tree(base)).as("%s", done).isEqualTo(tree(disk));
        } finally {
            deleteTree(disk);
        }
    }

    /**
     * The result, or the exception's type. A path that runs through a regular file (ENOTDIR) counts as missing
     * whichever way it is reported: JDK 17 throws FileSystemException "Not a directory" for it, JDK 25 throws
     * NoSuchFileException when it only looks a file up (stat, access); the memory file system does what 25 does.
     */
    private static String outcome(Operation operation, Path base) {
        try {
            return operation.apply(base);
        } catch (NoSuchFileException e) {
            return "missing";
        } catch (FileSystemException e) {
            return "Not a directory".equals(e.getReason()) ? "missing" : e.getClass().getSimpleName();
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }

    private static Map<String, String> tree(Path base) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                String name = base.relativize(p).toString();
                tree.put(name, Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "dir"
                        : new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return tree;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
