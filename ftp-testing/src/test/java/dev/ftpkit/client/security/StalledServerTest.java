package dev.ftpkit.client.security;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpTransferException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;

import static dev.ftpkit.client.security.Hostile.CONTENT;
import static dev.ftpkit.client.security.Hostile.fast;
import static dev.ftpkit.client.security.Hostile.loggedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that stops answering: before a reply, in the middle of a multi-line reply, in the middle of a transfer
 * (a tarpit; RFC 959 §4.2; CWE-400 against the client). Timeouts fire within the configured time. Item 28.
 */
class StalledServerTest {

    @TempDir
    Path dir;

    private static final Duration TIMEOUT = Duration.ofMillis(300);
    /**
     * A bound on how long a 300 ms timeout may take to fire: far above it, for a loaded machine, and well under the
     * 30 s that a scripted server's hang lasts, so a timeout that fires is still told from one that never does.
     */
    private static final Duration HANG_ENDS_LATER = Duration.ofSeconds(20);

    // no reply at all
    @Test
    void serverThatNeverAnswersTimesOutQuickly() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready");
            s.expect("USER");
            s.hang();
        })) {
            FtpClientConfig config = fast().replyTimeout(TIMEOUT).build();
            try (FtpClient client = FtpClient.connect(config, server.host(), server.port())) {
                long start = System.nanoTime();

                assertThatThrownBy(client::loginAnonymous).isInstanceOf(SocketTimeoutException.class);

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG_ENDS_LATER);
                assertThat(client.isConnected()).isFalse();
            }
        }
    }

    // RFC 959 §4.2: the first line of a multi-line reply, then silence
    @Test
    void serverThatStopsMidReplyTimesOut() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            s.expect("STAT");
            s.reply("211-status follows\n more status");
            s.raw("211 not qui".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            s.hang();
        })) {
            FtpClientConfig config = fast().replyTimeout(TIMEOUT).build();
            try (FtpClient client = loggedIn(server, config)) {
                long start = System.nanoTime();

                assertThatThrownBy(client::status).isInstanceOf(SocketTimeoutException.class);

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG_ENDS_LATER);
                assertThat(client.isConnected()).isFalse();
            }
        }
    }

    // a download whose data connection goes silent
    @Test
    void silentDataConnectionTimesOutAfterTheDataTimeout() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("RETR quiet").reply("150 go");
            Socket data = s.acceptData();
            data.getOutputStream().write(CONTENT, 0, 100);
            s.hang();
        })) {
            FtpClientConfig config = fast().dataTimeout(TIMEOUT).replyTimeout(TIMEOUT).build();
            try (FtpClient client = loggedIn(server, config)) {
                long start = System.nanoTime();

                assertThatThrownBy(() -> client.retrieve("quiet", dir.resolve("quiet")))
                        .isInstanceOfSatisfying(FtpTransferException.class, e -> {
                            assertThat(e.bytesTransferred()).isEqualTo(100);
                            assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
                        });

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG_ENDS_LATER);
                assertThat(dir.resolve("quiet")).hasSize(100);
            }
        }
    }

    // a file upload (sent with sendfile on a plain connection) whose data connection is never read
    @Test
    void fileUploadToADataConnectionNobodyReadsTimesOutAfterTheDataTimeout() throws Exception {
        Path big = dir.resolve("big");
        java.nio.file.Files.write(big, new byte[32 << 20]); // far more than the socket buffers hold
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("STOR big").reply("150 go");
            try (Socket ignored = s.acceptData()) {
                s.hang(); // never reads
            }
        })) {
            FtpClientConfig config = fast().dataTimeout(TIMEOUT).replyTimeout(TIMEOUT).build();
            try (FtpClient client = loggedIn(server, config)) {
                // the stall watchdog's timeout, not the server's end (which would come after the script's steps)
                assertThatThrownBy(() -> client.store(big, "big"))
                        .isInstanceOfSatisfying(FtpTransferException.class, e -> {
                            assertThat(e.bytesTransferred()).isLessThan(32 << 20);
                            assertThat(e.getCause()).isInstanceOf(SocketTimeoutException.class);
                        });
            }
        }
    }

    // an upload whose data connection stops being read, then the final reply never comes
    @Test
    void uploadWhoseFinalReplyNeverComesTimesOut() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("STOR up").reply("150 go");
            Socket data = s.acceptData();
            s.readAll(data);
            s.hang(); // no 226
        })) {
            FtpClientConfig config = fast().dataTimeout(TIMEOUT).replyTimeout(TIMEOUT).build();
            try (FtpClient client = loggedIn(server, config)) {
                long start = System.nanoTime();

                assertThatThrownBy(() -> {
                    try (OutputStream out = client.store("up")) {
                        out.write(CONTENT);
                    }
                }).isInstanceOf(java.io.IOException.class);

                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANG_ENDS_LATER);
            }
        }
    }
}
