package dev.ftpkit.server.s3;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.Authenticator;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ftpkit server on an S3 bucket (s3proxy, a real S3 API server), driven by the ftpkit client. */
class S3RootTest {

    static final String USER = "alice";
    static final String PASSWORD = "s3cret";
    static final Authenticator USERS = InMemoryUsers.builder().iterations(1_000)
            .user(USER, PASSWORD, Account.atRoot(USER, Permission.all())).build();

    @TempDir
    static Path storeDir;
    static S3ProxyServer s3;

    S3Storage bucket;
    String bucketName;
    FtpServer server;
    FtpClient ftp;

    @BeforeAll
    static void startS3() throws Exception {
        s3 = S3ProxyServer.start(storeDir);
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @BeforeEach
    void startServer(TestInfo test) throws Exception {
        bucketName = test.getTestMethod().orElseThrow().getName().toLowerCase(Locale.ROOT).substring(0, 20) + "-b";
        bucket = s3.bucket(bucketName);
        server = FtpServer.builder().root(bucket.root()).port(0).authenticator(USERS)
                .loginFailureDelay(Duration.ofMillis(20)).dataTimeout(Duration.ofSeconds(30)).build().start();
        ftp = FtpClient.connect("127.0.0.1", server.port());
        ftp.login(USER, PASSWORD);
    }

    @AfterEach
    void stopServer() throws Exception {
        ftp.close();
        server.close();
        bucket.close();
    }

    private static byte[] bytes(int n, long seed) {
        byte[] data = new byte[n];
        new Random(seed).nextBytes(data);
        return data;
    }

    @Test
    void storedFileIsAnObjectAndComesBackWhole() throws Exception {
        byte[] data = bytes(3 * 1024 * 1024 + 17, 1);
        ftp.store(new ByteArrayInputStream(data), "big.bin");

        assertThat(Files.readAllBytes(s3.objectFile(bucketName, "big.bin"))).isEqualTo(data);
        assertThat(ftp.size("big.bin")).isEqualTo(data.length);
        try (InputStream in = ftp.retrieve("big.bin")) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }

    @Test
    void storingOverAnObjectReplacesIt() throws Exception {
        ftp.store(new ByteArrayInputStream(bytes(50_000, 4)), "again.bin");
        byte[] second = bytes(20_000, 5);
        ftp.store(new ByteArrayInputStream(second), "again.bin");
        ftp.store(new ByteArrayInputStream(new byte[0]), "empty.bin");
        ftp.store(new ByteArrayInputStream(second), "empty.bin");

        assertThat(Files.readAllBytes(s3.objectFile(bucketName, "again.bin"))).isEqualTo(second);
        assertThat(Files.readAllBytes(s3.objectFile(bucketName, "empty.bin"))).isEqualTo(second);
    }

    @Test
    void retrieveWithRestartOffsetSendsTheRest() throws Exception {
        byte[] data = bytes(200_000, 2);
        ftp.store(new ByteArrayInputStream(data), "resume.bin");
        try (InputStream in = ftp.retrieve("resume.bin", 123_456)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 123_456, data.length));
        }
    }

    @Test
    void modificationTimeIsTheObjectsLastModified() throws Exception {
        Instant before = Instant.now().minusSeconds(120);
        ftp.store(new ByteArrayInputStream("x".getBytes(StandardCharsets.US_ASCII)), "t.txt");
        assertThat(ftp.modificationTime("t.txt")).isAfter(before).isBefore(Instant.now().plusSeconds(120));
    }

    @Test
    void directoriesAreMadeListedEnteredAndRemoved() throws Exception {
        ftp.makeDirectory("docs");
        ftp.store(new ByteArrayInputStream("a".getBytes(StandardCharsets.US_ASCII)), "docs/a.txt");
        ftp.store(new ByteArrayInputStream("bb".getBytes(StandardCharsets.US_ASCII)), "top.txt");

        assertThat(ftp.list("/")).extracting(ListEntry::name).containsExactlyInAnyOrder("docs", "top.txt");
        assertThat(ftp.list("/")).filteredOn(ListEntry::isDirectory).extracting(ListEntry::name).containsExactly("docs");
        ftp.changeDirectory("docs");
        assertThat(ftp.workingDirectory()).isEqualTo("/docs");
        assertThat(ftp.list("")).extracting(ListEntry::name).containsExactly("a.txt");

        assertThatThrownBy(() -> ftp.removeDirectory("/docs"))
                .isInstanceOf(FtpReplyException.class).extracting(e -> ((FtpReplyException) e).code()).isEqualTo(550);
        ftp.delete("a.txt");
        ftp.changeDirectory("/");
        ftp.removeDirectory("docs");
        assertThat(ftp.list("/")).extracting(ListEntry::name).containsExactly("top.txt");
        assertThatThrownBy(() -> ftp.changeDirectory("docs")).isInstanceOf(FtpReplyException.class);
    }

    @Test
    void makingAnExistingDirectoryFails() throws Exception {
        ftp.makeDirectory("d");
        assertThatThrownBy(() -> ftp.makeDirectory("d"))
                .isInstanceOf(FtpReplyException.class).extracting(e -> ((FtpReplyException) e).code()).isEqualTo(550);
    }

    @Test
    void renameMovesTheObject() throws Exception {
        ftp.store(new ByteArrayInputStream("content".getBytes(StandardCharsets.US_ASCII)), "old.txt");
        ftp.makeDirectory("to");
        ftp.rename("old.txt", "to/new.txt");

        assertThat(ftp.list("/")).extracting(ListEntry::name).containsExactly("to");
        try (InputStream in = ftp.retrieve("to/new.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("content");
        }
    }

    @Test
    void deleteRemovesTheObject() throws Exception {
        ftp.store(new ByteArrayInputStream("x".getBytes(StandardCharsets.US_ASCII)), "gone.txt");
        ftp.delete("gone.txt");
        assertThat(Files.exists(s3.objectFile(bucketName, "gone.txt"))).isFalse();
        assertThatThrownBy(() -> ftp.size("gone.txt"))
                .isInstanceOf(FtpReplyException.class).extracting(e -> ((FtpReplyException) e).code()).isEqualTo(550);
    }

    @Test
    void appendIsRefusedWith504AndTheObjectStays() throws Exception {
        ftp.store(new ByteArrayInputStream("keep".getBytes(StandardCharsets.US_ASCII)), "log.txt");
        assertThatThrownBy(() -> ftp.append(new ByteArrayInputStream("more".getBytes(StandardCharsets.US_ASCII)),
                "log.txt")).isInstanceOf(FtpReplyException.class).extracting(e -> ((FtpReplyException) e).code()).isEqualTo(504);
        assertThat(Files.readString(s3.objectFile(bucketName, "log.txt"))).isEqualTo("keep");
    }

    @Test
    void restartedStoreIsRefusedWith504() throws Exception {
        ftp.store(new ByteArrayInputStream("keep".getBytes(StandardCharsets.US_ASCII)), "part.bin");
        assertThat(ftp.sendCommand("REST", "2").code().value()).isEqualTo(350);
        assertThat(ftp.sendCommand("STOR", "part.bin").code().value()).isEqualTo(504);
        assertThat(Files.readString(s3.objectFile(bucketName, "part.bin"))).isEqualTo("keep");
    }

    @Test
    void anUploadCutOffMidwayLeavesTheOldObject() throws Exception {
        ftp.store(new ByteArrayInputStream("old".getBytes(StandardCharsets.US_ASCII)), "atomic.bin");
        OutputStream out = ftp.store("atomic.bin");
        out.write(bytes(100_000, 3));
        out.flush();
        ftp.abort(); // ABOR while the data connection is open: 426, then 226 for the ABOR
        assertThat(Files.readString(s3.objectFile(bucketName, "atomic.bin"))).isEqualTo("old");
        assertThat(ftp.list("/")).extracting(ListEntry::name).containsExactly("atomic.bin"); // no temporary object
    }

    @Test
    void aLargePrefixIsListedWhole() throws Exception {
        // written straight into the back end: the listing, not the uploads, is under test
        Path dir = Files.createDirectories(s3.objectFile(bucketName, "many"));
        int count = 1_500; // more than one ListObjectsV2 page (1000 keys)
        for (int i = 0; i < count; i++) {
            Files.writeString(dir.resolve(String.format("f%05d.txt", i)), "x");
        }
        List<ListEntry> entries = ftp.list("/many");
        assertThat(entries).hasSize(count);
        assertThat(entries).allMatch(e -> e.size().orElse(-1) == 1);
        assertThat(ftp.listNames("/many")).hasSize(count).contains("/many/f00000.txt", "/many/f01499.txt");
    }

    @Test
    void renamingADirectoryAndSettingATimeAreRefusedWith504() throws Exception {
        ftp.makeDirectory("dir");
        ftp.store(new ByteArrayInputStream("x".getBytes(StandardCharsets.US_ASCII)), "dir/f.txt");

        assertThat(ftp.sendCommand("RNFR", "dir").code().value()).isEqualTo(350);
        assertThat(ftp.sendCommand("RNTO", "moved").code().value()).isEqualTo(504);
        assertThat(ftp.sendCommand("MFMT", "20200102030405 dir/f.txt").code().value()).isEqualTo(504);
        assertThat(ftp.list("/dir")).extracting(ListEntry::name).containsExactly("f.txt");
    }
}
