package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * FTP bounce: PORT/EPRT naming a third host or a privileged port makes the server a proxy for port scans and
 * forged connections (CERT CA-1997-27, RFC 2577 §3). Items 1 and 2 of the hardening issue.
 */
class FtpBounceTest extends SecurityFixture {

    // CERT CA-1997-27 / RFC 2577 §3: the data connection may only go back to the client's own address
    @Test
    void bounceToAnotherHostIsRefusedAndNeverConnected() throws Exception {
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (ServerSocket victim = new ServerSocket()) {
            victim.bind(new InetSocketAddress("127.0.0.2", 0));
            victim.setSoTimeout(300);
            int p = victim.getLocalPort();
            try (RawFtp attacker = RawFtp.login(server.port())) {
                assertThat(attacker.reply("PORT 127,0,0,2," + (p >> 8) + "," + (p & 0xff)))
                        .isEqualTo("500 Illegal PORT command.\r\n");
                assertThat(attacker.reply("PORT 10,0,0,1,200,10")).isEqualTo("500 Illegal PORT command.\r\n");
                assertThat(attacker.reply("EPRT |1|127.0.0.2|" + p + "|")).isEqualTo("500 Illegal EPRT command.\r\n");
                assertThat(attacker.reply("EPRT |2|::1|" + p + "|")).isEqualTo("500 Illegal EPRT command.\r\n");
                // nothing was prepared: the transfer does not connect anywhere
                assertThat(attacker.reply("RETR " + Security.PROBE)).isEqualTo("425 Use PORT or PASV first.\r\n");
                Security.bystanderIsServed(server);
                assertThat(attacker.reply("NOOP")).startsWith("200 ");
            }
            assertThatThrownBy(victim::accept).isInstanceOf(SocketTimeoutException.class);
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // RFC 2577 §3: "the server [should] not open data connections to TCP ports less than 1024"
    @Test
    void bounceToAPrivilegedPortIsRefused() throws Exception {
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp attacker = RawFtp.login(server.port())) {
            assertThat(attacker.reply("PORT 127,0,0,1,0,21")).isEqualTo("500 Illegal PORT command.\r\n");
            assertThat(attacker.reply("PORT 127,0,0,1,3,255")).isEqualTo("500 Illegal PORT command.\r\n");
            assertThat(attacker.reply("PORT 127,0,0,1,0,0")).isEqualTo("500 Illegal PORT command.\r\n");
            assertThat(attacker.reply("EPRT |1|127.0.0.1|80|")).isEqualTo("500 Illegal EPRT command.\r\n");
            assertThat(attacker.reply("EPRT |1|127.0.0.1|1023|")).isEqualTo("500 Illegal EPRT command.\r\n");
            assertThat(attacker.reply("EPRT |3|x|1|")).startsWith("522 ");
            assertThat(attacker.reply("PORT 1,2,3")).startsWith("501 ");
            assertThat(attacker.reply("STOR x")).isEqualTo("425 Use PORT or PASV first.\r\n");
            Security.bystanderIsServed(server);
        }
        Security.bystanderIsServed(server);
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
