package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExtendedPassiveTest {

    @Test
    void rfc2428ReplyExampleGivesThePort() throws Exception {
        assertThat(ExtendedPassive.parseReply("Entering Extended Passive Mode (|||6446|)")).isEqualTo(6446);
    }

    @Test
    void delimiterIsWhateverFollowsTheParenthesis() throws Exception {
        assertThat(ExtendedPassive.parseReply("ok (!!!21!)")).isEqualTo(21);
        assertThat(ExtendedPassive.parseReply("(x) then (|||65535|")).isEqualTo(65535);
    }

    @Test
    void malformedExtendedPassiveRepliesAreRefused() {
        for (String bad : new String[] {"", "Entering Extended Passive Mode", "(|||0|)", "(|||65536|)",
            "(||6446|)", "(|1|1.2.3.4|6446|)", "(111211)", "(|||6446)", "(|||123456|)", "(   21 )"}) {
            assertThatThrownBy(() -> ExtendedPassive.parseReply(bad)).as(bad).isInstanceOf(FtpProtocolException.class);
        }
    }

    @Test
    void replyIs229WithTheRfcText() {
        assertThat(ExtendedPassive.reply(6446).encode()).isEqualTo("229 Entering Extended Passive Mode (|||6446|)\r\n");
        assertThatThrownBy(() -> ExtendedPassive.reply(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void argumentIsNoneAllOrAProtocolNumber() throws Exception {
        assertThat(ExtendedPassive.parseArgument("")).isEqualTo(EpsvArgument.NONE);
        assertThat(ExtendedPassive.parseArgument("all")).isEqualTo(EpsvArgument.ALL);
        assertThat(ExtendedPassive.parseArgument("2").protocol()).hasValue(NetworkProtocol.IPV6);
        EpsvArgument unknown = ExtendedPassive.parseArgument("7");
        assertThat(unknown.kind()).isEqualTo(EpsvArgument.Kind.PROTOCOL);
        assertThat(unknown.protocolNumber()).isEqualTo(7);
        assertThat(unknown.protocol()).isEmpty();
    }

    @Test
    void malformedArgumentsAreRefused() {
        for (String bad : new String[] {"ALLL", "-1", "0", "65536", "1 2", "x"}) {
            assertThatThrownBy(() -> ExtendedPassive.parseArgument(bad)).as(bad).isInstanceOf(FtpProtocolException.class);
        }
    }

    @Test
    void unsupportedProtocolReplyListsTheSupportedNumbers() throws Exception {
        Reply reply = ExtendedPassive.unsupportedProtocolReply(EnumSet.of(NetworkProtocol.IPV6, NetworkProtocol.IPV4));

        assertThat(reply.encode()).isEqualTo("522 Network protocol not supported, use (1,2)\r\n");
        assertThat(ExtendedPassive.parseSupportedProtocols(reply.text())).containsExactly(1, 2);
    }

    @Test
    void supportedProtocolsAreFoundInTheFirstNumberList() throws Exception {
        assertThat(ExtendedPassive.parseSupportedProtocols("Protocol (not) supported, use (1)")).isEqualTo(Set.of(1));
        assertThatThrownBy(() -> ExtendedPassive.parseSupportedProtocols("use 1,2"))
                .isInstanceOf(FtpProtocolException.class);
    }
}
