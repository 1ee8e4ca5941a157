package dev.ftpkit.server.security;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.RawFtp;
import dev.ftpkit.testsupport.Background;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory exhaustion through the control connection: endless lines and pipelined floods (RFC 959 §4.1.3 lines
 * end with CRLF; CWE-400 uncontrolled resource consumption). Items 9 and 10.
 */
class OversizedInputTest extends SecurityFixture {

    // a 1 MiB line: bytes beyond maxLineBytes are discarded as they arrive, the line gets 500, the session goes on
    @Test
    void oneMebibyteLineWithoutCrlfIsDiscardedWith500() throws Exception {
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port())) {
            byte[] line = new byte[1 << 20];
            Arrays.fill(line, (byte) 'A');
            System.arraycopy("STOR ".getBytes(StandardCharsets.US_ASCII), 0, line, 0, 5);
            CompletableFuture<Void> send = CompletableFuture.runAsync(() -> {
                try {
                    attacker.sendRaw(line);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, Background.THREADS);
            Security.bystanderIsServed(server);
            send.get(20, TimeUnit.SECONDS);
            attacker.sendRaw("\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(attacker.read().encode()).isEqualTo("500 Input line too long.\r\n");
            assertThat(attacker.reply("NOOP")).startsWith("200 ");
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // pipelining is legal (RFC 959 §4.1): 100,000 commands read and answered in order, with a bounded buffer
    @Test
    void hundredThousandPipelinedCommandsAreAnsweredInOrder() throws Exception {
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port())) {
            int n = 100_000;
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                try {
                    attacker.sendRaw("NOOP\r\nMKD ../x\r\n".repeat(n / 2).getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, Background.THREADS);
            for (int i = 0; i < n; i++) {
                Reply reply = attacker.read();
                assertThat(reply.codeValue()).isEqualTo(i % 2 == 0 ? 200 : 550);
                if (i == n / 2) {
                    Security.bystanderIsServed(server);
                }
            }
            flood.get(20, TimeUnit.SECONDS);
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // a flooder that never reads its replies blocks only its own session: closed after the idle timeout
    @Test
    @SuppressWarnings("try") // the flooder is closed early on purpose, to end its blocked writer thread
    void hundredThousandPipelinedCommandsFromAClientThatNeverReadsCloseOnlyThatSession() throws Exception {
        Disconnects disconnects = new Disconnects();
        server = Security.server(root).idleTimeout(Duration.ofSeconds(2)).listener(disconnects).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp flooder = RawFtp.login(server.port())) {
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                try {
                    flooder.sendRaw("NOOP\r\n".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
                } catch (IOException closedByServer) {
                    // expected once the server gave up on this client
                }
            }, Background.THREADS);
            Security.bystanderIsServed(server);
            disconnects.await(2, 20); // the bystander's and the flooder's
            flooder.close();
            flood.get(20, TimeUnit.SECONDS);
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
