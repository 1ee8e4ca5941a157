package dev.ftpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class HostPortTest {

    // The seed text says 5,67 is port 1283 and 192,100 is port 49152; RFC 959 §4.1.2 says
    // port = p1 * 256 + p2, which gives 1347 and 49252 (the seed's arithmetic is wrong).

    @Test
    void seedPortArgumentIsHostAndPortP1Times256PlusP2() throws Exception {
        HostPort hp = HostPort.parsePortArgument("192,168,1,100,5,67");

        assertThat(hp.address().getHostAddress()).isEqualTo("192.168.1.100");
        assertThat(hp.port()).isEqualTo(5 * 256 + 67).isEqualTo(1347);
        assertThat(hp.toPortArgument()).isEqualTo("192,168,1,100,5,67");
    }

    @Test
    void spacesAroundPortNumbersAreTolerated() throws Exception {
        assertThat(HostPort.parsePortArgument(" 127, 0 ,0,1 ,4,1 ").toString()).isEqualTo("127.0.0.1:1025");
    }

    @Test
    void malformedPortArgumentsAreRefused() {
        for (String bad : new String[] {"", "1,2,3,4,5", "1,2,3,4,5,6,7", "256,0,0,1,0,21", "1,2,3,4,5,-6",
            "1,2,3,4,5,", "a,b,c,d,e,f", "1,2,3,4,5,0006", "1,2,3,4,5,\u0666",
            "192.168.1.100,5,67"}) {
            assertThatThrownBy(() -> HostPort.parsePortArgument(bad)).as(bad).isInstanceOf(FtpProtocolException.class);
        }
    }

    @Test
    void seedPassiveReplyIsHostAndPortP1Times256PlusP2() throws Exception {
        HostPort hp = HostPort.parsePassiveReply("Entering Passive Mode (192,168,1,200,192,100)");

        assertThat(hp.address().getHostAddress()).isEqualTo("192.168.1.200");
        assertThat(hp.port()).isEqualTo(192 * 256 + 100).isEqualTo(49252);
    }

    @Test
    void passiveReplyWithoutParenthesesIsStillParsed() throws Exception {
        // RFC 1123 §4.1.2.6: scan for the numbers, parentheses are not guaranteed.
        assertThat(HostPort.parsePassiveReply("Entering Passive Mode 10,0,0,5,4,1").toString()).isEqualTo("10.0.0.5:1025");
        assertThat(HostPort.parsePassiveReply("=127,0,0,1,200,10 ok").port()).isEqualTo(51210);
        assertThat(HostPort.parsePassiveReply("Mode 2 ok (127, 0, 0, 1, 0, 21).").port()).isEqualTo(21);
    }

    @Test
    void passiveReplyTextAroundWithOtherNumbersIsSkipped() throws Exception {
        HostPort hp = HostPort.parsePassiveReply("227 v2.1 entering 999,1,1,1,1,1 mode (1,2,3,4,5,6)");

        assertThat(hp.toString()).isEqualTo("1.2.3.4:1286");
    }

    @Test
    void passiveReplyWithoutSixNumbersIsRefused() {
        for (String bad : new String[] {"", "Entering Passive Mode", "(1,2,3,4,5)", "(1,2,3,4,5,256)", "1,2,3,4,5,6789"}) {
            assertThatThrownBy(() -> HostPort.parsePassiveReply(bad)).as(bad).isInstanceOf(FtpProtocolException.class);
        }
    }

    @Test
    void passiveReplyIsEncodedAs227() throws Exception {
        HostPort hp = new HostPort(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, (byte) 200}), 49252);

        assertThat(hp.toPassiveReply().encode()).isEqualTo("227 Entering Passive Mode (192,168,1,200,192,100).\r\n");
    }

    @Test
    void onlyIpv4AndPorts0To65535AreAccepted() throws Exception {
        InetAddress v6 = InetAddress.getByAddress(new byte[16]);
        InetAddress v4 = InetAddress.getByAddress(new byte[4]);

        assertThatThrownBy(() -> new HostPort(v6, 21)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostPort(v4, 65536)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostPort(v4, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
