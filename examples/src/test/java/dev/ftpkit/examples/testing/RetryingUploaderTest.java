package dev.ftpkit.examples.testing;

import dev.ftpkit.testing.Fault;
import dev.ftpkit.testing.FtpTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The README's Commons Net example: an uploader that retries, against an injected 421. */
class RetryingUploaderTest {

    @TempDir
    Path dir;

    @Test
    void aServerThatSays421AtTheThirdCommandGetsTheFileOnTheSecondAttempt() throws Exception {
        Path local = Files.writeString(dir.resolve("report.csv"), "a,b\n1,2\n");
        try (FtpTestServer server = FtpTestServer.builder().user("alice", "secret").directory("/out").start()) {
            server.inject(Fault.reply(421, "Too busy").atCommand(3));

            int attempt = new RetryingUploader(server.host(), server.port(), "alice", "secret", 3)
                    .upload(local, "/out/report.csv");

            assertThat(attempt).isEqualTo(2);
            assertThat(Files.readString(server.root().resolve("out/report.csv"))).isEqualTo("a,b\n1,2\n");
            server.transcript().awaitCommand("STOR", Duration.ofSeconds(5));
        }
    }

    @Test
    void aServerThatAlwaysRefusesTheUploadMakesItFailAfterTheLastAttempt() throws Exception {
        Path local = Files.writeString(dir.resolve("report.csv"), "a,b\n");
        try (FtpTestServer server = FtpTestServer.builder().user("alice", "secret").start()) {
            server.inject(Fault.reply(550, "Not allowed").on("STOR").always());

            RetryingUploader uploader = new RetryingUploader(server.host(), server.port(), "alice", "secret", 2);

            assertThatThrownBy(() -> uploader.upload(local, "/report.csv")).isInstanceOf(IOException.class)
                    .hasMessageContaining("550");
            assertThat(server.transcript().commands()).filteredOn(c -> c.startsWith("STOR")).hasSize(2);
            assertThat(server.root().resolve("report.csv")).doesNotExist();
        }
    }
}
