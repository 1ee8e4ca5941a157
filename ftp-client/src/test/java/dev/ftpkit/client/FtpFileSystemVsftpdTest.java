package dev.ftpkit.client;

import dev.ftpkit.testsupport.TestCertificates;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code ftp} file system against a real vsftpd, which has no MLST: attributes come from SIZE, MDTM and CWD,
 * listings from LIST. Every provider operation, compared with what vsftpd's directory really holds.
 */
class FtpFileSystemVsftpdTest {

    private static final byte[] BIG = randomBytes(300_000, 7);
    private static final Instant MODIFIED = Instant.parse("2024-05-06T07:08:09Z");

    @TempDir
    Path dir;

    private Vsftpd vsftpd;
    private FileSystem ftp;

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    @BeforeEach
    void start() throws Exception {
        vsftpd = Vsftpd.builder(dir.resolve("server")).start();
        Path pub = Files.createDirectories(vsftpd.root().resolve("pub/sub"));
        Files.writeString(vsftpd.root().resolve("pub/a.txt"), "hello", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(vsftpd.root().resolve("pub/a.txt"), FileTime.from(MODIFIED));
        Files.write(pub.resolve("b.bin"), BIG);
        ftp = FileSystems.newFileSystem(uri("/"), env(FtpClientConfig.builder().timeouts(Duration.ofSeconds(20))
                .build()));
    }

    @AfterEach
    void stop() throws Exception {
        if (ftp != null) {
            ftp.close();
        }
        if (vsftpd != null) {
            vsftpd.close();
        }
    }

    private URI uri(String path) {
        return URI.create("ftp://127.0.0.1:" + vsftpd.port() + path);
    }

    private static Map<String, Object> env(FtpClientConfig config) {
        return Map.of(FtpFileSystems.CONFIG, config, FtpFileSystems.MAX_CONNECTIONS, 4);
    }

    private Path local(String path) {
        return vsftpd.root().resolve(path);
    }

    @Test
    void providersForBothSchemesAreInstalled() {
        assertThat(FileSystemProvider.installedProviders()).extracting(FileSystemProvider::getScheme)
                .contains("ftp", "ftps");
    }

    @Test
    void readsAWholeFileAndFromAPositionWithRest() throws Exception {
        Path file = ftp.getPath("/pub/sub/b.bin");

        assertThat(Files.readAllBytes(file)).isEqualTo(BIG);
        assertThat(Files.readString(ftp.getPath("pub/a.txt"))).isEqualTo("hello");
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            assertThat(channel.size()).isEqualTo(BIG.length);
            channel.position(250_000);
            ByteBuffer rest = ByteBuffer.allocate(BIG.length);
            // Bounded: each read moves forward or ends the loop.
            while (channel.read(rest) > 0) {
                assertThat(rest.position()).isLessThanOrEqualTo(50_000);
            }
            assertThat(Arrays.copyOf(rest.array(), rest.position()))
                    .isEqualTo(Arrays.copyOfRange(BIG, 250_000, BIG.length));
            channel.position(10);
            ByteBuffer ten = ByteBuffer.allocate(10);
            channel.read(ten);
            assertThat(ten.array()).isEqualTo(Arrays.copyOfRange(BIG, 10, 20));
        }
    }

    @Test
    void readingAMissingFileOrADirectoryFailsWithTheRightException() {
        assertThatThrownBy(() -> Files.readAllBytes(ftp.getPath("/pub/none")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.newInputStream(ftp.getPath("/pub/none")).close())
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.newInputStream(ftp.getPath("/pub/sub")).close())
                .hasMessageContaining("is a directory");
    }

    @Test
    void writesWithStorAndAppendsWithAppe() throws Exception {
        Path file = ftp.getPath("/upload/new.txt");

        Files.write(file, "first ".getBytes(StandardCharsets.UTF_8));
        Files.write(file, "second".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        assertThat(Files.readString(local("upload/new.txt"))).isEqualTo("first second");
        Files.writeString(file, "replaced");
        assertThat(Files.readString(local("upload/new.txt"))).isEqualTo("replaced");
        try (SeekableByteChannel channel = Files.newByteChannel(ftp.getPath("/upload/channel.bin"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(BIG));
            assertThat(channel.position()).isEqualTo(BIG.length);
        }
        assertThat(Files.readAllBytes(local("upload/channel.bin"))).isEqualTo(BIG);
    }

    @Test
    void createNewAndWriteWithoutCreateCheckWhatExists() {
        assertThatThrownBy(() -> Files.writeString(ftp.getPath("/pub/a.txt"), "x", StandardOpenOption.CREATE_NEW))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.writeString(ftp.getPath("/upload/none.txt"), "x", StandardOpenOption.WRITE))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> Files.writeString(ftp.getPath("/upload/no/such/dir.txt"), "x"))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(local("upload/none.txt")).doesNotExist();
    }

    @Test
    void directoryStreamListsExactlyWhatTheDirectoryHolds() throws Exception {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(ftp.getPath("/pub"))) {
            entries.forEach(path -> names.add(path.toString()));
        }
        assertThat(names).containsExactlyInAnyOrder("/pub/a.txt", "/pub/sub");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(ftp.getPath("/pub"), "*.txt")) {
            assertThat(entries).extracting(Path::toString).containsExactly("/pub/a.txt");
        }
        assertThatThrownBy(() -> Files.newDirectoryStream(ftp.getPath("/pub/a.txt")))
                .isInstanceOf(NotDirectoryException.class);
        assertThatThrownBy(() -> Files.newDirectoryStream(ftp.getPath("/pub/none")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void basicAttributesComeFromSizeMdtmAndCwd() throws Exception {
        BasicFileAttributes file = Files.readAttributes(ftp.getPath("/pub/a.txt"), BasicFileAttributes.class);
        assertThat(file.isRegularFile()).isTrue();
        assertThat(file.size()).isEqualTo(5);
        assertThat(file.lastModifiedTime().toInstant()).isEqualTo(MODIFIED);

        BasicFileAttributes directory = Files.readAttributes(ftp.getPath("/pub/sub"), BasicFileAttributes.class);
        assertThat(directory.isDirectory()).isTrue();
        assertThat(Files.isDirectory(ftp.getPath("/"))).isTrue();
        assertThat(Files.exists(ftp.getPath("/pub/sub/b.bin"))).isTrue();
        assertThat(Files.exists(ftp.getPath("/pub/none"))).isFalse();
        assertThat(Files.size(ftp.getPath("/pub/sub/b.bin"))).isEqualTo(BIG.length);
        assertThat(Files.readAttributes(ftp.getPath("/pub/a.txt"), "size,isDirectory"))
                .containsEntry("size", 5L).containsEntry("isDirectory", false);
        assertThatThrownBy(() -> Files.readAttributes(ftp.getPath("/pub/none"), BasicFileAttributes.class))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void checkAccessTellsExistence() {
        assertThat(Files.isReadable(ftp.getPath("/pub/a.txt"))).isTrue();
        assertThat(Files.isReadable(ftp.getPath("/pub/none"))).isFalse();
        assertThat(Files.isExecutable(ftp.getPath("/pub/sub"))).isTrue();
    }

    @Test
    void createDirectoryAndDeleteAnswerLikeALocalFileSystem() throws Exception {
        Path made = ftp.getPath("/upload/made");

        Files.createDirectory(made);
        assertThat(local("upload/made")).isDirectory();
        assertThatThrownBy(() -> Files.createDirectory(made)).isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> Files.createDirectory(ftp.getPath("/upload/none/made")))
                .isInstanceOf(NoSuchFileException.class);

        Files.writeString(made.resolve("f.txt"), "x");
        assertThatThrownBy(() -> Files.delete(made)).isInstanceOf(DirectoryNotEmptyException.class);
        Files.delete(made.resolve("f.txt"));
        Files.delete(made);
        assertThat(local("upload/made")).doesNotExist();
        assertThatThrownBy(() -> Files.delete(made)).isInstanceOf(NoSuchFileException.class);
        assertThat(Files.deleteIfExists(made)).isFalse();
        Files.createDirectories(ftp.getPath("/upload/x/y/z"));
        assertThat(local("upload/x/y/z")).isDirectory();
    }

    @Test
    void moveRenamesWithRnfrRnto() throws Exception {
        Path from = Files.writeString(ftp.getPath("/upload/from.txt"), "moving");
        Path to = ftp.getPath("/upload/to.txt");
        Files.writeString(ftp.getPath("/upload/taken.txt"), "taken");

        Files.move(from, to);

        assertThat(local("upload/from.txt")).doesNotExist();
        assertThat(Files.readString(local("upload/to.txt"))).isEqualTo("moving");
        assertThatThrownBy(() -> Files.move(to, ftp.getPath("/upload/taken.txt")))
                .isInstanceOf(FileAlreadyExistsException.class);
        Files.move(to, ftp.getPath("/upload/taken.txt"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(local("upload/taken.txt"))).isEqualTo("moving");
        assertThatThrownBy(() -> Files.move(ftp.getPath("/upload/none"), to)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void copyWorksOnTheServerAndToAndFromLocalFiles() throws Exception {
        Files.copy(ftp.getPath("/pub/sub/b.bin"), ftp.getPath("/upload/b.copy"));
        assertThat(Files.readAllBytes(local("upload/b.copy"))).isEqualTo(BIG);

        Path downloaded = dir.resolve("down.bin");
        Files.copy(ftp.getPath("/pub/sub/b.bin"), downloaded);
        assertThat(Files.readAllBytes(downloaded)).isEqualTo(BIG);

        Files.copy(downloaded, ftp.getPath("/upload/up.bin"));
        assertThat(Files.readAllBytes(local("upload/up.bin"))).isEqualTo(BIG);
        assertThatThrownBy(() -> Files.copy(downloaded, ftp.getPath("/upload/up.bin")))
                .isInstanceOf(FileAlreadyExistsException.class);
        Files.copy(ftp.getPath("/pub/a.txt"), ftp.getPath("/upload/up.bin"), StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(local("upload/up.bin"))).isEqualTo("hello");
    }

    @Test
    void walkVisitsTheWholeTree() throws Exception {
        try (Stream<Path> tree = Files.walk(ftp.getPath("/pub"))) {
            assertThat(tree.map(Path::toString).collect(Collectors.toSet()))
                    .isEqualTo(Set.of("/pub", "/pub/a.txt", "/pub/sub", "/pub/sub/b.bin"));
        }
    }

    @Test
    void pathOfUriFindsTheOpenFileSystemUntilItCloses() throws Exception {
        Path path = Path.of(uri("/pub/a.txt"));

        assertThat(path.getFileSystem()).isSameAs(ftp);
        assertThat(Files.readString(path)).isEqualTo("hello");
        assertThat(Path.of(path.toUri())).isEqualTo(path);
        assertThatThrownBy(() -> FileSystems.newFileSystem(uri("/"), Map.of()))
                .isInstanceOf(FileSystemAlreadyExistsException.class);

        ftp.close();

        assertThatThrownBy(() -> Path.of(uri("/pub/a.txt"))).isInstanceOf(FileSystemNotFoundException.class);
    }

    @Test
    void severalStreamsAreOpenAtOnceEachOnItsOwnConnection() throws Exception {
        Path file = ftp.getPath("/pub/sub/b.bin");
        try (InputStream one = Files.newInputStream(file);
             InputStream two = Files.newInputStream(file);
             OutputStream three = Files.newOutputStream(ftp.getPath("/upload/parallel.bin"))) {
            byte[] a = one.readNBytes(1000);
            byte[] b = two.readNBytes(2000);
            three.write(a);
            assertThat(one.readAllBytes()).isEqualTo(Arrays.copyOfRange(BIG, 1000, BIG.length));
            assertThat(b).isEqualTo(Arrays.copyOf(BIG, 2000));
        }
        assertThat(Files.readAllBytes(local("upload/parallel.bin"))).isEqualTo(Arrays.copyOf(BIG, 1000));
    }

    @Test
    void aRefusedLoginFailsNewFileSystemAndLeavesNothingOpen() throws Exception {
        ftp.close();
        URI withUser = URI.create("ftp://nobody:wrong@127.0.0.1:" + vsftpd.port() + "/");

        assertThatThrownBy(() -> FileSystems.newFileSystem(withUser, Map.of()))
                .isInstanceOf(dev.ftpkit.core.FtpReplyException.class);

        ftp = FileSystems.newFileSystem(uri("/"), Map.of());
        assertThat(Files.exists(ftp.getPath("/pub/a.txt"))).isTrue();
    }

    @Test
    void ftpsSchemeUsesTheConfiguredTls() throws Exception {
        ftp.close();
        ftp = null;
        vsftpd.close();
        TestCertificates certificates = TestCertificates.generate(Files.createDirectories(dir.resolve("certs")));
        vsftpd = Vsftpd.builder(dir.resolve("tls-server")).tls(certificates).start();
        Files.writeString(vsftpd.root().resolve("secret.txt"), "over TLS");
        FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(20))
                .tls(FtpsConfig.explicit(certificates.clientContext()).build()).build();

        try (FileSystem ftps = FileSystems.newFileSystem(
                URI.create("ftps://127.0.0.1:" + vsftpd.port() + "/"), env(config))) {
            assertThat(Files.readString(ftps.getPath("/secret.txt"))).isEqualTo("over TLS");
            Files.writeString(ftps.getPath("/upload/back.txt"), "and back");
        }
        assertThat(Files.readString(local("upload/back.txt"))).isEqualTo("and back");
    }

    @Test
    void ftpsSchemeWithoutTlsConfiguredSpeaksImplicitTlsAndChecksTheCertificate() throws Exception {
        ftp.close();
        ftp = null;
        vsftpd.close();
        TestCertificates certificates = TestCertificates.generate(Files.createDirectories(dir.resolve("certs")));
        vsftpd = Vsftpd.builder(dir.resolve("implicit-server")).tls(certificates).option("implicit_ssl", "YES")
                .start();
        Files.writeString(vsftpd.root().resolve("secret.txt"), "implicit");
        URI ftpsUri = URI.create("ftps://127.0.0.1:" + vsftpd.port() + "/");

        // The JDK's default trust does not know the test certificate: TLS came first, and it was checked.
        assertThatThrownBy(() -> FileSystems.newFileSystem(ftpsUri, Map.of()))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);

        FtpClientConfig trusting = FtpClientConfig.builder().timeouts(Duration.ofSeconds(20))
                .tls(FtpsConfig.implicit(certificates.clientContext()).build()).build();
        try (FileSystem ftps = FileSystems.newFileSystem(ftpsUri, env(trusting))) {
            assertThat(Files.readString(ftps.getPath("/secret.txt"))).isEqualTo("implicit");
        }
    }
}
