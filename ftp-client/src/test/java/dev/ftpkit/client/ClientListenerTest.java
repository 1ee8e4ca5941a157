package dev.ftpkit.client;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.testsupport.FreePorts;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A ClientListener hears a real vsftpd dialogue: each command with its final reply, logins, transfers, the close. */
class ClientListenerTest {

    @TempDir
    Path dir;

    /** Writes each event as one line, e.g. {@code answered RETR 226}. */
    private static final class Recording implements ClientListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void connected(InetSocketAddress server, InetSocketAddress local) {
            events.add("connected " + server.getAddress().getHostAddress());
        }

        @Override
        public void connectFailed(IOException failure) {
            events.add("connectFailed");
        }

        @Override
        public void commandSent(Command command) {
            events.add("sent " + command.verb());
        }

        @Override
        public void commandAnswered(Command command, Reply reply) {
            events.add("answered " + command.verb() + " " + reply.codeValue());
        }

        @Override
        public void loggedIn(String user) {
            events.add("loggedIn " + user);
        }

        @Override
        public void loginFailed(String user, IOException failure) {
            events.add("loginFailed " + user);
        }

        @Override
        public void transferStarted(Command command, TransferProgress.Direction direction) {
            events.add("transferStarted " + command + " " + direction);
        }

        @Override
        public void transferEnded(Command command, TransferProgress.Direction direction, long bytes, boolean ok) {
            events.add("transferEnded " + command + " " + direction + " " + bytes + " " + ok);
        }

        @Override
        public void closed() {
            events.add("closed");
        }
    }

    private static FtpClientConfig config(ClientListener listener) {
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(10))
                .clientListener((host, port) -> listener).build();
    }

    @Test
    void everyCommandIsPairedWithItsFinalReplyAndTransfersCountTheirBytes() throws Exception {
        // a transfer ends once its final reply is in: that reply says whether it succeeded
        Recording recording = new Recording();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Files.write(vsftpd.root().resolve("down.bin"), new byte[1500]);
            try (FtpClient ftp = FtpClient.connect(config(recording), vsftpd.host(), vsftpd.port())) {
                ftp.loginAnonymous();
                ftp.store(new ByteArrayInputStream(new byte[3000]), "upload/up.bin");
                assertThat(ftp.retrieve("down.bin", new ByteArrayOutputStream())).isEqualTo(1500);
                assertThatThrownBy(() -> ftp.retrieve("missing.bin", new ByteArrayOutputStream()))
                        .isInstanceOf(FtpReplyException.class);
            }
        }

        List<String> events = recording.events;
        assertThat(events.get(0)).isEqualTo("connected 127.0.0.1");
        assertThat(events).containsSubsequence("sent USER", "answered USER 331", "sent PASS", "answered PASS 230",
                "loggedIn anonymous");
        assertThat(events).containsSubsequence("sent STOR", "transferStarted STOR upload/up.bin UPLOAD",
                "answered STOR 226", "transferEnded STOR upload/up.bin UPLOAD 3000 true");
        assertThat(events).containsSubsequence("sent RETR", "transferStarted RETR down.bin DOWNLOAD",
                "answered RETR 226", "transferEnded RETR down.bin DOWNLOAD 1500 true");
        assertThat(events).containsSubsequence("sent RETR", "answered RETR 550");
        assertThat(events).containsSubsequence("sent QUIT", "answered QUIT 221", "closed");
        assertThat(events.get(events.size() - 1)).isEqualTo("closed");
        // each command sent got exactly one final reply, in order
        assertThat(events.stream().filter(e -> e.startsWith("sent ")).map(e -> e.substring(5)).toList())
                .isEqualTo(events.stream().filter(e -> e.startsWith("answered "))
                        .map(e -> e.split(" ")[1]).toList());
    }

    @Test
    void abortedDownloadPairsRetrAborAndTheResyncNoopWithTheirOwnReplies() throws Exception {
        Recording recording = new Recording();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            try (RandomAccessFile big = new RandomAccessFile(vsftpd.root().resolve("big.bin").toFile(), "rw")) {
                big.setLength(64L << 20); // more than loopback buffers hold: the transfer is still running at ABOR
            }
            try (FtpClient ftp = FtpClient.connect(config(recording), vsftpd.host(), vsftpd.port())) {
                ftp.loginAnonymous();
                try (InputStream in = ftp.retrieve("big.bin")) {
                    assertThat(in.readNBytes(1000)).hasSize(1000);
                } // closed early: ABOR
                ftp.noop();
            }
        }

        List<String> events = recording.events;
        // vsftpd: 426 for the transfer, then 225 for ABOR (RFC 959 §4.1.3 allows 226 too)
        assertThat(events).containsSubsequence("sent RETR", "sent ABOR", "answered RETR 426", "sent NOOP");
        assertThat(events).anySatisfy(e -> assertThat(e).matches("answered ABOR 22[56]"));
        assertThat(events).anySatisfy(e -> assertThat(e).matches("transferEnded RETR big.bin DOWNLOAD \\d+ false"));
        assertThat(events.stream().filter(e -> e.startsWith("sent ")).map(e -> e.substring(5)).toList())
                .isEqualTo(events.stream().filter(e -> e.startsWith("answered "))
                        .map(e -> e.split(" ")[1]).toList());
    }

    @Test
    void quitSendsOneQuitAndCloses() throws Exception {
        Recording recording = new Recording();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient ftp = FtpClient.connect(config(recording), vsftpd.host(), vsftpd.port())) {
            ftp.loginAnonymous();
            ftp.quit();
        }
        assertThat(recording.events.stream().filter(e -> e.equals("sent QUIT"))).hasSize(1);
        assertThat(recording.events).endsWith("answered QUIT 221", "closed");
    }

    @Test
    void refusedLoginIsToldAsFailed() throws Exception {
        Recording recording = new Recording();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient ftp = FtpClient.connect(config(recording), vsftpd.host(), vsftpd.port())) {
            assertThatThrownBy(() -> ftp.login("nosuchuser", "x")).isInstanceOf(FtpReplyException.class);
        }
        assertThat(recording.events).contains("loginFailed nosuchuser").doesNotContain("loggedIn nosuchuser");
    }

    @Test
    void connectionRefusedIsToldAsConnectFailedAndNothingElse() {
        Recording recording = new Recording();
        int closedPort = FreePorts.pick();
        assertThatThrownBy(() -> FtpClient.connect(config(recording), "127.0.0.1", closedPort))
                .isInstanceOf(IOException.class);
        assertThat(recording.events).containsExactly("connectFailed");
    }

    @Test
    void aThrowingListenerDoesNotBreakTheTransfer() throws Exception {
        ClientListener throwing = new ClientListener() {
            @Override
            public void transferEnded(Command command, TransferProgress.Direction direction, long bytes, boolean ok) {
                throw new IllegalStateException("a broken listener");
            }
        };
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Files.write(vsftpd.root().resolve("down.bin"), new byte[777]);
            try (FtpClient ftp = FtpClient.connect(config(throwing), vsftpd.host(), vsftpd.port())) {
                ftp.loginAnonymous();
                assertThat(ftp.retrieve("down.bin", new ByteArrayOutputStream())).isEqualTo(777);
                ftp.noop();
            }
        }
    }
}
