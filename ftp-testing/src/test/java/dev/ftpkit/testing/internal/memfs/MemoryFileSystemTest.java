package dev.ftpkit.testing.internal.memfs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessMode;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The memory file system against the contracts of {@link Files}, by example. */
class MemoryFileSystemTest extends MemoryFileSystemFixture {

    @Test
    void writtenBytesReadBackAndAttributesFollow() throws IOException {
        Files.write(path("/f.bin"), new byte[] {1, 2, 3});

        assertThat(Files.readAllBytes(path("/f.bin"))).containsExactly(1, 2, 3);
        assertThat(Files.size(path("/f.bin"))).isEqualTo(3);
        assertThat(Files.isRegularFile(path("/f.bin"))).isTrue();
        assertThat(Files.isDirectory(path("/f.bin"))).isFalse();
        assertThat(Files.isSymbolicLink(path("/f.bin"))).isFalse();
        assertThat(Files.exists(path("/f.bin"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.exists(path("/nothing"))).isFalse();
        assertThat(Files.notExists(path("/nothing"))).isTrue();
        assertThat(Files.notExists(path("/f.bin/under"))).isTrue(); // as on JDK 25 (ENOTDIR is "no such file")
        assertThat(Files.isDirectory(path("/"))).isTrue();
        assertThat(Files.readAttributes(path("/f.bin"), "basic:size,isRegularFile"))
                .isEqualTo(Map.of("size", 3L, "isRegularFile", true));
        assertThat(Files.readAttributes(path("/f.bin"), "*")).containsKeys("lastModifiedTime", "fileKey");
        assertThatThrownBy(() -> Files.readAttributes(path("/f.bin"), "posix:*"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Files.readAttributes(path("/f.bin"), "basic:colour"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void channelReadsAndWritesAtAnyPosition() throws IOException {
        Path file = path("/f.txt");
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            channel.write(ByteBuffer.wrap("hello world".getBytes(UTF_8)));
            channel.position(6).write(ByteBuffer.wrap("there".getBytes(UTF_8)));
            channel.position(13).write(ByteBuffer.wrap("!".getBytes(UTF_8))); // a gap reads as zeros
            assertThat(channel.size()).isEqualTo(14);
            ByteBuffer head = ByteBuffer.allocateDirect(5);
            assertThat(channel.position(0).read(head)).isEqualTo(5);
            assertThat(channel.position()).isEqualTo(5);
            assertThat(channel.position(14).read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo("hello there\0\0!".getBytes(UTF_8));
    }

    @Test
    void truncateShortensAndNeverGrows() throws IOException {
        Path file = path("/f.txt");
        Files.writeString(file, "0123456789");
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
            channel.position(8);
            channel.truncate(4);
            assertThat(channel.position()).isEqualTo(4);
            channel.truncate(100);
            assertThat(channel.size()).isEqualTo(4);
            channel.write(ByteBuffer.wrap("XY".getBytes(UTF_8)));
        }
        assertThat(Files.readString(file)).isEqualTo("0123XY");
        Files.writeString(file, "abc"); // CREATE, TRUNCATE_EXISTING, WRITE
        assertThat(Files.readString(file)).isEqualTo("abc");
    }

    @Test
    void appendWritesAtTheEndWhateverThePosition() throws IOException {
        Path file = path("/log");
        Files.writeString(file, "one ");
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.APPEND)) {
            channel.position(0);
            channel.write(ByteBuffer.wrap("two".getBytes(UTF_8)));
        }
        Files.writeString(file, " three", StandardOpenOption.APPEND);

        assertThat(Files.readString(file)).isEqualTo("one two three");
        assertThatThrownBy(() -> Files.newByteChannel(file, StandardOpenOption.APPEND, StandardOpenOption.READ))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Files.newByteChannel(file, StandardOpenOption.APPEND,
                StandardOpenOption.TRUNCATE_EXISTING)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openOptionsFailAsTheJdkContractSays() throws IOException {
        Files.writeString(path("/exists"), "x");
        Files.createDirectory(path("/dir"));

        assertThatThrownBy(() -> Files.newByteChannel(path("/missing"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.newByteChannel(path("/missing"), StandardOpenOption.WRITE))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.newByteChannel(path("/no/dir"), StandardOpenOption.WRITE,
                StandardOpenOption.CREATE)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.createFile(path("/exists"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.newByteChannel(path("/dir"), StandardOpenOption.WRITE))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("Is a directory");
        assertThatThrownBy(() -> Files.writeString(path("/exists/under"), "x"))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("Not a directory");
        try (SeekableByteChannel read = Files.newByteChannel(path("/exists"))) {
            assertThatThrownBy(() -> read.write(ByteBuffer.allocate(1))).isInstanceOf(NonWritableChannelException.class);
        }
        SeekableByteChannel write = Files.newByteChannel(path("/exists"), StandardOpenOption.WRITE);
        assertThatThrownBy(() -> write.read(ByteBuffer.allocate(1))).isInstanceOf(NonReadableChannelException.class);
        write.close();
        assertThatThrownBy(write::size).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void streamsGoThroughTheChannels() throws IOException {
        try (var out = Files.newOutputStream(path("/s.txt"))) {
            out.write("streamed".getBytes(UTF_8));
        }
        try (InputStream in = Files.newInputStream(path("/s.txt"))) {
            assertThat(in.readAllBytes()).isEqualTo("streamed".getBytes(UTF_8));
        }
        assertThatThrownBy(() -> Files.newOutputStream(path("/s.txt"), StandardOpenOption.READ))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void deleteOnCloseRemovesTheFile() throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(path("/tmp.part"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
            channel.write(ByteBuffer.wrap(new byte[10]));
            assertThat(Files.exists(path("/tmp.part"))).isTrue();
        }
        assertThat(Files.exists(path("/tmp.part"))).isFalse();
    }

    @Test
    void directoriesAreCreatedListedAndDeletedOnlyWhenEmpty() throws IOException {
        Files.createDirectories(path("/a/b/c"));
        Files.writeString(path("/a/b/file.txt"), "x");
        Files.createDirectories(path("/a/b/c")); // existing: no error

        assertThatThrownBy(() -> Files.createDirectory(path("/a/b"))).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.createDirectory(path("/x/y"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.createDirectories(path("/a/b/file.txt/d")))
                .isInstanceOf(FileSystemException.class);
        assertThatThrownBy(() -> Files.delete(path("/a/b"))).isInstanceOf(DirectoryNotEmptyException.class);
        assertThatThrownBy(() -> Files.delete(path("/a/nothing"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.delete(path("/"))).isInstanceOf(FileSystemException.class);
        assertThat(Files.deleteIfExists(path("/a/nothing"))).isFalse();
        Files.delete(path("/a/b/c"));
        assertThat(Files.deleteIfExists(path("/a/b/file.txt"))).isTrue();
        Files.delete(path("/a/b"));
        assertThat(Files.exists(path("/a/b"))).isFalse();
        assertThat(Files.isDirectory(path("/a"))).isTrue();
    }

    @Test
    void directoryStreamListsFilteredEntriesOnce() throws IOException {
        Files.createDirectory(path("/d"));
        for (String name : List.of("b.txt", "a.txt", "c.bin")) {
            Files.writeString(path("/d").resolve(name), name);
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(path("/d"), "*.txt")) {
            List<Path> entries = new ArrayList<>();
            stream.forEach(entries::add);
            assertThat(entries).containsExactly(path("/d/a.txt"), path("/d/b.txt"));
            assertThatThrownBy(stream::iterator).isInstanceOf(IllegalStateException.class);
        }
        try (DirectoryStream<Path> relative = Files.newDirectoryStream(path("d"))) {
            assertThat(relative).contains(path("d/c.bin"));
        }
        try (Stream<Path> walk = Files.walk(path("/"))) {
            assertThat(walk).hasSize(5);
        }
        assertThatThrownBy(() -> Files.newDirectoryStream(path("/d/a.txt"))).isInstanceOf(NotDirectoryException.class);
        assertThatThrownBy(() -> Files.newDirectoryStream(path("/none"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void moveRenamesWithoutReplacingUnlessAsked() throws IOException {
        Files.writeString(path("/a"), "A");
        Files.writeString(path("/b"), "B");

        assertThatThrownBy(() -> Files.move(path("/a"), path("/b"))).isInstanceOf(FileAlreadyExistsException.class);
        Files.move(path("/a"), path("/b"), StandardCopyOption.REPLACE_EXISTING);

        assertThat(Files.readString(path("/b"))).isEqualTo("A");
        assertThat(Files.exists(path("/a"))).isFalse();
        assertThatThrownBy(() -> Files.move(path("/a"), path("/c"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void atomicMoveReplacesLikeRename() throws IOException {
        Files.createDirectories(path("/up"));
        Files.writeString(path("/up/.part"), "new");
        Files.writeString(path("/up/target"), "old");
        try (SeekableByteChannel reader = Files.newByteChannel(path("/up/target"))) {
            Files.move(path("/up/.part"), path("/up/target"), StandardCopyOption.ATOMIC_MOVE);

            ByteBuffer old = ByteBuffer.allocate(3);
            reader.read(old); // an open channel keeps the replaced file, as a Unix descriptor does
            assertThat(new String(old.array(), UTF_8)).isEqualTo("old");
        }
        assertThat(Files.readString(path("/up/target"))).isEqualTo("new");
        try (Stream<Path> entries = Files.list(path("/up"))) {
            assertThat(entries).containsExactly(path("/up/target"));
        }
    }

    @Test
    void directoriesMoveWithTheirContentButNotIntoThemselves() throws IOException {
        Files.createDirectories(path("/src/inner"));
        Files.writeString(path("/src/inner/f"), "f");
        Files.createDirectories(path("/full/x"));
        Files.createDirectory(path("/empty"));

        assertThatThrownBy(() -> Files.move(path("/src"), path("/src/inner/loop")))
                .isInstanceOf(FileSystemException.class);
        assertThatThrownBy(() -> Files.move(path("/src"), path("/full"), StandardCopyOption.REPLACE_EXISTING))
                .isInstanceOf(DirectoryNotEmptyException.class);
        assertThatThrownBy(() -> Files.move(path("/src/inner/f"), path("/empty"), StandardCopyOption.ATOMIC_MOVE))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("Is a directory");
        Files.move(path("/src"), path("/empty"), StandardCopyOption.ATOMIC_MOVE);

        assertThat(Files.readString(path("/empty/inner/f"))).isEqualTo("f");
        assertThat(Files.exists(path("/src"))).isFalse();
    }

    @Test
    void copyDuplicatesBytesAndCanKeepTheTimes() throws IOException {
        Files.writeString(path("/a"), "content");
        FileTime past = FileTime.from(Instant.parse("2001-02-03T04:05:06Z"));
        Files.setLastModifiedTime(path("/a"), past);

        Files.copy(path("/a"), path("/b"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(path("/a"), "changed");

        assertThat(Files.readString(path("/b"))).isEqualTo("content");
        assertThat(Files.getLastModifiedTime(path("/b"))).isEqualTo(past);
        assertThat(Files.isSameFile(path("/a"), path("/b"))).isFalse();
        assertThatThrownBy(() -> Files.copy(path("/a"), path("/b"))).isInstanceOf(FileAlreadyExistsException.class);
        Files.copy(path("/a"), path("/b"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(path("/b"))).isEqualTo("changed");
    }

    @Test
    void timesAreSetThroughTheBasicViewAndPosixIsAbsent() throws IOException {
        Files.writeString(path("/f"), "x");
        FileTime time = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
        BasicFileAttributeView view = Files.getFileAttributeView(path("/f"), BasicFileAttributeView.class);

        view.setTimes(time, null, null);
        assertThat(Files.getLastModifiedTime(path("/f"))).isEqualTo(time);
        Files.setAttribute(path("/f"), "basic:creationTime", time);
        assertThat(view.readAttributes().creationTime()).isEqualTo(time);
        assertThat(Files.getFileAttributeView(path("/f"), PosixFileAttributeView.class)).isNull();
        assertThatThrownBy(() -> Files.readAttributes(path("/f"), PosixFileAttributes.class))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> Files.setLastModifiedTime(path("/none"), time)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void pathMatchersFollowTheGlobAndRegexSyntax() {
        assertThat(fs.getPathMatcher("glob:*.java").matches(path("A.java"))).isTrue();
        assertThat(fs.getPathMatcher("glob:*.java").matches(path("src/A.java"))).isFalse();
        assertThat(fs.getPathMatcher("glob:**/*.java").matches(path("/src/main/A.java"))).isTrue();
        assertThat(fs.getPathMatcher("glob:*.{txt,bin}").matches(path("f.bin"))).isTrue();
        assertThat(fs.getPathMatcher("glob:file?.[!a-c]").matches(path("file1.d"))).isTrue();
        assertThat(fs.getPathMatcher("glob:file?.[!a-c]").matches(path("file1.b"))).isFalse();
        assertThat(fs.getPathMatcher("glob:a\\*").matches(path("a*"))).isTrue();
        assertThat(fs.getPathMatcher("glob:a\\*").matches(path("ab"))).isFalse();
        assertThat(fs.getPathMatcher("regex:.*/[0-9]+").matches(path("/x/42"))).isTrue();
        assertThatThrownBy(() -> fs.getPathMatcher("glob:{a,{b}}")).isInstanceOf(PatternSyntaxException.class);
        assertThatThrownBy(() -> fs.getPathMatcher("sql:x")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> fs.getPathMatcher("*.java")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void realPathIsNormalizedAbsoluteAndMustExist() throws IOException {
        Files.createDirectories(path("/a/b"));

        assertThat(path("a/./b/../b").toRealPath()).isEqualTo(path("/a/b"));
        assertThatThrownBy(() -> path("/a/c").toRealPath()).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.isSameFile(path("/a/b"), path("a/x/../b"))).isTrue();
        assertThat(Files.isHidden(path("/a/.hidden"))).isTrue();
        fs.provider().checkAccess(path("/a"), AccessMode.READ, AccessMode.WRITE);
        assertThatThrownBy(() -> fs.provider().checkAccess(path("/z"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void aFullFileSystemRefusesWritesAndFreesDeletedBytes() throws IOException {
        try (FileSystem small = MemoryFileSystem.create(10)) {
            Files.write(small.getPath("/a"), new byte[8]);

            assertThatThrownBy(() -> Files.write(small.getPath("/b"), new byte[3]))
                    .isInstanceOf(IOException.class).hasMessageContaining("No space left on device");
            Files.delete(small.getPath("/a"));
            Files.write(small.getPath("/b"), new byte[10]);
            assertThat(Files.size(small.getPath("/b"))).isEqualTo(10);
        }
    }

    @Test
    void closedFileSystemRefusesEverything() throws IOException {
        Files.writeString(path("/f"), "x");
        SeekableByteChannel open = Files.newByteChannel(path("/f"));
        fs.close();

        assertThat(fs.isOpen()).isFalse();
        assertThat(open.isOpen()).isFalse();
        assertThatThrownBy(() -> Files.readString(path("/f"))).isInstanceOf(ClosedFileSystemException.class);
        assertThatThrownBy(() -> Files.exists(path("/f"))).isInstanceOf(ClosedFileSystemException.class);
        assertThatThrownBy(() -> Files.createDirectory(path("/d"))).isInstanceOf(ClosedFileSystemException.class);
        assertThatThrownBy(() -> open.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
    }

    @Test
    void concurrentWritersNeverLoseAFile() throws Exception {
        Files.createDirectory(path("/many"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        Files.writeString(path("/many/" + id + "-" + i), id + ":" + i, StandardCharsets.UTF_8);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> entries = Files.list(path("/many"))) {
            assertThat(entries).hasSize(800);
        }
        assertThat(Files.readString(path("/many/3-199"))).isEqualTo("3:199");
    }
}
