package dev.ftpkit.server;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Apache Commons Net 3.11 with its defaults (active mode, ASCII type, SYST-driven LIST parsing) and passive. */
class CommonsNetTest {

    @TempDir
    Path root;

    private static FTPClient connect(FtpServer server) throws Exception {
        FTPClient client = new FTPClient();
        client.setDefaultTimeout(30_000);
        client.setDataTimeout(Duration.ofSeconds(30));
        client.connect("127.0.0.1", server.port());
        assertThat(FTPReply.isPositiveCompletion(client.getReplyCode())).isTrue();
        assertThat(client.login(TestServers.USER, TestServers.PASSWORD)).isTrue();
        return client;
    }

    @Test
    void listFilesParsesTheUnixListingInActiveMode() throws Exception {
        Files.createDirectory(root.resolve("docs"));
        Files.write(root.resolve("data.bin"), new byte[1234]);
        try (FtpServer server = TestServers.start(root)) {
            FTPClient client = connect(server);
            try {
                FTPFile[] files = client.listFiles();

                assertThat(client.getSystemType()).isEqualTo("UNIX Type: L8");
                assertThat(files).extracting(FTPFile::getName).containsExactlyInAnyOrder("docs", "data.bin");
                FTPFile data = Arrays.stream(files).filter(FTPFile::isFile).findFirst().orElseThrow();
                assertThat(data.getSize()).isEqualTo(1234);
                assertThat(Arrays.stream(files).filter(FTPFile::isDirectory)).hasSize(1);
                assertThat(client.mlistDir()).extracting(FTPFile::getName).containsExactlyInAnyOrder("docs", "data.bin");
            } finally {
                client.logout();
                client.disconnect();
            }
        }
    }

    @Test
    void binaryUploadAndDownloadInPassiveModeKeepEveryByte() throws Exception {
        byte[] content = new byte[500_000];
        new Random(3).nextBytes(content);
        try (FtpServer server = TestServers.start(root)) {
            FTPClient client = connect(server);
            try {
                client.enterLocalPassiveMode();
                assertThat(client.setFileType(FTP.BINARY_FILE_TYPE)).isTrue();
                assertThat(client.storeFile("up.bin", new ByteArrayInputStream(content))).isTrue();
                ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
                assertThat(client.retrieveFile("up.bin", downloaded)).isTrue();
                assertThat(client.rename("up.bin", "renamed.bin")).isTrue();
                assertThat(client.makeDirectory("dir")).isTrue();
                assertThat(client.changeWorkingDirectory("dir")).isTrue();
                assertThat(client.printWorkingDirectory()).isEqualTo("/dir");

                assertThat(downloaded.toByteArray()).isEqualTo(content);
            } finally {
                client.logout();
                client.disconnect();
            }
        }
        assertThat(Files.readAllBytes(root.resolve("renamed.bin"))).isEqualTo(content);
    }
}
