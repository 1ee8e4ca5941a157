package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.internal.ErrorMapper;
import dev.ftpkit.server.internal.FreeRange;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassivePortPoolTest {

    @Test
    void leasesEveryPortOnceThenRefusesWith425AndTakesPortsBack() throws Exception {
        int start = FreeRange.start(3);
        PassivePortPool pool = new PassivePortPool(start, start + 2);
        InetAddress loopback = InetAddress.getLoopbackAddress();
        ServerSocket a = pool.lease(loopback);
        ServerSocket b = pool.lease(loopback);
        ServerSocket c = pool.lease(loopback);

        assertThatThrownBy(() -> pool.lease(loopback)).isInstanceOf(DataChannelException.class)
                .satisfies(e -> assertThat(((DataChannelException) e).reason())
                        .isEqualTo(DataChannelException.Reason.PASSIVE_PORTS_EXHAUSTED))
                .satisfies(e -> assertThat(ErrorMapper.toReply(e, "PASV").code().value()).isEqualTo(425));
        pool.release(b);
        ServerSocket again = pool.lease(loopback);
        assertThat(again.getLocalPort()).isEqualTo(b.getLocalPort());
        for (ServerSocket s : new ServerSocket[] {a, c, again}) {
            pool.release(s);
        }
        assertThat(pool.leasedCount()).isZero();
    }
}
