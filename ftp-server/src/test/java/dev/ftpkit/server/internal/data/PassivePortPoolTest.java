package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.internal.ErrorMapper;
import dev.ftpkit.server.internal.FreeRange;
import dev.ftpkit.testsupport.Background;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassivePortPoolTest {

    @Test
    void leasesEveryPortOnceThenRefusesWith425AndTakesPortsBack() throws Exception {
        int start = FreeRange.start(3);
        PassivePortPool pool = new PassivePortPool(start, start + 2, false, DataPeers.DIRECT);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        PassiveLease a = pool.lease(loopback, loopback, false);
        PassiveLease b = pool.lease(loopback, loopback, false);
        PassiveLease c = pool.lease(loopback, loopback, false);

        assertThatThrownBy(() -> pool.lease(loopback, loopback, false)).isInstanceOf(DataChannelException.class)
                .satisfies(e -> assertThat(((DataChannelException) e).reason())
                        .isEqualTo(DataChannelException.Reason.PASSIVE_PORTS_EXHAUSTED))
                .satisfies(e -> assertThat(ErrorMapper.toReply(e, "PASV").code().value()).isEqualTo(425));
        b.close();
        PassiveLease again = pool.lease(loopback, loopback, false);
        assertThat(again.port()).isEqualTo(b.port());
        for (PassiveLease s : new PassiveLease[] {a, c, again}) {
            s.close();
        }
        assertThat(pool.leasedCount()).isZero();
    }

    @Test
    void clientsOfDifferentAddressesShareAPortAndASecondLeaseFromOneAddressNeedsAnotherPort() throws Exception {
        int start = FreeRange.start(1);
        PassivePortPool pool = new PassivePortPool(start, start, false, DataPeers.DIRECT);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (PassiveLease eleven = pool.lease(loopback, InetAddress.getByName("127.0.0.11"), false);
             PassiveLease twelve = pool.lease(loopback, InetAddress.getByName("127.0.0.12"), false)) {
            assertThat(twelve.port()).isEqualTo(eleven.port());
            assertThatThrownBy(() -> pool.lease(loopback, InetAddress.getByName("127.0.0.11"), false))
                    .isInstanceOf(DataChannelException.class);
        }
        assertThat(pool.leasedCount()).isZero();
    }

    @Test
    @SuppressWarnings("try") // fromEleven is only held open: the lease of 127.0.0.11 must get it
    void eachDataConnectionReachesTheLeaseOfItsSourceAddressWhateverTheOrder() throws Exception {
        int start = FreeRange.start(1);
        PassivePortPool pool = new PassivePortPool(start, start, false, DataPeers.DIRECT);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (PassiveLease eleven = pool.lease(loopback, InetAddress.getByName("127.0.0.11"), false);
             PassiveLease twelve = pool.lease(loopback, InetAddress.getByName("127.0.0.12"), false);
             Socket thief = connect("127.0.0.13", start);
             Socket fromTwelve = connect("127.0.0.12", start);
             Socket fromEleven = connect("127.0.0.11", start)) {
            try (Socket first = eleven.accept(Duration.ofSeconds(20));
                 Socket second = twelve.accept(Duration.ofSeconds(20))) {
                assertThat(first.getInetAddress().getHostAddress()).isEqualTo("127.0.0.11");
                assertThat(second.getInetAddress().getHostAddress()).isEqualTo("127.0.0.12");
                assertThat(second.getPort()).isEqualTo(fromTwelve.getLocalPort());
            }
            thief.setSoTimeout(20_000);
            assertThat(readOrReset(thief)).isEqualTo(-1); // dropped, nobody's data
        }
    }

    /**
     * Sessions of distinct addresses all fit on one shared port, so however many lease and leave at once, a range of
     * any size serves them all. (Before a listener's close and its port's return were one step under the pool's
     * lock, a lease could find every port's listener closing and answer 425: this failed in five runs of six.)
     */
    @Test
    void sessionsOfDistinctAddressesLeasingAndLeavingAtOnceNeverExhaustTheRange() throws Exception {
        int[][] portsSessionsRounds = {{2, 8, 200}, {4, 8, 400}, {8, 16, 100}};
        for (int[] configuration : portsSessionsRounds) {
            int ports = configuration[0];
            int start = FreeRange.start(ports);
            PassivePortPool pool = new PassivePortPool(start, start + ports - 1, false, DataPeers.DIRECT);
            List<CompletableFuture<Void>> sessions = new ArrayList<>();
            for (int session = 1; session <= configuration[1]; session++) {
                String address = "127.0.3." + session;
                int rounds = configuration[2];
                sessions.add(CompletableFuture.runAsync(() -> leaseConnectLeave(pool, address, rounds),
                        Background.THREADS));
            }
            CompletableFuture.allOf(sessions.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            assertThat(pool.leasedCount()).as("%d ports", ports).isZero();
        }
    }

    /** What one session does: PASV, the data connection from its own address, the transfer's end. */
    private static void leaseConnectLeave(PassivePortPool pool, String address, int rounds) {
        try {
            InetAddress client = InetAddress.getByName(address);
            for (int round = 0; round < rounds; round++) {
                try (PassiveLease lease = pool.lease(InetAddress.getLoopbackAddress(), client, false);
                     Socket data = connect(address, lease.port());
                     Socket accepted = lease.accept(Duration.ofSeconds(20))) {
                    assertThat(accepted.getPort()).isEqualTo(data.getLocalPort());
                }
            }
        } catch (IOException e) {
            throw new AssertionError(address, e);
        }
    }

    private static Socket connect(String from, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(from, 0));
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
        return socket;
    }

    private static int readOrReset(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
