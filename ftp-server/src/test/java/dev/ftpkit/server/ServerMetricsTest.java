package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.observe.PrometheusText;
import dev.ftpkit.server.observe.ServerMetrics;
import dev.ftpkit.testsupport.PrometheusSamples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ServerMetrics counts a known workload exactly, and PrometheusText renders it so that a scraper reads it back. */
class ServerMetricsTest extends ServerFixture {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void knownWorkloadGivesExactCountsAndBytes() throws Exception {
        Files.write(root.resolve("d1.bin"), new byte[1500]);
        Files.write(root.resolve("d2.bin"), new byte[2500]);
        ServerMetrics metrics = new ServerMetrics();
        CountDownLatch bothGone = new CountDownLatch(2);
        ServerListener throwing = new ServerListener() {
            @Override
            public void transferEnded(FtpSession session, TransferEvent event) {
                throw new IllegalStateException("a broken listener must not hide the metrics");
            }
        };
        // the latch last: when it opens, the metrics have seen each disconnect
        server = TestServers.builder(root)
                .listener(ServerListener.all(throwing, metrics, countingDownOnDisconnect(bothGone))).build().start();

        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            assertThat(metrics.snapshot().sessionsActive()).isEqualTo(1);
            assertThatThrownBy(() -> ftp.login(TestServers.USER, "wrong")).isInstanceOf(FtpReplyException.class);
            ftp.login(TestServers.USER, TestServers.PASSWORD);
            for (int size : new int[] {1000, 2000, 3000}) {
                ftp.store(new ByteArrayInputStream(new byte[size]), "u" + size + ".bin");
            }
            assertThat(ftp.retrieve("d1.bin", new ByteArrayOutputStream())).isEqualTo(1500);
            assertThat(ftp.retrieve("d2.bin", new ByteArrayOutputStream())).isEqualTo(2500);
            ftp.list("");
            ftp.quit();
        }
        try (RawFtp raw = RawFtp.login(server.port())) {
            abortedUploadOf500Bytes(raw);
            raw.expect(221, "QUIT");
        }
        assertThat(bothGone.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        PrometheusSamples samples = PrometheusSamples.parse(PrometheusText.render(metrics.snapshot()));
        assertThat(samples.type("ftpkit_sessions_active")).isEqualTo("gauge");
        assertThat(samples.value("ftpkit_sessions_active")).isZero();
        assertThat(samples.value("ftpkit_sessions_total")).isEqualTo(2);
        assertThat(samples.value("ftpkit_logins_total{result=\"success\"}")).isEqualTo(2);
        assertThat(samples.value("ftpkit_logins_total{result=\"failure\"}")).isEqualTo(1);
        assertThat(samples.value("ftpkit_transfers_total{direction=\"upload\",result=\"ok\"}")).isEqualTo(3);
        assertThat(samples.value("ftpkit_transfers_total{direction=\"upload\",result=\"failed\"}")).isEqualTo(1);
        assertThat(samples.value("ftpkit_transfers_total{direction=\"download\",result=\"ok\"}")).isEqualTo(2);
        assertThat(samples.value("ftpkit_transfers_total{direction=\"download\",result=\"failed\"}")).isZero();
        assertThat(samples.value("ftpkit_transfers_total{direction=\"listing\",result=\"ok\"}")).isEqualTo(1);
        assertThat(samples.value("ftpkit_transfer_bytes_total{direction=\"upload\"}")).isEqualTo(6000 + 500);
        assertThat(samples.value("ftpkit_transfer_bytes_total{direction=\"download\"}")).isEqualTo(4000);
        assertThat(samples.value("ftpkit_commands_total{verb=\"STOR\"}")).isEqualTo(4);
        assertThat(samples.value("ftpkit_commands_total{verb=\"PASS\"}")).isEqualTo(3);
        assertThat(samples.value("ftpkit_replies_total{code=\"530\"}")).isEqualTo(1);
        assertThat(samples.value("ftpkit_replies_total{code=\"426\"}")).isEqualTo(1);
    }

    /** STOR, 500 bytes, STAT until the server has read all of them (so the count is exact), then ABOR. */
    private static void abortedUploadOf500Bytes(RawFtp raw) throws Exception {
        try (Socket data = raw.passive()) {
            raw.expect(150, "STOR big.bin");
            OutputStream out = data.getOutputStream();
            out.write(new byte[500]);
            out.flush();
            long deadline = System.nanoTime() + WAIT.toNanos();
            Reply status = raw.expect(211, "STAT");
            while (!status.text().contains("500 bytes") && System.nanoTime() < deadline) {
                status = raw.expect(211, "STAT");
            }
            assertThat(status.text()).contains("STOR in progress, 500 bytes transferred");
            assertThat(raw.send("ABOR").codeValue()).isEqualTo(426);
            assertThat(raw.read().codeValue()).isEqualTo(226);
        }
    }

    @Test
    void madeUpVerbsCannotGrowTheCommandTable() throws Exception {
        ServerMetrics metrics = new ServerMetrics();
        server = TestServers.builder(root).listener(metrics).build().start();
        try (RawFtp raw = RawFtp.connect(server.port())) {
            for (int i = 0; i < ServerMetrics.MAX_VERBS + 20; i++) {
                raw.expect(500, "JUNK" + i); // an unknown verb: RFC 959 §4.2 500
            }
        }
        assertThat(metrics.snapshot().commands()).hasSizeLessThanOrEqualTo(ServerMetrics.MAX_VERBS + 1)
                .containsKey("OTHER");
        assertThat(metrics.snapshot().commands().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(ServerMetrics.MAX_VERBS + 20);
    }
}
