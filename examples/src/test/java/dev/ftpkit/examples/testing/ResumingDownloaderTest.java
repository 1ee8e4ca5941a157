package dev.ftpkit.examples.testing;

import dev.ftpkit.testing.Fault;
import dev.ftpkit.testing.FtpTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's ftpkit client example: a downloader that resumes, against a dropped data connection. */
class ResumingDownloaderTest {

    @TempDir
    Path dir;

    @Test
    void aDataConnectionDroppedMidwayIsResumedAndTheFileArrivesWhole() throws Exception {
        byte[] content = new byte[300_000];
        new Random(42).nextBytes(content);
        try (FtpTestServer server = FtpTestServer.builder().file("/data.bin", content).start()) {
            server.inject(Fault.dropDataAfter(100_000).on("RETR"));

            Path local = dir.resolve("data.bin");
            int connections = new ResumingDownloader(server.host(), server.port(), 3).download("/data.bin", local);

            assertThat(connections).isEqualTo(2);
            assertThat(Files.readAllBytes(local)).isEqualTo(content);
            assertThat(server.transcript().commands()).contains("REST 100000");
        }
    }
}
