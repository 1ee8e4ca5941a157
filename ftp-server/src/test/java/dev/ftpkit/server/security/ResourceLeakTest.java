package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resource exhaustion by repetition: 1,000 abusive sessions (the attacks above, cut short) must not leak file
 * descriptors or threads (CWE-772 missing release of a resource, CWE-400). Item 23.
 */
class ResourceLeakTest extends SecurityFixture {

    private interface Abuse {
        void run(int port) throws IOException;
    }

    private static final List<Abuse> ABUSES = List.of(
            port -> { // wrong passwords until closed (item 6)
                try (RawFtp r = RawFtp.connect(port)) {
                    r.send("USER " + RawFtp.USER);
                    r.send("PASS wrong");
                    r.closedByServer();
                }
            },
            port -> { // PASV listeners left open, then a hang-up (items 4, 5)
                try (RawFtp r = RawFtp.login(port)) {
                    r.send("PASV");
                    r.send("EPSV");
                }
            },
            port -> { // a data connection opened and dropped mid-upload (item 20)
                try (RawFtp r = RawFtp.login(port); Socket data = r.passive()) {
                    r.expect(150, "STOR up.bin");
                    data.getOutputStream().write(new byte[10_000]);
                    data.setSoLinger(true, 0);
                }
            },
            port -> { // trickle until the line deadline (item 8)
                try (RawFtp r = RawFtp.connect(port)) {
                    r.sendRaw("NO".getBytes(StandardCharsets.US_ASCII));
                    r.closedByServer();
                }
            },
            port -> { // overlong line and malformed bytes (items 9, 11)
                try (RawFtp r = RawFtp.connect(port)) {
                    byte[] line = new byte[10_000];
                    Arrays.fill(line, (byte) 'A');
                    r.sendRaw(line);
                    r.sendRaw(new byte[] {0, (byte) 0xFF, (byte) 0xC3, '\r', '\n'});
                    r.read();
                }
            },
            port -> { // traversal and a bounce attempt, then a reset control connection (items 1, 13)
                try (RawFtp r = RawFtp.login(port)) {
                    r.send("RETR ../../etc/passwd");
                    r.send("PORT 10,0,0,1,0,21");
                    r.socket().setSoLinger(true, 0);
                }
            },
            port -> { // a transfer whose client hangs up before reading (RETR, then gone)
                try (RawFtp r = RawFtp.login(port); Socket data = r.passive()) {
                    r.send("RETR " + Security.PROBE);
                    OutputStream ignored = data.getOutputStream();
                    ignored.flush();
                }
            });

    // CWE-772: every session's sockets, listeners, files and threads are released when it ends
    @Test
    void thousandAbusiveSessionsLeaveFileDescriptorsAndThreadsAtTheirBaseline() throws Exception {
        Queue<Thread> serverThreads = new ConcurrentLinkedQueue<>();
        ThreadFactory recording = r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            serverThreads.add(t);
            return t;
        };
        Disconnects disconnects = new Disconnects();
        server = Security.server(root).threadFactory(recording).listener(disconnects)
                .lineTimeout(Duration.ofMillis(200)).dataTimeout(Duration.ofSeconds(2))
                .loginFailureDelay(Duration.ZERO).maxLoginFailures(1).maxSessionsPerAddress(1_000)
                .build().start();
        Map<String, String> before = Security.snapshot(root);
        Security.bystanderIsServed(server); // warms up classes and lazily opened files
        disconnects.await(1, 10);
        joinAll(serverThreads);
        long fdBaseline = openFileDescriptors();
        int threadBaseline = Thread.activeCount();

        int sessions = 1_000;
        // the clients' own threads, joined before threads are counted: a terminated pool's workers may still be
        // ending their runs
        Queue<Thread> clientThreads = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r);
            clientThreads.add(t);
            return t;
        });
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < sessions; i++) {
                Abuse abuse = ABUSES.get(i % ABUSES.size());
                runs.add(pool.submit(() -> {
                    abuse.run(server.port());
                    return null;
                }));
                if (i == sessions / 2) {
                    Security.bystanderIsServed(server);
                }
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            joinAll(clientThreads);
        }
        disconnects.await(sessions + 1, 60);
        joinAll(serverThreads);
        Security.bystanderIsServed(server);
        disconnects.await(1, 10);
        joinAll(serverThreads);

        assertThat(server.sessionCount()).isZero();
        assertThat(openFileDescriptors()).isLessThanOrEqualTo(fdBaseline + 5);
        assertThat(Thread.activeCount()).as(ResourceLeakTest::liveThreads).isLessThanOrEqualTo(threadBaseline + 2);
        // the only writes allowed are the aborted uploads, which must leave nothing behind
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    /** Waits (bounded) for every session and transfer thread the server made so far to end. */
    private static void joinAll(Queue<Thread> threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (Thread t : threads) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            assertThat(t.isAlive()).as("%s ended", t.getName()).isFalse();
        }
    }

    /** The live threads' names, for a failure to say which ones are left. */
    private static String liveThreads() {
        return "live threads: " + Thread.getAllStackTraces().keySet().stream().map(Thread::getName).sorted().toList();
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
