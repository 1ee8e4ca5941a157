package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplyCodeTest {

    @Test
    void firstDigitGivesTheCategory() {
        assertThat(ReplyCode.of(150).category()).isEqualTo(ReplyCategory.PRELIMINARY);
        assertThat(ReplyCode.of(226).category()).isEqualTo(ReplyCategory.COMPLETION);
        assertThat(ReplyCode.of(331).category()).isEqualTo(ReplyCategory.INTERMEDIATE);
        assertThat(ReplyCode.of(425).category()).isEqualTo(ReplyCategory.TRANSIENT_NEGATIVE);
        assertThat(ReplyCode.of(550).category()).isEqualTo(ReplyCategory.PERMANENT_NEGATIVE);
    }

    @Test
    void secondDigitGivesTheFunctionGroup() {
        assertThat(ReplyCode.of(500).function()).isEqualTo(ReplyFunction.SYNTAX);
        assertThat(ReplyCode.of(211).function()).isEqualTo(ReplyFunction.INFORMATION);
        assertThat(ReplyCode.of(227).function()).isEqualTo(ReplyFunction.CONNECTIONS);
        assertThat(ReplyCode.of(530).function()).isEqualTo(ReplyFunction.AUTHENTICATION);
        assertThat(ReplyCode.of(250).function()).isEqualTo(ReplyFunction.FILE_SYSTEM);
        assertThat(ReplyCode.of(190).function()).isEqualTo(ReplyFunction.UNSPECIFIED);
    }

    @Test
    void predicatesFollowTheFirstDigit() {
        assertThat(ReplyCode.of(150).isPositivePreliminary()).isTrue();
        assertThat(ReplyCode.of(226).isPositiveCompletion()).isTrue();
        assertThat(ReplyCode.of(350).isPositiveIntermediate()).isTrue();
        assertThat(ReplyCode.of(350).isPositive()).isTrue();
        assertThat(ReplyCode.of(421).isTransientNegative()).isTrue();
        assertThat(ReplyCode.of(421).isNegative()).isTrue();
        assertThat(ReplyCode.of(550).isPermanentNegative()).isTrue();
        assertThat(ReplyCode.of(550).isPositive()).isFalse();
    }

    @Test
    void codesOutside100To599AreRefused() {
        assertThatThrownBy(() -> ReplyCode.of(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplyCode.of(600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplyCode.of(-226)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constantsAreValidCodes() {
        assertThat(ReplyCode.of(ReplyCodes.ENTERING_PASSIVE).value()).isEqualTo(227);
        assertThat(ReplyCodes.ENTERING_EXTENDED_PASSIVE).isEqualTo(229);
        assertThat(ReplyCodes.NETWORK_PROTOCOL_NOT_SUPPORTED).isEqualTo(522);
        assertThat(ReplyCodes.SECURITY_DATA_EXCHANGE_COMPLETE).isEqualTo(234);
    }
}
