package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.internal.FreeRange;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EphemeralPortsTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void readsLinuxsRangeAndFallsBackToItsDefaultOnAnythingElse() {
        EphemeralPorts configured = EphemeralPorts.parse("40000\t50000\n");
        assertThat(configured.low()).isEqualTo(40000);
        assertThat(configured.high()).isEqualTo(50000);
        for (String junk : new String[] {"", "40000", "a b", "50000 40000", "0 70000", "1 2 3"}) {
            EphemeralPorts fallback = EphemeralPorts.parse(junk);
            assertThat(fallback.low()).as(junk).isEqualTo(32768);
            assertThat(fallback.high()).as(junk).isEqualTo(60999);
        }
    }

    @Test
    void picksStayInTheRange() {
        EphemeralPorts ports = new EphemeralPorts(50000, 50003);
        for (int i = 0; i < 200; i++) {
            assertThat(ports.pick()).isBetween(50000, 50003);
        }
    }

    @Test
    void aPortOfTheRangeIsLeasedByNumber() throws Exception {
        int port = FreeRange.start(1);
        PassivePortPool pool = new PassivePortPool(0, 0, false, DataPeers.DIRECT, new EphemeralPorts(port, port));
        try (PassiveLease lease = pool.lease(LOOPBACK, LOOPBACK, false)) {
            assertThat(lease.port()).isEqualTo(port);
        }
    }

    @Test
    void whenEveryTriedPortIsTakenTheKernelPicksOne() throws Exception {
        int port = FreeRange.start(1);
        PassivePortPool pool = new PassivePortPool(0, 0, false, DataPeers.DIRECT, new EphemeralPorts(port, port));
        try (ServerSocket other = new ServerSocket()) {
            other.setReuseAddress(true); // even so: Linux lets no two listeners share a port
            other.bind(new InetSocketAddress(LOOPBACK, port));
            try (PassiveLease lease = pool.lease(LOOPBACK, LOOPBACK, false)) {
                assertThat(lease.port()).isNotEqualTo(port).isPositive();
            }
        }
    }

    /** The case that made EPSV slow: the port's last data connection, closed by the server first, in TIME_WAIT. */
    @Test
    void aPortWhoseLastDataConnectionTheServerClosedIsLeasedAgain() throws Exception {
        int port = FreeRange.start(1);
        PassivePortPool pool = new PassivePortPool(0, 0, false, DataPeers.DIRECT, new EphemeralPorts(port, port));
        try (PassiveLease first = pool.lease(LOOPBACK, LOOPBACK, false);
             Socket client = new Socket(LOOPBACK, first.port())) {
            assertThat(first.port()).isEqualTo(port);
            first.accept(Duration.ofSeconds(20)).close(); // the server closes first, as after a download
            client.setSoTimeout(20_000);
            InputStream in = client.getInputStream();
            assertThat(in.read()).isEqualTo(-1);
        }

        try (PassiveLease again = pool.lease(LOOPBACK, LOOPBACK, false)) {
            assertThat(again.port()).isEqualTo(port);
        }
    }
}
