package dev.ftpkit.server;

import dev.ftpkit.testsupport.Background;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command line longer than {@code maxLineBytes} is refused with {@code 500} as soon as it passes the limit, not
 * when (if ever) its CRLF comes; its rest is discarded up to the CRLF; a few such lines in a row close the
 * connection (vsftpd: {@code 500 Input line too long.} and it closes at once).
 */
class LongCommandLineTest {

    @TempDir
    Path root;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void mebibyteLineWithoutCrlfIsAnsweredBeforeItEnds() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.socket().setSoTimeout(10_000); // generous: the reply comes once the limit is passed, no CRLF needed
            byte[] line = ("NOOP " + "x".repeat((1 << 20) - 5)).getBytes(StandardCharsets.US_ASCII);
            CompletableFuture<Void> send = CompletableFuture.runAsync(() -> sendQuietly(ftp, line), Background.THREADS);
            assertThat(ftp.read().encode()).isEqualTo("500 Input line too long.\r\n");
            send.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void commandAfterOneLongLineIsServed() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.sendRaw(("NOOP " + "x".repeat(10_000) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(ftp.read().encode()).isEqualTo("500 Input line too long.\r\n");
            assertThat(ftp.reply("PWD")).startsWith("257 ");
            assertThat(ftp.silentFor(200)).as("one 500 per long line").isTrue();
        }
    }

    @Test
    void threeLongLinesInARowCloseTheConnection() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port())) {
            byte[] longLine = ("NOOP " + "x".repeat(10_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 3; i++) {
                ftp.sendRaw(longLine);
                assertThat(ftp.read().codeValue()).isEqualTo(500);
            }
            assertThat(ftp.closedByServer()).isTrue();
        }
    }

    @Test
    void longLinesSeparatedByGoodCommandsDoNotClose() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port())) {
            byte[] longLine = ("NOOP " + "x".repeat(10_000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 4; i++) {
                ftp.sendRaw(longLine);
                assertThat(ftp.read().codeValue()).isEqualTo(500);
                assertThat(ftp.reply("NOOP")).startsWith("200 ");
            }
        }
    }

    private static void sendQuietly(RawFtp ftp, byte[] bytes) {
        try {
            ftp.sendRaw(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
