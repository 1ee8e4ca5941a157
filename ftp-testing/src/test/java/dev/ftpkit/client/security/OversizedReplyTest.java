package dev.ftpkit.client.security;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.FtpProtocolException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.ftpkit.client.security.Hostile.fast;
import static dev.ftpkit.client.security.Hostile.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replies that never end: endless multi-line replies and endless lines exhaust a client's memory unless bounded
 * (RFC 959 §4.2 multi-line replies; CWE-400 against the client). Item 27.
 */
class OversizedReplyTest {

    // RFC 959 §4.2: a multi-line reply ends with "code SP"; a server that never sends it is cut at maxReplyLines
    @Test
    void endlessMultiLineReplyIsBounded() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            s.expect("STAT");
            s.reply("211-here we go");
            byte[] line = "211-again and again\r\n".getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 10_000_000; i++) {
                    s.raw(line);
                }
            } catch (IOException clientGaveUp) {
                // expected: the client closed the connection
            }
        })) {
            FtpClientConfig config = fast().maxReplyLines(1000).build();
            try (FtpClient client = loggedIn(server, config)) {

                assertThatThrownBy(client::status).isInstanceOf(FtpProtocolException.class);

                assertThat(client.isConnected()).isFalse();
            }
            server.awaitScript();
        }
    }

    // a 10 MiB reply line is cut at maxLineLength, without buffering it
    @Test
    void tenMebibyteReplyLineIsBounded() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            s.expect("NOOP");
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) 'x');
            System.arraycopy("200 ".getBytes(StandardCharsets.US_ASCII), 0, chunk, 0, 4);
            try {
                for (int i = 0; i < 160; i++) { // 10 MiB
                    s.raw(chunk);
                }
                s.raw("\r\n".getBytes(StandardCharsets.US_ASCII));
            } catch (IOException clientGaveUp) {
                // expected
            }
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {

                assertThatThrownBy(client::noop).isInstanceOf(FtpProtocolException.class);

                assertThat(client.isConnected()).isFalse();
            }
            server.awaitScript();
        }
    }

    // an endless line (no CRLF ever) is cut the same way
    @Test
    void endlessLineIsBounded() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            s.expect("NOOP");
            byte[] chunk = new byte[8192];
            Arrays.fill(chunk, (byte) 'x');
            try {
                for (int i = 0; i < 100_000; i++) {
                    s.raw(chunk);
                }
            } catch (IOException clientGaveUp) {
                // expected
            }
        })) {
            try (FtpClient client = loggedIn(server, fast().build())) {
                assertThatThrownBy(client::noop).isInstanceOf(FtpProtocolException.class);
            }
            server.awaitScript();
        }
    }
}
