package dev.ftpkit.server;

import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.list.ListEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The ftpkit client against the ftpkit server, passive and active. */
class FtpkitClientTest {

    @TempDir
    Path root;

    private void exercise(FtpServer server, FtpClientConfig config) throws Exception {
        byte[] content = new byte[700_000];
        new Random(5).nextBytes(content);
        try (FtpClient client = config.connect("127.0.0.1", server.port())) {
            client.login(TestServers.USER, TestServers.PASSWORD);
            assertThat(client.system()).isEqualTo("UNIX Type: L8");
            assertThat(client.features().has("MLST")).isTrue();
            assertThat(client.makeDirectory("dir")).isEqualTo("/dir");
            client.changeDirectory("dir");
            client.store(new ByteArrayInputStream(content), "data.bin");
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            client.retrieve("data.bin", back);
            assertThat(back.toByteArray()).isEqualTo(content);
            assertThat(client.size("data.bin")).isEqualTo(content.length);
            client.setModificationTime("data.bin", Instant.parse("2020-01-02T03:04:05Z"));
            assertThat(client.modificationTime("data.bin")).isEqualTo(Instant.parse("2020-01-02T03:04:05Z"));
            assertThat(client.list("")).extracting(ListEntry::name).containsExactly("data.bin");
            assertThat(client.mlst("data.bin").size()).hasValue(content.length);
            client.rename("data.bin", "renamed.bin");
            assertThat(client.listNames("")).containsExactly("renamed.bin");
            client.delete("renamed.bin");
            client.changeToParentDirectory();
            client.removeDirectory("dir");
            client.quit();
        }
    }

    @Test
    void passiveSessionDoesEverything() throws Exception {
        try (FtpServer server = TestServers.start(root)) {
            exercise(server, FtpClientConfig.builder().timeouts(Duration.ofSeconds(30)).build());
        }
        try (var left = Files.list(root)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void activeSessionDoesEverything() throws Exception {
        try (FtpServer server = TestServers.start(root)) {
            exercise(server, FtpClientConfig.builder().timeouts(Duration.ofSeconds(30))
                    .dataConnectionMode(DataConnectionMode.active()).build());
        }
    }
}
