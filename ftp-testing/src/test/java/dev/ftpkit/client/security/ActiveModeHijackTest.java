package dev.ftpkit.client.security;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.HostPort;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static dev.ftpkit.client.security.Hostile.CONTENT;
import static dev.ftpkit.client.security.Hostile.fast;
import static dev.ftpkit.client.security.Hostile.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Active mode port theft: a third host connects to the client's PORT listener first and feeds it forged data
 * (RFC 2577 §8 "Port Stealing"). The client accepts the data connection only from the server's address. Item 32.
 */
class ActiveModeHijackTest {

    // RFC 2577 §8: a connection from another address is closed; the server's own connection is then used
    @Test
    void dataConnectionFromAnotherHostIsRefused() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            String port = s.command();
            assertThat(port).startsWith("PORT ");
            HostPort target = HostPort.parsePortArgument(port.substring(5));
            s.reply("200 PORT ok");
            s.expect("RETR f").reply("150 connecting");
            try (Socket thief = s.connectData(target.toSocketAddress(), InetAddress.getByName("127.0.0.2"))) {
                try {
                    thief.getOutputStream().write("FORGED".getBytes(StandardCharsets.US_ASCII));
                    // the client drops it: end of stream or reset, never data
                    assertThat(thief.getInputStream().read()).isEqualTo(-1);
                } catch (java.net.SocketException reset) {
                    // dropped with a reset: just as good
                }
            }
            try (Socket data = s.connectData(target.toSocketAddress())) {
                data.getOutputStream().write(CONTENT);
            }
            s.reply("226 done");
        })) {
            FtpClientConfig config = fast().dataConnectionMode(DataConnectionMode.active()).build();
            try (FtpClient client = loggedIn(server, config)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                client.retrieve("f", out);
                assertThat(out.toByteArray()).isEqualTo(CONTENT);
            }
            server.awaitScript();
        }
    }
}
