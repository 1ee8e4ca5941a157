package dev.ftpkit.client;

import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.SocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The connection pool against a real vsftpd: reuse, NOOP checks, eviction, discarding, many threads. */
class FtpConnectionPoolTest {

    @TempDir
    static Path serverDir;

    private static Vsftpd vsftpd;

    @BeforeAll
    static void startServer() throws IOException {
        vsftpd = Vsftpd.builder(serverDir).start();
        Files.write(vsftpd.root().resolve("big.bin"), new byte[4 * 1024 * 1024]);
    }

    @AfterAll
    static void stopServer() {
        vsftpd.close();
    }

    /** A clock the test moves by hand. */
    private static final class ManualClock implements InstantSource {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    /** Remembers the sockets it made, so a test can break a connection under the client. */
    private static final class RecordingSocketFactory extends SocketFactory {
        final List<Socket> sockets = new CopyOnWriteArrayList<>();

        @Override
        public Socket createSocket() {
            Socket socket = new Socket();
            sockets.add(socket);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress host, int port) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) {
            throw new UnsupportedOperationException();
        }
    }

    private static FtpEndpoint endpoint(FtpClientConfig config) {
        return FtpEndpoint.anonymous(config, vsftpd.host(), vsftpd.port());
    }

    private static FtpClientConfig.Builder quick() {
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(20));
    }

    @Test
    void returnedConnectionIsHandedOutAgainStillLoggedIn() throws Exception {
        FtpEndpoint server = endpoint(quick().build());
        try (FtpConnectionPool pool = FtpConnectionPool.builder().build()) {
            FtpClient first;
            try (FtpConnectionPool.Lease lease = pool.borrow(server)) {
                first = lease.client();
                first.noop();
            }
            assertThat(pool.idleCount(server)).isEqualTo(1);

            try (FtpConnectionPool.Lease lease = pool.borrow(server)) {
                assertThat(lease.client()).isSameAs(first);
                assertThat(lease.client().size("/big.bin")).isEqualTo(4 * 1024 * 1024);
            }
        }
    }

    @Test
    void differentConfigurationsNeverShareConnections() throws Exception {
        FtpEndpoint one = endpoint(quick().build());
        FtpEndpoint other = endpoint(quick().build());
        try (FtpConnectionPool pool = FtpConnectionPool.builder().build()) {
            FtpClient first;
            try (FtpConnectionPool.Lease lease = pool.borrow(one)) {
                first = lease.client();
            }
            try (FtpConnectionPool.Lease lease = pool.borrow(other)) {
                assertThat(lease.client()).isNotSameAs(first);
            }
            assertThat(pool.idleCount(one)).isEqualTo(1);
            assertThat(pool.idleCount(other)).isEqualTo(1);
        }
    }

    @Test
    void connectionIdleLongerThanValidateAfterIsCheckedWithNoopBeforeReuse() throws Exception {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        FtpEndpoint server = endpoint(quick().protocolListener(dialogue).build());
        ManualClock clock = new ManualClock();
        try (FtpConnectionPool pool = FtpConnectionPool.builder().clock(clock)
                .validateAfter(Duration.ofSeconds(5)).idleTimeout(Duration.ofMinutes(1)).build()) {
            pool.borrow(server).close();
            pool.borrow(server).close();
            assertThat(dialogue.verbs()).doesNotContain("NOOP");

            clock.advance(Duration.ofSeconds(6));
            pool.borrow(server).close();

            assertThat(dialogue.verbs()).containsOnlyOnce("NOOP");
            assertThat(dialogue.verbs()).containsOnlyOnce("USER");
        }
    }

    @Test
    void connectionThatFailsItsNoopIsClosedAndReplacedByANewOne() throws Exception {
        RecordingSocketFactory sockets = new RecordingSocketFactory();
        FtpEndpoint server = endpoint(quick().socketFactory(sockets).build());
        try (FtpConnectionPool pool = FtpConnectionPool.builder().validateAfter(Duration.ZERO).build()) {
            FtpClient first;
            try (FtpConnectionPool.Lease lease = pool.borrow(server)) {
                first = lease.client();
            }
            sockets.sockets.get(0).close();   // the network drops the idle connection

            try (FtpConnectionPool.Lease lease = pool.borrow(server)) {
                assertThat(lease.client()).isNotSameAs(first);
                lease.client().noop();
            }
            assertThat(first.isConnected()).isFalse();
        }
    }

    @Test
    void connectionIdlePastTheTimeoutIsClosedNotReused() throws Exception {
        FtpEndpoint server = endpoint(quick().build());
        ManualClock clock = new ManualClock();
        try (FtpConnectionPool pool = FtpConnectionPool.builder().clock(clock)
                .idleTimeout(Duration.ofSeconds(30)).build()) {
            FtpConnectionPool.Lease lease = pool.borrow(server);
            FtpClient first = lease.client();
            lease.close();

            clock.advance(Duration.ofSeconds(31));
            try (FtpConnectionPool.Lease next = pool.borrow(server)) {
                assertThat(next.client()).isNotSameAs(first);
            }
            assertThat(first.isConnected()).isFalse();
        }
    }

    @Test
    void connectionReturnedMidTransferIsClosed() throws Exception {
        FtpEndpoint server = endpoint(quick().build());
        try (FtpConnectionPool pool = FtpConnectionPool.builder().build()) {
            FtpClient client;
            try (FtpConnectionPool.Lease lease = pool.borrow(server)) {
                client = lease.client();
                InputStream in = client.retrieve("/big.bin");
                assertThat(in.readNBytes(1000)).hasSize(1000);
            }
            assertThat(pool.idleCount(server)).isZero();
            assertThat(client.isConnected()).isFalse();
        }
    }

    @Test
    void brokenOrDiscardedConnectionsAreNotKept() throws Exception {
        FtpEndpoint server = endpoint(quick().build());
        try (FtpConnectionPool pool = FtpConnectionPool.builder().build()) {
            try (FtpConnectionPool.Lease lease = pool.borrow(server)) {
                lease.client().close();
            }
            FtpClient discarded;
            try (FtpConnectionPool.Lease lease = pool.borrow(server)) {
                discarded = lease.client();
                lease.discard();
            }
            assertThat(pool.idleCount(server)).isZero();
            assertThat(discarded.isConnected()).isFalse();
        }
    }

    @Test
    void onlyMaxIdleConnectionsAreKeptTheOthersClosed() throws Exception {
        FtpEndpoint server = endpoint(quick().build());
        try (FtpConnectionPool pool = FtpConnectionPool.builder().maxIdlePerEndpoint(2).build()) {
            List<FtpConnectionPool.Lease> leases = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                leases.add(pool.borrow(server));
            }
            FtpClient oldestReturned = leases.get(0).client();
            leases.forEach(FtpConnectionPool.Lease::close);

            assertThat(pool.idleCount(server)).isEqualTo(2);
            assertThat(oldestReturned.isConnected()).isFalse();
        }
    }

    @Test
    void borrowWaitsForAFreeConnectionAndGivesUpAfterTheBorrowTimeout() throws Exception {
        FtpEndpoint server = endpoint(quick().build());
        try (FtpConnectionPool pool = FtpConnectionPool.builder().maxConnectionsPerEndpoint(1)
                .borrowTimeout(Duration.ofMillis(200)).build()) {
            try (FtpConnectionPool.Lease held = pool.borrow(server)) {
                assertThatThrownBy(() -> pool.borrow(server)).isInstanceOf(IOException.class)
                        .hasMessageContaining("became free");
            }
            pool.borrow(server).close();
        }
    }

    @Test
    void closedPoolClosesIdleConnectionsAndRefusesToLend() throws Exception {
        FtpEndpoint server = endpoint(quick().build());
        FtpConnectionPool pool = FtpConnectionPool.builder().build();
        FtpConnectionPool.Lease lease = pool.borrow(server);
        FtpClient client = lease.client();
        lease.close();

        pool.close();

        assertThat(client.isConnected()).isFalse();
        assertThatThrownBy(() -> pool.borrow(server)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void manyThreadsBorrowAndReturnWithinTheConnectionBound() throws Exception {
        FtpEndpoint server = endpoint(quick().build());
        int threads = 8;
        int rounds = 15;
        int maxConnections = 3;
        AtomicInteger inUse = new AtomicInteger();
        AtomicInteger mostInUse = new AtomicInteger();
        Set<FtpClient> distinct = ConcurrentHashMap.newKeySet();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try (FtpConnectionPool pool = FtpConnectionPool.builder().maxConnectionsPerEndpoint(maxConnections)
                .borrowTimeout(Duration.ofSeconds(60)).build()) {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(executor.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        try (FtpConnectionPool.Lease lease = pool.borrow(server)) {
                            mostInUse.accumulateAndGet(inUse.incrementAndGet(), Math::max);
                            distinct.add(lease.client());
                            assertThat(lease.client().size("/big.bin")).isEqualTo(4 * 1024 * 1024);
                            inUse.decrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
            assertThat(mostInUse.get()).isBetween(1, maxConnections);
            assertThat(distinct).hasSizeLessThanOrEqualTo(maxConnections);
            assertThat(pool.idleCount(server)).isBetween(1, maxConnections);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void builderNamesTheBadOption() {
        assertThatThrownBy(() -> FtpConnectionPool.builder().maxConnectionsPerEndpoint(0))
                .hasMessageContaining("maxConnectionsPerEndpoint");
        assertThatThrownBy(() -> FtpConnectionPool.builder().maxIdlePerEndpoint(-1))
                .hasMessageContaining("maxIdlePerEndpoint");
        assertThatThrownBy(() -> FtpConnectionPool.builder().idleTimeout(Duration.ZERO))
                .hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> FtpConnectionPool.builder().validateAfter(Duration.ofSeconds(-1)))
                .hasMessageContaining("validateAfter");
    }
}
