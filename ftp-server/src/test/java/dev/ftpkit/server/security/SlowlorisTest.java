package dev.ftpkit.server.security;

import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slowloris: clients that trickle a command one byte at a time keep a session (and its thread) forever if only an
 * idle timer, reset by every byte, guards the connection (CWE-400; the slowloris HTTP attack, CVE-2007-6750). Item 8.
 */
class SlowlorisTest {

    @TempDir
    Path root;

    private FtpServer server;
    private final List<RawFtp> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (RawFtp r : clients) {
            r.close();
        }
        if (server != null) {
            server.close();
        }
    }

    // the line deadline runs from the first byte of a line; the idle timeout (long here) never fires
    @Test
    void twoHundredTricklingClientsAreClosedAtTheLineDeadlineAndDoNotBlockOthers() throws Exception {
        Duration lineTimeout = Duration.ofMillis(800);
        Disconnects disconnects = new Disconnects();
        server = Security.server(root).lineTimeout(lineTimeout).idleTimeout(Duration.ofSeconds(60))
                .maxSessionsPerAddress(500).listener(disconnects).build().start();
        Map<String, String> before = Security.snapshot(root);
        int count = 200;
        for (int i = 0; i < count; i++) {
            clients.add(RawFtp.connect(server.port()));
        }
        byte[] command = "NOOP".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        boolean[] done = new boolean[count];
        int closed = 0;
        int bystanders = 0;
        long started = System.nanoTime();
        // one byte per client per round; a round takes ~100 ms (the bystander's dialogue paces it), bounded
        for (int round = 0; round < 400 && closed < count; round++) {
            for (int i = 0; i < count; i++) {
                if (done[i]) {
                    continue;
                }
                RawFtp client = clients.get(i);
                if (client.hasInput()) {
                    assertThat(client.read().encode()).isEqualTo("421 Timeout.\r\n");
                    done[i] = true;
                    closed++;
                    continue;
                }
                try {
                    client.sendRaw(new byte[] {command[round % command.length]});
                } catch (IOException closedByServer) {
                    done[i] = true;
                    closed++;
                }
            }
            // a well-behaved client is served while 200 sessions trickle (its dialogue paces the rounds)
            Security.bystanderIsServed(server);
            bystanders++;
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(closed).isEqualTo(count);
        // never a line: NOOP would have been complete after 4 bytes only with CRLF; closed near the deadline
        assertThat(millis).isLessThan(lineTimeout.toMillis() + 15_000);
        disconnects.await(count + bystanders, 20);
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
