package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class NetworkProtocolTest {

    @Test
    void protocolNumbersAreThoseOfRfc2428() {
        assertThat(NetworkProtocol.IPV4.number()).isEqualTo(1);
        assertThat(NetworkProtocol.IPV6.number()).isEqualTo(2);
        assertThat(NetworkProtocol.ofNumber(2)).hasValue(NetworkProtocol.IPV6);
        assertThat(NetworkProtocol.ofNumber(3)).isEmpty();
    }

    @Test
    void protocolOfAnAddressFollowsItsFamily() throws Exception {
        assertThat(NetworkProtocol.of(InetAddress.getByAddress(new byte[4]))).isEqualTo(NetworkProtocol.IPV4);
        assertThat(NetworkProtocol.of(InetAddress.getByAddress(new byte[16]))).isEqualTo(NetworkProtocol.IPV6);
    }

    @Test
    void epsvArgumentNumberMustFitItsKind() {
        assertThatThrownBy(() -> new EpsvArgument(EpsvArgument.Kind.ALL, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EpsvArgument.protocol(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EpsvArgument.protocol(NetworkProtocol.IPV4).encode()).isEqualTo("1");
        assertThat(EpsvArgument.ALL.encode()).isEqualTo("ALL");
        assertThat(EpsvArgument.NONE.encode()).isEmpty();
    }

    @Test
    void protocolExceptionKeepsItsCause() {
        IllegalStateException cause = new IllegalStateException("x");

        assertThat(new FtpProtocolException("bad", cause)).hasMessage("bad").hasCause(cause);
    }
}
