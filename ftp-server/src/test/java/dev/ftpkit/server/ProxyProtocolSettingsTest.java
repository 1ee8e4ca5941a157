package dev.ftpkit.server;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyProtocolSettingsTest {

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void defaultsTrustOnlyTheLoopbackBalancer() throws Exception {
        ProxyProtocolSettings settings = ProxyProtocolSettings.defaults();

        assertThat(settings.trusts(ip("127.0.0.1"))).isTrue();
        assertThat(settings.trusts(ip("::1"))).isTrue();
        assertThat(settings.trusts(ip("127.0.0.2"))).isFalse();
        assertThat(settings.headerTimeout()).isEqualTo(ProxyProtocolSettings.DEFAULT_HEADER_TIMEOUT);
        assertThat(settings.dataConnections()).isFalse();
    }

    @Test
    void rangesMatchTheirPrefixBitsOnlyAndNeverTheOtherFamily() throws Exception {
        ProxyProtocolSettings settings = ProxyProtocolSettings.trusting("10.1.0.0/17", "fd00::/8", "192.0.2.7");

        assertThat(settings.trusts(ip("10.1.127.255"))).isTrue();
        assertThat(settings.trusts(ip("10.1.128.0"))).isFalse();
        assertThat(settings.trusts(ip("fdab::1"))).isTrue();
        assertThat(settings.trusts(ip("fe00::1"))).isFalse();
        assertThat(settings.trusts(ip("192.0.2.7"))).isTrue();
        assertThat(settings.trusts(ip("192.0.2.8"))).isFalse();
        assertThat(ProxyProtocolSettings.trusting("0.0.0.0/0").trusts(ip("::1"))).isFalse();
    }

    @Test
    void badRangesAndTimeoutsAreRefusedNamingTheOption() {
        for (String bad : List.of("balancer.example", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "")) {
            assertThatThrownBy(() -> ProxyProtocolSettings.trusting(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trustedProxies");
        }
        assertThatThrownBy(() -> ProxyProtocolSettings.trusting())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trustedProxies");
        assertThatThrownBy(() -> ProxyProtocolSettings.defaults().withHeaderTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("headerTimeout");
    }
}
