package dev.ftpkit.examples.serve;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.testsupport.PrometheusSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** serve --metrics-port, --xferlog and --audit-log, scraped over HTTP after a known workload. */
class ServeOperationsTest {

    private static final Pattern READY = Pattern.compile("ftpkit serving .+ at ftp://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern METRICS = Pattern.compile("ftpkit metrics at (http://127\\.0\\.0\\.1:\\d+/metrics)");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void metricsEndpointXferlogAndAuditLogTellTheSameWorkload(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("served"));
        Files.write(root.resolve("big.bin"), new byte[32 << 20]);
        Path xferlog = dir.resolve("xferlog");
        Path audit = dir.resolve("audit.jsonl");
        Path stderr = dir.resolve("stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.ftpkit.examples.Main", "serve", "--port", "0", "--root", root.toString(), "--user", "bob:pw",
                "--write", "--metrics-port", "0", "--xferlog", xferlog.toString(), "--audit-log", audit.toString())
                .redirectError(stderr.toFile())
                .start();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            Matcher ready = READY.matcher(String.valueOf(stdout.readLine()));
            assertThat(ready.matches()).isTrue();
            Matcher metricsLine = METRICS.matcher(Files.readString(stderr)); // printed before the ready line
            assertThat(metricsLine.find()).as(Files.readString(stderr)).isTrue();
            URI metrics = URI.create(metricsLine.group(1));

            runWorkload(Integer.parseInt(ready.group(1)));

            HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build();
            HttpResponse<String> response = scrapeWhenIdle(http, metrics);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            PrometheusSamples samples = PrometheusSamples.parse(response.body());
            assertThat(samples.value("ftpkit_logins_total{result=\"success\"}")).isEqualTo(1);
            assertThat(samples.value("ftpkit_logins_total{result=\"failure\"}")).isEqualTo(1);
            assertThat(samples.value("ftpkit_transfers_total{direction=\"upload\",result=\"ok\"}")).isEqualTo(3);
            assertThat(samples.value("ftpkit_transfers_total{direction=\"upload\",result=\"failed\"}")).isZero();
            assertThat(samples.value("ftpkit_transfer_bytes_total{direction=\"upload\"}")).isEqualTo(6000);
            assertThat(samples.value("ftpkit_transfers_total{direction=\"download\",result=\"ok\"}")).isEqualTo(2);
            assertThat(samples.value("ftpkit_transfers_total{direction=\"download\",result=\"failed\"}")).isEqualTo(1);

            List<String> transfers = Files.readAllLines(xferlog);
            assertThat(transfers).hasSize(6);
            String aborted = transfers.get(5);
            assertThat(aborted).endsWith(" /big.bin b _ o r bob ftp 0 * i");
            long abortedBytes = Long.parseLong(aborted.split(" +")[7]);
            assertThat(samples.value("ftpkit_transfer_bytes_total{direction=\"download\"}"))
                    .isEqualTo(1000 + 3000 + abortedBytes);
            assertThat(Files.readAllLines(audit)).filteredOn(line -> line.contains("\"event\":\"transfer\"")).hasSize(6);
            assertThat(Files.readAllLines(audit)).filteredOn(line -> line.contains("\"event\":\"login\"")).hasSize(2);

            HttpResponse<String> elsewhere = http.send(HttpRequest.newBuilder(metrics.resolve("/other")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(elsewhere.statusCode()).isEqualTo(404);
            server.destroy();
            assertThat(server.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        } finally {
            server.destroyForcibly();
        }
    }

    private static void runWorkload(int port) throws Exception {
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", port)) {
            assertThatThrownBy(() -> ftp.login("bob", "wrong")).isInstanceOf(FtpReplyException.class);
            ftp.login("bob", "pw");
            for (int size : new int[] {1000, 2000, 3000}) {
                ftp.store(new ByteArrayInputStream(new byte[size]), "u" + size + ".bin");
            }
            assertThat(ftp.retrieve("u1000.bin", new ByteArrayOutputStream())).isEqualTo(1000);
            assertThat(ftp.retrieve("u3000.bin", new ByteArrayOutputStream())).isEqualTo(3000);
            try (InputStream in = ftp.retrieve("big.bin")) {
                assertThat(in.read()).isNotNegative();
                ftp.abort();
            }
            ftp.quit();
        }
    }

    /** The server process tells no one when the session it closed is gone: scrape until it is, bounded. */
    private static HttpResponse<String> scrapeWhenIdle(HttpClient http, URI metrics) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> response;
        do {
            response = http.send(HttpRequest.newBuilder(metrics).timeout(WAIT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        } while (PrometheusSamples.parse(response.body()).value("ftpkit_sessions_active") > 0
                && System.nanoTime() < deadline);
        assertThat(PrometheusSamples.parse(response.body()).value("ftpkit_sessions_active")).isZero();
        return response;
    }
}
