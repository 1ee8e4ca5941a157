package dev.ftpkit.client;

import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.list.EntryType;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a real vsftpd on loopback: transfers compared byte for byte, listings, file commands. */
class VsftpdClientTest {

    @TempDir
    Path dir;

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private FtpClient connect(Vsftpd vsftpd, FtpClientConfig config) throws Exception {
        FtpClient client = FtpClient.connect(config, vsftpd.host(), vsftpd.port());
        client.loginAnonymous();
        return client;
    }

    private static FtpClientConfig.Builder quick() {
        return FtpClientConfig.builder().timeouts(java.time.Duration.ofSeconds(10));
    }

    @Test
    void passiveDownloadUsesEpsvAndDeliversEveryByte() throws Exception {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            byte[] content = randomBytes(3 * 1024 * 1024 + 17, 1);
            Files.write(vsftpd.root().resolve("data.bin"), content);
            Path local = dir.resolve("data.bin");

            try (FtpClient client = connect(vsftpd, quick().protocolListener(dialogue).build())) {
                long received = client.retrieve("data.bin", local);

                assertThat(received).isEqualTo(content.length);
            }
            assertThat(Files.readAllBytes(local)).isEqualTo(content);
            assertThat(dialogue.verbs()).contains("EPSV", "TYPE", "RETR").doesNotContain("PASV", "PORT");
        }
    }

    @Test
    void passiveWithoutEpsvUsesPasvForUploadAndDownload() throws Exception {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        FtpClientConfig config = quick().protocolListener(dialogue)
                .dataConnectionMode(DataConnectionMode.passive().withoutEpsv()).build();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            byte[] content = randomBytes(1024 * 1024, 2);
            Path local = Files.write(dir.resolve("up.bin"), content);

            try (FtpClient client = connect(vsftpd, config)) {
                client.store(local, "upload/up.bin");
                assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("up.bin"))).isEqualTo(content);

                client.retrieve("upload/up.bin", dir.resolve("down.bin"));
            }
            assertThat(Files.readAllBytes(dir.resolve("down.bin"))).isEqualTo(content);
            assertThat(dialogue.verbs()).contains("PASV").doesNotContain("EPSV");
        }
    }

    @Test
    void activeModeUsesPortForUploadDownloadAndListing() throws Exception {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        FtpClientConfig config = quick().protocolListener(dialogue)
                .dataConnectionMode(DataConnectionMode.active()).build();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            byte[] content = randomBytes(2 * 1024 * 1024 + 3, 3);
            Path local = Files.write(dir.resolve("active.bin"), content);

            try (FtpClient client = connect(vsftpd, config)) {
                client.store(local, "upload/active.bin");
                client.retrieve("upload/active.bin", dir.resolve("back.bin"));
                List<String> names = client.listNames("upload");

                assertThat(names).anySatisfy(name -> assertThat(name).endsWith("active.bin"));
            }
            assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("active.bin"))).isEqualTo(content);
            assertThat(Files.readAllBytes(dir.resolve("back.bin"))).isEqualTo(content);
            assertThat(dialogue.verbs()).contains("PORT").doesNotContain("PASV", "EPSV");
        }
    }

    @Test
    void activeModeWithinAPortRangeListensThere() throws Exception {
        int low = dev.ftpkit.testsupport.FreePorts.pick();
        FtpClientConfig config = quick()
                .dataConnectionMode(DataConnectionMode.active().portRange(low, low)).build();
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Files.writeString(vsftpd.root().resolve("small.txt"), "hello");

            try (FtpClient client = connect(vsftpd, config.toBuilder().protocolListener(dialogue).build())) {
                assertThat(new String(client.retrieve("small.txt").readAllBytes())).isEqualTo("hello");
            } catch (IllegalStateException unexpected) {
                throw unexpected;
            }
            String port = dialogue.commands.stream().filter(c -> c.verb().equals("PORT")).findFirst()
                    .orElseThrow().argument();
            String[] parts = port.split(",");
            assertThat(Integer.parseInt(parts[4]) * 256 + Integer.parseInt(parts[5])).isEqualTo(low);
        }
    }

    @Test
    void streamsCompleteTheTransferOnClose() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().build())) {
            byte[] content = randomBytes(500_000, 4);

            try (OutputStream out = client.store("upload/stream.bin")) {
                out.write(content, 0, 1000);
                out.write(content, 1000, content.length - 1000);
            }
            byte[] back;
            try (InputStream in = client.retrieve("upload/stream.bin")) {
                back = in.readAllBytes();
            }

            assertThat(back).isEqualTo(content);
            assertThat(client.size("upload/stream.bin")).isEqualTo(content.length);
        }
    }

    @Test
    void appendAddsToTheRemoteFile() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().build())) {
            Path first = Files.write(dir.resolve("first"), randomBytes(70_000, 5));
            Path second = Files.write(dir.resolve("second"), randomBytes(90_000, 6));

            client.store(first, "upload/joined.bin");
            client.append(second, "upload/joined.bin");

            byte[] expected = new byte[160_000];
            System.arraycopy(Files.readAllBytes(first), 0, expected, 0, 70_000);
            System.arraycopy(Files.readAllBytes(second), 0, expected, 70_000, 90_000);
            assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("joined.bin"))).isEqualTo(expected);
        }
    }

    @Test
    void storeUniqueReportsTheNameTheServerChose() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().build())) {
            client.changeDirectory("upload");

            String name = client.storeUnique(new java.io.ByteArrayInputStream("unique".getBytes()));

            assertThat(name).isNotBlank();
            assertThat(Files.readString(vsftpd.uploadDir().resolve(name))).isEqualTo("unique");
        }
    }

    @Test
    void listParsesVsftpdLongListingIntoTypedEntries() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Files.write(vsftpd.root().resolve("file one.txt"), new byte[1234]);
            Files.createDirectory(vsftpd.root().resolve("subdir"));
            // A recent time: ls -l shows hours and minutes for files younger than six months.
            Instant mtime = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MINUTES);
            Files.setLastModifiedTime(vsftpd.root().resolve("file one.txt"), FileTime.from(mtime));

            try (FtpClient client = connect(vsftpd, quick().build())) {
                List<ListEntry> entries = client.list("");

                assertThat(entries).allSatisfy(entry -> assertThat(entry.isParsed()).isTrue());
                ListEntry file = entries.stream().filter(e -> e.name().equals("file one.txt")).findFirst().orElseThrow();
                assertThat(file.type()).isEqualTo(EntryType.FILE);
                assertThat(file.size()).hasValue(1234);
                assertThat(file.modified()).hasValue(mtime);
                ListEntry sub = entries.stream().filter(e -> e.name().equals("subdir")).findFirst().orElseThrow();
                assertThat(sub.type()).isEqualTo(EntryType.DIRECTORY);
                assertThat(client.listNames("")).contains("file one.txt", "subdir", "upload");
                assertThat(client.features().has("MLST")).isFalse();
            }
        }
    }

    @Test
    void makeRenameDeleteAndRemoveDirectoryChangeTheServersFiles() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().build())) {
            Path upload = vsftpd.uploadDir();

            String created = client.makeDirectory("upload/newdir");
            assertThat(created).isEqualTo("/upload/newdir");
            assertThat(upload.resolve("newdir")).isDirectory();

            client.store(new java.io.ByteArrayInputStream(new byte[] {1, 2, 3}), "upload/newdir/a.bin");
            client.rename("upload/newdir/a.bin", "upload/newdir/b.bin");
            assertThat(upload.resolve("newdir/a.bin")).doesNotExist();
            assertThat(upload.resolve("newdir/b.bin")).hasBinaryContent(new byte[] {1, 2, 3});

            client.changeDirectory("upload/newdir");
            assertThat(client.workingDirectory()).isEqualTo("/upload/newdir");
            client.changeToParentDirectory();
            assertThat(client.workingDirectory()).isEqualTo("/upload");

            client.delete("newdir/b.bin");
            assertThat(upload.resolve("newdir/b.bin")).doesNotExist();
            client.removeDirectory("newdir");
            assertThat(upload.resolve("newdir")).doesNotExist();
        }
    }

    @Test
    void sizeAndModificationTimeComeFromTheServer() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Path file = Files.write(vsftpd.root().resolve("t.bin"), new byte[4321]);
            Instant mtime = Instant.parse("2023-01-02T03:04:05Z");
            Files.setLastModifiedTime(file, FileTime.from(mtime));

            try (FtpClient client = connect(vsftpd, quick().build())) {
                assertThat(client.size("t.bin")).isEqualTo(4321);
                assertThat(client.modificationTime("t.bin")).isEqualTo(mtime.truncatedTo(ChronoUnit.SECONDS));
                assertThat(client.system()).contains("UNIX");
                client.noop();
                assertThat(client.status().codeValue()).isEqualTo(211);
            }
        }
    }

    @Test
    void negativeRepliesThrowWithTheReplyAndTheConnectionStaysUsable() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().build())) {

            assertThatThrownBy(() -> client.retrieve("missing.bin", dir.resolve("missing.bin")))
                    .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.code()).isEqualTo(550));
            assertThatThrownBy(() -> client.delete("nope"))
                    .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.reply().codeValue()).isEqualTo(550));

            client.noop();
            assertThat(client.sendCommand("HELP", "").codeValue()).isEqualTo(214);
            assertThat(client.sendCommand("HELP", null).codeValue()).as("null means no argument").isEqualTo(214);
        }
    }

    @Test
    void wrongPasswordIsRefusedWithTheServersReply() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = FtpClient.connect(quick().build(), vsftpd.host(), vsftpd.port())) {

            assertThatThrownBy(() -> client.login("nosuchuser", "secret"))
                    .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.code()).isEqualTo(530));
        }
    }

    @Test
    void fileNamesWithLineBreaksAreRefusedBeforeSending() throws Exception {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick().protocolListener(dialogue).build())) {
            int before = dialogue.commands.size();

            assertThatThrownBy(() -> client.delete("evil\r\nDELE other")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.retrieve("a\nb")).isInstanceOf(IllegalArgumentException.class);

            assertThat(dialogue.commands).hasSize(before);
            client.noop();
        }
    }

    @Test
    void quitSaysGoodbyeAndClosesTheConnection() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            FtpClient client = connect(vsftpd, quick().build());

            client.quit();

            assertThat(client.isConnected()).isFalse();
            assertThatThrownBy(client::noop).isInstanceOf(java.io.IOException.class);
        }
    }
}
