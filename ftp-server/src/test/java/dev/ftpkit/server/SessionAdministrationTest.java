package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.Reply;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** FtpServer.sessions() shows who is connected and what they do; closeSession(id) ends one politely with 421. */
class SessionAdministrationTest extends ServerFixture {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void idleSessionIsListedAndClosedWith421() throws Exception {
        server = TestServers.start(root);
        try (FtpClient client = FtpClient.connect("127.0.0.1", server.port());
             RawFtp raw = RawFtp.login(server.port())) {
            client.login(TestServers.USER, TestServers.PASSWORD);
            List<SessionInfo> sessions = server.sessions();
            assertThat(sessions).hasSize(2);
            // told apart by the client port, not by order: two sessions may start in either order on a busy machine
            int rawPort = raw.socket().getLocalPort();
            SessionInfo rawSession = sessions.stream().filter(info -> info.clientAddress().getPort() == rawPort)
                    .findFirst().orElseThrow();
            SessionInfo clientSession = sessions.stream().filter(info -> info != rawSession).findFirst().orElseThrow();
            assertThat(clientSession.clientAddress().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
            assertThat(clientSession.user()).hasValue(TestServers.USER);
            assertThat(clientSession.command()).isEmpty();
            assertThat(clientSession.transfer()).isEmpty();
            assertThat(clientSession.connectedAt()).isBeforeOrEqualTo(rawSession.connectedAt());

            assertThat(server.closeSession(rawSession.id())).isTrue();

            assertThat(raw.read().encode()).isEqualTo("421 Session closed by the administrator.\r\n");
            assertThat(raw.closedByServer()).isTrue();
            client.noop(); // the other session is untouched
            assertThat(server.closeSession("no-such-session")).isFalse();
        }
    }

    @Test
    void runningUploadShowsItsProgressAndClosingAbortsItWith426Then421() throws Exception {
        server = TestServers.start(root);
        try (RawFtp raw = RawFtp.login(server.port()); Socket data = raw.passive()) {
            raw.expect(150, "STOR big.bin");
            OutputStream out = data.getOutputStream();
            out.write(new byte[700]);
            out.flush();
            SessionInfo uploading = awaitSession(info -> info.transfer().map(t -> t.bytes() == 700).orElse(false));
            assertThat(uploading.transfer()).hasValue(new SessionInfo.Transfer("STOR", "big.bin", 700));
            assertThat(uploading.command()).isEqualTo("STOR big.bin");

            assertThat(server.closeSession(uploading.id())).isTrue();

            Reply aborted = raw.read();
            assertThat(aborted.codeValue()).isEqualTo(426);
            assertThat(raw.read().encode()).isEqualTo("421 Session closed by the administrator.\r\n");
            assertThat(raw.closedByServer()).isTrue();
        }
        assertThat(root.resolve("big.bin")).doesNotExist(); // atomic uploads: an aborted one leaves nothing
    }

    /** Snapshots are taken on demand; the server tells no one when a transfer has read some bytes: poll, bounded. */
    private SessionInfo awaitSession(Predicate<SessionInfo> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<SessionInfo> found = server.sessions().stream().filter(condition).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no such session within " + WAIT + ": " + server.sessions());
    }
}
