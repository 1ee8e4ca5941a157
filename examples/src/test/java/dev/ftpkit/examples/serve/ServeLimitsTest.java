package dev.ftpkit.examples.serve;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpTransferException;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.examples.UsageException;
import dev.ftpkit.server.FtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code serve --max-rate, --max-rate-anonymous, --quota, --ban-after, --ban-seconds} and their vsftpd.conf keys. */
class ServeLimitsTest {

    @TempDir
    Path dir;

    private final PrintStream log = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private ServeSettings settings(String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("--root", Files.createDirectories(dir.resolve("root")).toString(),
                "--port", "0", "--user", "alice:pw", "--write"));
        line.addAll(List.of(args));
        return ServeCommand.settings(line, log);
    }

    @Test
    void theOptionsTakeSizesInVsftpdsUnits() throws Exception {
        ServeSettings s = settings("--max-rate", "5M", "--max-rate-anonymous", "64K", "--quota", "alice:2G",
                "--quota", "bob:1000", "--ban-after", "3", "--ban-seconds", "60");
        assertThat(s.maxRate).isEqualTo(5_000_000);
        assertThat(s.maxRateAnonymous).isEqualTo(64_000);
        assertThat(s.quotas).containsEntry("alice", 2_000_000_000L).containsEntry("bob", 1000L);
        assertThat(s.banAfter).isEqualTo(3);
        assertThat(s.banTime).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertThatThrownBy(() -> settings("--max-rate", "fast")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--max-rate");
        assertThatThrownBy(() -> settings("--quota", "alice")).isInstanceOf(UsageException.class)
                .hasMessageContaining("NAME:SIZE");
        assertThatThrownBy(() -> settings("--ban-after", "0")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--ban-after");
    }

    @Test
    void vsftpdRateKeysLimitLocalUsersAndAnonymousOnesEachByTheirOwn() throws Exception {
        Path conf = Files.writeString(dir.resolve("vsftpd.conf"), "anonymous_enable=YES\nlocal_max_rate=200000\n");
        ServeSettings local = ServeCommand.settings(List.of("--config", conf.toString(), "--root", dir.toString()),
                log);
        assertThat(local.maxRate).isEqualTo(200_000);
        assertThat(local.maxRateAnonymous).isZero(); // vsftpd: anon_max_rate=0, no limit
        Files.writeString(conf, "anonymous_enable=YES\nlocal_max_rate=200000\nanon_max_rate=50000\n");
        ServeSettings both = ServeCommand.settings(List.of("--config", conf.toString(), "--root", dir.toString()),
                log);
        assertThat(both.maxRateAnonymous).isEqualTo(50_000);
    }

    @Test
    void aServedQuotaRefusesTheByteTooManyAndARateLimitedDownloadArrivesWhole() throws Exception {
        byte[] data = new byte[200_000];
        new Random(3).nextBytes(data);
        try (FtpServer server = ServeCommand.build(settings("--quota", "alice:300K", "--max-rate", "1M"), log)
                .start();
             FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            ftp.login("alice", "pw");
            ftp.store(new ByteArrayInputStream(data), "a.bin");
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            ftp.retrieve("a.bin", back);
            assertThat(back.toByteArray()).isEqualTo(data);
            ftp.store(new ByteArrayInputStream(new byte[100_000]), "b.bin"); // exactly 300,000
            assertThatThrownBy(() -> ftp.store(new ByteArrayInputStream(new byte[1]), "c.bin"))
                    .satisfies(e -> assertThat(e).isInstanceOfAny(FtpReplyException.class, FtpTransferException.class)
                            .hasMessageContaining("552"));
        }
        assertThat(Files.exists(dir.resolve("root/c.bin"))).isFalse();
    }

    @Test
    void aServedBanAfterTwoFailuresRefusesTheThirdConnectionWith421() throws Exception {
        try (FtpServer server = ServeCommand.build(settings("--ban-after", "2", "--ban-seconds", "600"), log)
                .start()) {
            for (int i = 0; i < 2; i++) {
                try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
                    assertThatThrownBy(() -> ftp.login("alice", "wrong")).hasMessageContaining("530");
                }
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
                socket.setSoTimeout(30_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.US_ASCII));
                assertThat(in.readLine()).startsWith("421 ");
            }
        }
    }
}
