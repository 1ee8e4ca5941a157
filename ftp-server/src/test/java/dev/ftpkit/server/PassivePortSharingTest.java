package dev.ftpkit.server;

import dev.ftpkit.server.internal.FreeRange;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passive ports shared across client addresses (issue 18 item 2): a two-port range serves 40 sessions at once,
 * each from its own loopback address (Linux routes all of 127/8 to lo), and every transfer gets its own bytes.
 */
class PassivePortSharingTest extends ServerFixture {

    private static final int SESSIONS = 40;

    private static String address(int i) {
        return "127.0.0." + (11 + i);
    }

    private static byte[] content(int i) {
        return ("session " + i + " ").repeat(2_000 + i * 37).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fortyClientsOfFortyAddressesTransferThroughTwoPassivePorts() throws Exception {
        int first = FreeRange.start(2);
        server = TestServers.builder(root).maxSessions(SESSIONS + 5)
                .passive(PassiveSettings.builder().portRange(first, first + 1).build()).build().start();
        for (int i = 0; i < SESSIONS; i++) {
            Files.write(root.resolve("down-" + i), content(i));
        }
        Set<Integer> portsSeen = ConcurrentHashMap.newKeySet();
        // every session holds its passive place with its data connection made before any transfer starts
        CyclicBarrier allWaiting = new CyclicBarrier(SESSIONS);
        ExecutorService pool = Executors.newFixedThreadPool(SESSIONS);
        try {
            List<Future<?>> sessions = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                int n = i;
                sessions.add(pool.submit(() -> {
                    try (RawFtp ftp = RawFtp.connect(address(n), server.port()).loggedIn()) {
                        int port = ftp.pasvPort();
                        portsSeen.add(port);
                        try (Socket data = new Socket()) {
                            data.bind(new InetSocketAddress(address(n), 0));
                            data.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                            data.setSoTimeout(30_000);
                            allWaiting.await(60, TimeUnit.SECONDS);
                            ftp.expect(150, "RETR down-" + n);
                            assertThat(data.getInputStream().readAllBytes()).isEqualTo(content(n));
                            assertThat(ftp.read().codeValue()).isEqualTo(226);
                        }
                        // then uploads and downloads without lockstep, through the same two ports
                        byte[] upload = ("upload " + n).repeat(3_000).getBytes(StandardCharsets.UTF_8);
                        ftp.store("up-" + n, upload);
                        assertThat(ftp.retrieve("up-" + n)).isEqualTo(upload);
                        return null;
                    }
                }));
            }
            for (Future<?> session : sessions) {
                session.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(portsSeen).allSatisfy(p -> assertThat(p).isBetween(first, first + 1));
    }
}
