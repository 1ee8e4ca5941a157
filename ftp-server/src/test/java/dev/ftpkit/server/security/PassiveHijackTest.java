package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passive port theft: another host connects to the advertised passive port first and receives the file or
 * plants its own upload (RFC 2577 §8 "Port Stealing", vsftpd pasv_promiscuous=NO). Item 3.
 */
class PassiveHijackTest extends SecurityFixture {

    /** The thief's connection ends (FIN or reset) without a byte of the file. */
    private static boolean theftGotNothing(Socket thief) throws java.io.IOException {
        try {
            return thief.getInputStream().read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    // RFC 2577 §8: a data connection from another address than the control connection's is dropped
    @Test
    void passiveConnectionStolenFromAnotherAddressIsDroppedWith425() throws Exception {
        server = Security.server(root).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp victim = RawFtp.login(server.port())) {
            for (String command : new String[] {"RETR " + Security.PROBE, "STOR planted.txt", "LIST"}) {
                int port = victim.epsvPort();
                try (Socket thief = new Socket()) {
                    thief.bind(new InetSocketAddress("127.0.0.2", 0));
                    thief.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                    thief.setSoTimeout(5_000);
                    thief.getOutputStream().write("planted".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    assertThat(victim.reply(command))
                            .isEqualTo("425 Security: data connection from a foreign address refused.\r\n");
                    assertThat(theftGotNothing(thief)).isTrue();
                }
                Security.bystanderIsServed(server);
            }
            // the victim's session goes on
            assertThat(new String(victim.retrieve(Security.PROBE), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Security.PROBE_CONTENT);
        }
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }
}
