package dev.ftpkit.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FtpClientConfigTest {

    @Test
    void defaultsArePassiveBinaryWithFiniteTimeoutsAnd64KiBBuffers() {
        FtpClientConfig config = FtpClientConfig.defaults();

        assertThat(config.dataConnectionMode()).isEqualTo(new DataConnectionMode.Passive(true, false));
        assertThat(config.transferType()).isEqualTo(TransferType.BINARY);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.replyTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.dataTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(config.bufferSize()).isEqualTo(64 * 1024);
        assertThat(config.transferListener()).isSameAs(TransferListener.NONE);
        assertThat(config.virtualHost()).isEmpty();
    }

    @Test
    void builderRejectsBadValuesNamingTheOption() {
        assertThatThrownBy(() -> FtpClientConfig.builder().replyTimeout(Duration.ZERO))
                .hasMessageContaining("replyTimeout");
        assertThatThrownBy(() -> FtpClientConfig.builder().connectTimeout(Duration.ofSeconds(-1)))
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> FtpClientConfig.builder().bufferSize(10)).hasMessageContaining("bufferSize");
        assertThatThrownBy(() -> FtpClientConfig.builder().virtualHost("a b")).hasMessageContaining("virtualHost");
        assertThatThrownBy(() -> DataConnectionMode.active().portRange(2000, 1000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataConnectionMode.active().portRange(1, 70000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilderCopiesAndLeavesTheOriginalUnchanged() {
        FtpClientConfig original = FtpClientConfig.builder().bufferSize(4096).build();

        FtpClientConfig changed = original.toBuilder().transferType(TransferType.ASCII).build();

        assertThat(changed.bufferSize()).isEqualTo(4096);
        assertThat(changed.transferType()).isEqualTo(TransferType.ASCII);
        assertThat(original.transferType()).isEqualTo(TransferType.BINARY);
    }
}
