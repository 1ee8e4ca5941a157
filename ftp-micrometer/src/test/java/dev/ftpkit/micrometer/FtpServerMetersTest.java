package dev.ftpkit.micrometer;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.observe.PrometheusText;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FtpServerMeters shows what real clients did, exactly, in a Micrometer registry, under PrometheusText's names. */
class FtpServerMetersTest {

    private static final String USER = "alice";
    private static final String PASSWORD = "s3cret";

    @TempDir
    Path root;

    private final FtpServerMeters meters = new FtpServerMeters();
    private FtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Starts the server with the meters; the latch opens once {@code sessions} sessions have ended. */
    private CountDownLatch start(int sessions) throws Exception {
        CountDownLatch ended = new CountDownLatch(sessions);
        ServerListener countingDown = new ServerListener() {
            @Override
            public void disconnected(FtpSession session) {
                ended.countDown();
            }
        };
        // the latch last: when it opens, the meters have seen each disconnect
        server = FtpServer.builder().host("127.0.0.1").port(0).root(root)
                .authenticator(InMemoryUsers.builder().iterations(1_000)
                        .user(USER, PASSWORD, Account.atRoot(USER, Permission.all())).build())
                .loginFailureDelay(Duration.ofMillis(20))
                .listener(ServerListener.all(meters, countingDown)).build().start();
        return ended;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(20, TimeUnit.SECONDS)).as("sessions ended").isTrue();
    }

    /** Two failed-then-good logins' worth of work: 3 uploads (6000 bytes), 2 downloads (4000 bytes), 1 listing. */
    private void knownWorkload() throws Exception {
        Files.write(root.resolve("d1.bin"), new byte[1500]);
        Files.write(root.resolve("d2.bin"), new byte[2500]);
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            assertThatThrownBy(() -> ftp.login(USER, "wrong")).isInstanceOf(FtpReplyException.class);
            ftp.login(USER, PASSWORD);
            for (int size : new int[] {1000, 2000, 3000}) {
                ftp.store(new ByteArrayInputStream(new byte[size]), "u" + size + ".bin");
            }
            assertThat(ftp.retrieve("d1.bin", new ByteArrayOutputStream())).isEqualTo(1500);
            assertThat(ftp.retrieve("d2.bin", new ByteArrayOutputStream())).isEqualTo(2500);
            ftp.listLines("");
            ftp.quit();
        }
    }

    private static double count(MeterRegistry registry, String name, String... tags) {
        return registry.get(name).tags(tags).functionCounter().count();
    }

    @Test
    void knownWorkloadGivesExactCountsInTheRegistry() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);
        CountDownLatch ended = start(1);
        knownWorkload();
        await(ended);

        assertThat(registry.get("ftpkit.sessions.active").gauge().value()).isZero();
        assertThat(count(registry, "ftpkit.sessions")).isEqualTo(1);
        assertThat(count(registry, "ftpkit.logins", "result", "success")).isEqualTo(1);
        assertThat(count(registry, "ftpkit.logins", "result", "failure")).isEqualTo(1);
        assertThat(count(registry, "ftpkit.transfers", "direction", "upload", "result", "ok")).isEqualTo(3);
        assertThat(count(registry, "ftpkit.transfers", "direction", "upload", "result", "failed")).isZero();
        assertThat(count(registry, "ftpkit.transfers", "direction", "download", "result", "ok")).isEqualTo(2);
        assertThat(count(registry, "ftpkit.transfers", "direction", "listing", "result", "ok")).isEqualTo(1);
        assertThat(count(registry, "ftpkit.transfer.bytes", "direction", "upload")).isEqualTo(6000);
        assertThat(count(registry, "ftpkit.transfer.bytes", "direction", "download")).isEqualTo(4000);
        assertThat(count(registry, "ftpkit.commands", "verb", "STOR")).isEqualTo(3);
        assertThat(count(registry, "ftpkit.commands", "verb", "RETR")).isEqualTo(2);
        assertThat(count(registry, "ftpkit.commands", "verb", "PASS")).isEqualTo(2);
        assertThat(count(registry, "ftpkit.replies", "code", "530")).isEqualTo(1);
        assertThat(count(registry, "ftpkit.replies", "code", "226")).isEqualTo(6);
        assertThat(count(registry, "ftpkit.replies", "code", "221")).isEqualTo(1);
    }

    @Test
    void abortedDownloadCountsAsFailedWithTheBytesSent() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        meters.bindTo(registry);
        CountDownLatch ended = start(1);
        try (RandomAccessFile big = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            big.setLength(64L << 20); // more than loopback buffers hold: the transfer is still running at ABOR
        }
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            ftp.login(USER, PASSWORD);
            try (InputStream in = ftp.retrieve("big.bin")) {
                assertThat(in.readNBytes(1000)).hasSize(1000);
            } // closed early: ABOR
            ftp.quit();
        }
        await(ended);

        assertThat(count(registry, "ftpkit.transfers", "direction", "download", "result", "failed")).isEqualTo(1);
        assertThat(count(registry, "ftpkit.transfers", "direction", "download", "result", "ok")).isZero();
        assertThat(count(registry, "ftpkit.transfer.bytes", "direction", "download"))
                .isEqualTo(meters.metrics().snapshot().transfers(
                        dev.ftpkit.server.TransferEvent.Direction.DOWNLOAD).bytes())
                .isBetween(1000.0, (double) (64L << 20) - 1);
        assertThat(count(registry, "ftpkit.replies", "code", "426")).isEqualTo(1);
    }

    @Test
    void prometheusRegistryScrapesEverySeriesOfPrometheusTextWithTheSameValue() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        meters.bindTo(registry);
        CountDownLatch ended = start(1);
        knownWorkload();
        await(ended);

        Map<String, Double> ours = samples(PrometheusText.render(meters.metrics().snapshot()));
        Map<String, Double> scraped = samples(registry.scrape());
        assertThat(ours).containsKeys("ftpkit_sessions_active", "ftpkit_logins_total{result=\"success\"}",
                "ftpkit_transfer_bytes_total{direction=\"upload\"}",
                "ftpkit_transfers_total{direction=\"upload\",result=\"ok\"}", "ftpkit_commands_total{verb=\"STOR\"}",
                "ftpkit_replies_total{code=\"226\"}");
        assertThat(scraped).containsAllEntriesOf(ours);
    }

    @Test
    void aRegistryBoundLaterGetsTheMetersOfVerbsAlreadySeen() throws Exception {
        CountDownLatch ended = start(1);
        knownWorkload();
        await(ended);
        SimpleMeterRegistry late = new SimpleMeterRegistry();
        meters.bindTo(late);

        assertThat(count(late, "ftpkit.commands", "verb", "STOR")).isEqualTo(3);
        assertThat(count(late, "ftpkit.replies", "code", "530")).isEqualTo(1);
    }

    /** {@code name{labels} value} per sample line of a Prometheus text; comments skipped. */
    private static Map<String, Double> samples(String text) {
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return samples;
    }
}
