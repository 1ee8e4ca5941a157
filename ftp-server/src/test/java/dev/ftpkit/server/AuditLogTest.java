package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.server.observe.AuditLog;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AuditLog writes one JSON line per login, transfer, delete, rename and directory change, with absolute paths. */
class AuditLogTest extends ServerFixture {

    private static final String HEAD = "{\"time\":\"2026-12-05T12:00:00Z\",\"event\":";

    @Test
    void sessionOfChangesIsLoggedLineByLine() throws Exception {
        StringWriter out = new StringWriter();
        CountDownLatch gone = new CountDownLatch(1);
        AuditLog audit = AuditLog.writingTo(out, Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC));
        server = TestServers.builder(root).listener(ServerListener.all(audit, countingDownOnDisconnect(gone)))
                .build().start();
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            assertThatThrownBy(() -> ftp.login("mallory", "guess")).isInstanceOf(FtpReplyException.class);
            ftp.login(TestServers.USER, TestServers.PASSWORD);
            ftp.makeDirectory("docs");
            ftp.changeDirectory("docs");
            ftp.store(new ByteArrayInputStream("abc".getBytes()), "a \"quoted\" name.txt");
            ftp.rename("a \"quoted\" name.txt", "../b.txt");
            ftp.changeToParentDirectory();
            assertThatThrownBy(() -> ftp.delete("missing.txt")).isInstanceOf(FtpReplyException.class);
            ftp.delete("b.txt");
            ftp.removeDirectory("docs");
            ftp.quit();
        }
        assertThat(gone.await(20, TimeUnit.SECONDS)).isTrue();

        String who = "\"session\":\"1\",\"client\":\"127.0.0.1\",\"user\":\"alice\",";
        List<String> lines = Arrays.stream(out.toString().split("\n"))
                .map(line -> line.replaceAll("\"millis\":\\d+", "\"millis\":0"))
                .collect(Collectors.toList());
        assertThat(lines).containsExactly(
                HEAD + "\"login\",\"session\":\"1\",\"client\":\"127.0.0.1\",\"user\":\"\",\"result\":\"failure\","
                        + "\"given\":\"mallory\"}",
                HEAD + "\"login\"," + who + "\"result\":\"success\"}",
                HEAD + "\"mkdir\"," + who + "\"path\":\"/docs\",\"code\":257}",
                HEAD + "\"cwd\"," + who + "\"path\":\"/docs\",\"code\":250}",
                HEAD + "\"transfer\"," + who + "\"direction\":\"upload\",\"path\":\"/docs/a \\\"quoted\\\" name.txt\","
                        + "\"bytes\":3,\"millis\":0,\"result\":\"ok\"}",
                HEAD + "\"rename\"," + who + "\"from\":\"/docs/a \\\"quoted\\\" name.txt\",\"to\":\"/b.txt\","
                        + "\"code\":250}",
                HEAD + "\"cwd\"," + who + "\"path\":\"/\",\"code\":250}",
                HEAD + "\"delete\"," + who + "\"path\":\"/missing.txt\",\"code\":550}",
                HEAD + "\"delete\"," + who + "\"path\":\"/b.txt\",\"code\":250}",
                HEAD + "\"rmdir\"," + who + "\"path\":\"/docs\",\"code\":250}");
    }
}
