package dev.ftpkit.examples.serve;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out (issue 18 item 3): two {@code ftpkit serve --proxy-protocol} instances share one root behind haproxy
 * (TCP mode, {@code send-proxy-v2}, health checks); each advertises its own passive address and range. 60 sessions,
 * each from its own loopback address, upload a distinct file and download another session's; one instance is killed
 * with SIGKILL mid-run. Nothing that got a 226 may be lost or truncated, and sessions that start after the kill are
 * all served by the survivor.
 */
class ScaleOutBehindHaproxyTest {

    private static final int SESSIONS = 60;
    private static final int CONCURRENT = 8;
    /** The kill comes once this many uploads were committed, while others are in flight. */
    private static final int KILL_AFTER_COMMITS = 20;
    private static final String DOOMED = "127.0.0.21";
    private static final String SURVIVOR = "127.0.0.22";

    @TempDir
    Path dir;

    /** haproxy's frontend, where every session connects. */
    private int frontPort;

    /** What one session saw. */
    private record Outcome(int session, boolean startedAfterKill, String instance, Exception failure) {
    }

    private static byte[] content(int session) {
        return ("session " + session + " wrote this line\n").repeat(6_000 + session).getBytes(StandardCharsets.UTF_8);
    }

    private static String source(int session) {
        return "127.0.1." + (session + 1);
    }

    /** Four consecutive ports free on {@code host} a moment ago, for one instance's passive range. */
    private static int freeRange(String host) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (allFree(host, start)) {
                return start;
            }
        }
        throw new IOException("no free passive range on " + host);
    }

    private static boolean allFree(String host, int start) {
        for (int port = start; port < start + 4; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    private ServeProcess instance(Path root, String address) throws IOException {
        int range = freeRange(address);
        return ServeProcess.start(dir.resolve("serve-" + address + ".log"), "--host", address, "--port", "0",
                "--root", root.toString(), "--anonymous", "--write", "--proxy-protocol",
                "--passive-address", address, "--passive-ports", range + "-" + (range + 3));
    }

    @Test
    @SuppressWarnings("try") // haproxy only has to run while the sessions go through it
    void sixtySessionsAcrossTwoInstancesLoseNothingCommittedWhenOneIsKilled() throws Exception {
        Path root = Files.createDirectories(dir.resolve("shared-root"));
        Files.write(root.resolve("seed"), content(-1));
        Map<String, byte[]> committed = new ConcurrentHashMap<>();
        List<String> committedOrder = new CopyOnWriteArrayList<>();
        committed.put("seed", content(-1));
        committedOrder.add("seed");
        try (ServeProcess doomed = instance(root, DOOMED); ServeProcess survivor = instance(root, SURVIVOR)) {
            int front = Haproxy.freePort();
            frontPort = front;
            String config = Haproxy.defaults() + """
                    frontend ftp
                        bind 127.0.0.1:%d
                        default_backend instances
                    backend instances
                        balance roundrobin
                        option redispatch 1
                        server doomed %s:%d send-proxy-v2 check inter 300ms fall 1 rise 2
                        server survivor %s:%d send-proxy-v2 check inter 300ms fall 1 rise 2
                    """.formatted(front, DOOMED, doomed.port(), SURVIVOR, survivor.port());
            try (Haproxy ignored = Haproxy.start(dir, config, List.of(front))) {
                CountDownLatch enoughCommitted = new CountDownLatch(KILL_AFTER_COMMITS);
                CountDownLatch killed = new CountDownLatch(1);
                ExecutorService pool = Executors.newFixedThreadPool(CONCURRENT + 1);
                List<Outcome> outcomes;
                try {
                    Future<?> killer = pool.submit(() -> {
                        enoughCommitted.await(120, TimeUnit.SECONDS);
                        doomed.kill(); // SIGKILL while sessions are in flight
                        killed.countDown();
                        return null;
                    });
                    List<Future<Outcome>> sessions = new ArrayList<>();
                    for (int i = 0; i < SESSIONS; i++) {
                        int n = i;
                        sessions.add(pool.submit(() -> session(n, killed, enoughCommitted, committed, committedOrder)));
                    }
                    outcomes = new ArrayList<>();
                    for (Future<Outcome> session : sessions) {
                        outcomes.add(session.get(300, TimeUnit.SECONDS));
                    }
                    killer.get(120, TimeUnit.SECONDS);
                } finally {
                    pool.shutdownNow();
                }

                // nothing that got a 226 is lost or truncated
                for (Map.Entry<String, byte[]> upload : committed.entrySet()) {
                    assertThat(root.resolve(upload.getKey())).as(upload.getKey())
                            .hasBinaryContent(upload.getValue());
                }
                assertThat(outcomes).as("sessions served by the instance that was killed")
                        .anyMatch(o -> !o.startedAfterKill() && o.instance().equals(DOOMED));
                List<Outcome> afterKill = outcomes.stream().filter(Outcome::startedAfterKill).toList();
                assertThat(afterKill).as("sessions started after the kill").isNotEmpty()
                        .allSatisfy(o -> {
                            assertThat(o.failure()).as("session " + o.session()).isNull();
                            assertThat(o.instance()).as("session " + o.session()).isEqualTo(SURVIVOR);
                        });
            }
        }
    }

    /** The latest committed upload of another session (the seed at worst). */
    private static String otherThan(String own, List<String> committedOrder) {
        List<String> snapshot = List.copyOf(committedOrder);
        for (int i = snapshot.size() - 1; i >= 0; i--) {
            if (!snapshot.get(i).equals(own)) {
                return snapshot.get(i);
            }
        }
        throw new AssertionError("the seed is always committed");
    }

    /** One session: upload a distinct file, download one another session committed; failures are recorded. */
    private Outcome session(int n, CountDownLatch killed, CountDownLatch enoughCommitted,
                                   Map<String, byte[]> committed, List<String> committedOrder) {
        boolean afterKill = killed.getCount() == 0;
        String instance = "";
        try (BoundFtp ftp = BoundFtp.login(source(n), frontPort, "anonymous", "ftp@")) {
            String name = "up-" + n;
            ftp.store(name, content(n));
            instance = ftp.passiveHost();
            committed.put(name, content(n));
            committedOrder.add(name);
            enoughCommitted.countDown();
            String other = otherThan(name, committedOrder);
            byte[] expected = committed.get(other);
            assertThat(ftp.retrieve(other)).as("download of " + other).isEqualTo(expected);
            return new Outcome(n, afterKill, instance, null);
        } catch (IOException e) {
            return new Outcome(n, afterKill, instance, e);
        }
    }
}
