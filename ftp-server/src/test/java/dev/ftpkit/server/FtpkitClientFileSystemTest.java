package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpFileSystems;
import dev.ftpkit.core.list.ListEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ftpkit client's listings and its {@code ftp} file system against the ftpkit server, which offers MLST: the
 * MLSD and MLST path (vsftpd, which has none, covers the LIST, SIZE and MDTM fallback in the client's tests).
 */
class FtpkitClientFileSystemTest {

    private static final Instant MODIFIED = Instant.parse("2023-03-04T05:06:07Z");

    @TempDir
    Path root;

    private FtpServer server;
    private FileSystem ftp;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(root.resolve("pub/sub/deeper"));
        Files.writeString(root.resolve("pub/a.txt"), "hello");
        Files.setLastModifiedTime(root.resolve("pub/a.txt"), FileTime.from(MODIFIED));
        Files.writeString(root.resolve("pub/.hidden"), "h");
        Files.write(root.resolve("pub/sub/b.bin"), new byte[100_000]);
        server = TestServers.start(root);
        ftp = FileSystems.newFileSystem(uri(TestServers.USER + ":" + TestServers.PASSWORD + "@", "/"),
                Map.of(FtpFileSystems.CONFIG, FtpClientConfig.builder().timeouts(Duration.ofSeconds(30)).build()));
    }

    @AfterEach
    void stop() throws Exception {
        if (ftp != null) {
            ftp.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private URI uri(String userInfo, String path) {
        return URI.create("ftp://" + userInfo + "127.0.0.1:" + server.port() + path);
    }

    @Test
    void machineListingNamesExactlyTheDirectorysEntries() throws Exception {
        try (FtpClient client = FtpClient.connect("127.0.0.1", server.port())) {
            client.login(TestServers.USER, TestServers.PASSWORD);

            assertThat(client.list("/pub")).extracting(ListEntry::name)
                    .containsExactlyInAnyOrder("a.txt", ".hidden", "sub");
            assertThat(client.list("/pub/sub/deeper")).isEmpty();
        }
    }

    @Test
    void attributesComeFromMlst() throws Exception {
        BasicFileAttributes file = Files.readAttributes(ftp.getPath("/pub/a.txt"), BasicFileAttributes.class);

        assertThat(file.isRegularFile()).isTrue();
        assertThat(file.size()).isEqualTo(5);
        assertThat(file.lastModifiedTime().toInstant()).isEqualTo(MODIFIED);
        assertThat(Files.isDirectory(ftp.getPath("/pub/sub"))).isTrue();
        assertThat(Files.isDirectory(ftp.getPath("/"))).isTrue();
        assertThat(Files.exists(ftp.getPath("/pub/none"))).isFalse();
        assertThatThrownBy(() -> Files.size(ftp.getPath("/pub/none"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void directoryStreamAndWalkSeeTheWholeTree() throws Exception {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(ftp.getPath("/pub"))) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        assertThat(names).containsExactlyInAnyOrder("a.txt", ".hidden", "sub");

        try (Stream<Path> tree = Files.walk(ftp.getPath("/pub"))) {
            assertThat(tree.map(Path::toString).collect(Collectors.toSet())).isEqualTo(Set.of("/pub",
                    "/pub/a.txt", "/pub/.hidden", "/pub/sub", "/pub/sub/b.bin", "/pub/sub/deeper"));
        }
    }

    @Test
    void writeMoveCopyAndDeleteChangeTheServersFiles() throws Exception {
        Path made = Files.createDirectory(ftp.getPath("/work"));
        Files.writeString(made.resolve("one.txt"), "one");
        Files.copy(made.resolve("one.txt"), made.resolve("two.txt"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.move(made.resolve("one.txt"), made.resolve("three.txt"));

        assertThat(Files.readString(root.resolve("work/two.txt"), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(Files.readString(root.resolve("work/three.txt"), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(root.resolve("work/one.txt")).doesNotExist();
        assertThatThrownBy(() -> Files.createDirectory(made)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.delete(made)).isInstanceOf(DirectoryNotEmptyException.class);

        Files.setLastModifiedTime(made.resolve("two.txt"), FileTime.from(MODIFIED));
        assertThat(Files.getLastModifiedTime(root.resolve("work/two.txt")).toInstant()).isEqualTo(MODIFIED);
        Files.delete(made.resolve("two.txt"));
        Files.delete(made.resolve("three.txt"));
        Files.delete(made);
        assertThat(root.resolve("work")).doesNotExist();
    }

    @Test
    void permFactOfAReadOnlyLoginDeniesWriting() throws Exception {
        ftp.close();
        ftp = FileSystems.newFileSystem(uri("", "/"), Map.of());   // anonymous: read-only on this server

        assertThat(Files.isReadable(ftp.getPath("/pub/a.txt"))).isTrue();
        assertThat(Files.isWritable(ftp.getPath("/pub/a.txt"))).isFalse();
        assertThat(Files.readString(ftp.getPath("/pub/a.txt"))).isEqualTo("hello");
    }
}
