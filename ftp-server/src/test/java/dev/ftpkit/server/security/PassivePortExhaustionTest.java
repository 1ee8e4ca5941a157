package dev.ftpkit.server.security;

import dev.ftpkit.core.Reply;
import dev.ftpkit.server.PassiveSettings;
import dev.ftpkit.server.RawFtp;
import dev.ftpkit.testsupport.Background;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passive port exhaustion: a client that asks for listeners without using them, or many clients at once, must
 * not run the server out of ports or file descriptors (CWE-400 uncontrolled resource consumption; vsftpd keeps one pending listener per session). Items 4
 * and 5.
 */
class PassivePortExhaustionTest extends SecurityFixture {

    // RFC 959 §4.1.2 PASV: each PASV replaces the session's pending listener, so at most one is ever open
    @Test
    void pasvRepeatedTenThousandTimesHoldsAtMostOneListener() throws Exception {
        int start = freeRange(2);
        Disconnects disconnects = new Disconnects();
        server = Security.server(root).passive(PassiveSettings.builder().portRange(start, start + 1).build()).listener(disconnects).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port())) {
            int n = 10_000;
            CompletableFuture<Void> flood = CompletableFuture.runAsync(() -> {
                try {
                    attacker.sendRaw("PASV\r\n".repeat(n).getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, Background.THREADS);
            for (int i = 0; i < n; i++) {
                Reply reply = attacker.read();
                assertThat(reply.codeValue()).as("PASV #%d: %s", i, reply.encode()).isEqualTo(227);
                if (i == n / 2) {
                    // during the attack the second port is still free for someone else
                    Security.bystanderIsServed(server);
                }
            }
            flood.get(10, TimeUnit.SECONDS);
            Security.bystanderIsServed(server);
        }
        // the two bystanders and the attacker: a session gives its port back as it ends, after the client closed
        disconnects.await(3, 10);
        // after it, both ports are back in the pool
        try (RawFtp a = RawFtp.login(server.port()); RawFtp b = RawFtp.login(server.port())) {
            assertThat(List.of(a.pasvPort(), b.pasvPort())).containsExactlyInAnyOrder(start, start + 1);
        }
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // CWE-400 / vsftpd pasv_min_port..pasv_max_port: an exhausted range is a 425, never a hang or a leak
    @Test
    void sessionsExhaustingThePassiveRangeGet425AndPortsReturnWhenTheyClose() throws Exception {
        int start = freeRange(3);
        Disconnects disconnects = new Disconnects();
        server = Security.server(root).passive(PassiveSettings.builder().portRange(start, start + 2).build()).listener(disconnects).build().start();
        Map<String, String> before = Security.snapshot(root);
        List<RawFtp> holders = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                RawFtp holder = RawFtp.login(server.port());
                holders.add(holder);
                holder.pasvPort();
            }
            for (int i = 0; i < 2; i++) {
                try (RawFtp extra = RawFtp.login(server.port())) {
                    assertThat(extra.reply("PASV")).isEqualTo("425 No passive port available; try again later.\r\n");
                    assertThat(extra.reply("EPSV")).isEqualTo("425 No passive port available; try again later.\r\n");
                    assertThat(extra.reply("NOOP")).startsWith("200 ");
                }
            }
            disconnects.await(2, 10);
        } finally {
            for (RawFtp holder : holders) {
                holder.close(); // no QUIT, no ABOR: the session's end must give the port back
            }
        }
        disconnects.await(3, 10);
        List<RawFtp> again = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                RawFtp next = RawFtp.login(server.port());
                again.add(next);
                ports.add(next.pasvPort());
            }
            assertThat(ports).containsExactlyInAnyOrder(start, start + 1, start + 2);
        } finally {
            for (RawFtp r : again) {
                r.close();
            }
        }
        disconnects.await(3, 10);
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    /** A run of consecutive loopback ports below the ephemeral range that were all free a moment ago. */
    static int freeRange(int size) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(20_000, 32_000 - size);
            boolean free = true;
            for (int port = start; port < start + size && free; port++) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return start;
            }
        }
        throw new IllegalStateException("no free range of " + size + " ports");
    }
}
