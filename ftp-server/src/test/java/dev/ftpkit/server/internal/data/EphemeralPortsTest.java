package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.internal.FreeRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;

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

    @Test
    void readsLinuxsReservedPortsAndLeavesOutPartsThatAreNotPorts() {
        assertThat(ports(EphemeralPorts.parseReserved("8080,9148-9150\n"))).containsExactly(8080, 9148, 9149, 9150);
        assertThat(ports(EphemeralPorts.parseReserved("\n"))).isEmpty();
        assertThat(ports(EphemeralPorts.parseReserved(" 80 , 443 "))).containsExactly(80, 443);
        assertThat(ports(EphemeralPorts.parseReserved("a,5-3,70000,65535,1-2,-,7-x"))).containsExactly(1, 2, 65535);
    }

    @Property
    void reservedPortsWrittenAsLinuxWritesThemReadBack(@ForAll("portRanges") List<int[]> ranges) {
        BitSet expected = new BitSet();
        StringBuilder text = new StringBuilder();
        for (int[] range : ranges) {
            expected.set(range[0], range[1] + 1);
            text.append(text.length() == 0 ? "" : ",").append(range[0] == range[1] ? "" + range[0]
                    : range[0] + "-" + range[1]);
        }
        assertThat(EphemeralPorts.parseReserved(text + "\n")).isEqualTo(expected);
    }

    @Property
    void anyTextReadsAsReservedPortsWithoutFailing(@ForAll String text) {
        assertThat(EphemeralPorts.parseReserved(text).length()).isLessThanOrEqualTo(65536);
    }

    @Provide
    Arbitrary<List<int[]>> portRanges() {
        Arbitrary<int[]> range = Arbitraries.integers().between(0, 65535).list().ofSize(2)
                .map(bounds -> new int[] {Math.min(bounds.get(0), bounds.get(1)),
                        Math.max(bounds.get(0), bounds.get(1))});
        return range.list().ofMaxSize(8);
    }

    @Test
    void reservedPortsAreNeverPicked() {
        BitSet reserved = new BitSet();
        reserved.set(40000, 40003);
        EphemeralPorts lastFree = new EphemeralPorts(40000, 40003, reserved);
        reserved.clear();
        reserved.set(40002, 40004);
        EphemeralPorts firstTwoFree = new EphemeralPorts(40000, 40003, reserved); // picks past the end go round
        for (int i = 0; i < 200; i++) {
            assertThat(lastFree.pick()).isEqualTo(40003);
            assertThat(firstTwoFree.pick()).isIn(40000, 40001);
        }
    }

    @Test
    void whenTheWholeRangeIsReservedTheKernelPicks() throws Exception {
        int port = FreeRange.start(1);
        BitSet reserved = new BitSet();
        reserved.set(port);
        EphemeralPorts allReserved = new EphemeralPorts(port, port, reserved);
        assertThat(allReserved.pick()).isZero();

        PassivePortPool pool = new PassivePortPool(0, 0, false, DataPeers.DIRECT, allReserved);
        try (PassiveLease lease = pool.lease(LOOPBACK, LOOPBACK, false)) {
            assertThat(lease.port()).isNotEqualTo(port).isPositive();
        }
    }

    private static List<Integer> ports(BitSet set) {
        return set.stream().boxed().toList();
    }
}
