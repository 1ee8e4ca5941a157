package dev.ftpkit.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many clients at once: every byte arrives where it should. */
class ConcurrencyTest {

    private static final int CLIENTS = 50;

    @Test
    void fiftyClientsUploadAndDownloadAtOnce(@TempDir Path root) throws Exception {
        byte[] shared = new byte[1024 * 1024];
        new Random(1).nextBytes(shared);
        Files.write(root.resolve("shared.bin"), shared);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try (FtpServer server = TestServers.start(root)) {
            List<Future<byte[]>> uploads = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                uploads.add(pool.submit(() -> {
                    byte[] mine = new byte[200_000 + client * 1000];
                    new Random(client).nextBytes(mine);
                    try (RawFtp ftp = RawFtp.login(server.port())) {
                        ftp.store("client-" + client + ".bin", mine);
                        assertThat(ftp.retrieve("shared.bin")).isEqualTo(shared);
                        assertThat(ftp.retrieve("client-" + client + ".bin")).isEqualTo(mine);
                        ftp.expect(221, "QUIT");
                    }
                    return mine;
                }));
            }
            for (int i = 0; i < CLIENTS; i++) {
                byte[] expected = uploads.get(i).get(120, TimeUnit.SECONDS);
                assertThat(Files.readAllBytes(root.resolve("client-" + i + ".bin"))).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
