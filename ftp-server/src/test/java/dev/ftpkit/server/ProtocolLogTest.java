package dev.ftpkit.server;

import dev.ftpkit.testsupport.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The server's protocol transcript and session events under the documented logger names, passwords masked. */
class ProtocolLogTest {

    @TempDir
    Path root;

    @Test
    void theTranscriptAndSessionEventsAreLoggedAtDebugWithThePasswordMasked() throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        ServerListener listener = new ServerListener() {
            @Override
            public void disconnected(FtpSession session) {
                ended.countDown();
            }
        };
        try (LogCapture protocol = LogCapture.of("dev.ftpkit.server.protocol");
             LogCapture sessions = LogCapture.of("dev.ftpkit.server.session");
             FtpServer server = TestServers.builder(root).listener(listener).build().start()) {
            String client;
            try (RawFtp ftp = RawFtp.login(server.port())) {
                client = "127.0.0.1:" + ftp.socket().getLocalPort();
                ftp.expect(200, "NOOP");
                ftp.expect(221, "QUIT");
            }
            // every line is logged before the session ends
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(protocol.messages()).contains(client + " > USER " + TestServers.USER, client + " > PASS ****",
                    client + " > NOOP", client + " > QUIT")
                    .anySatisfy(line -> assertThat(line).startsWith(client + " < 220"))
                    .anySatisfy(line -> assertThat(line).startsWith(client + " < 230"))
                    .anySatisfy(line -> assertThat(line).startsWith(client + " < 221"));
            assertThat(String.join("\n", protocol.messages())).doesNotContain(TestServers.PASSWORD);
            assertThat(sessions.messages()).anySatisfy(line -> assertThat(line).endsWith(client + " connected"))
                    .anySatisfy(line -> assertThat(line).endsWith("logged in as " + TestServers.USER));
        }
    }
}
