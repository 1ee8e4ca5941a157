package dev.ftpkit.client;

import dev.ftpkit.testing.ScriptedFtpServer;
import dev.ftpkit.testsupport.Background;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link FtpClient#close()} ends an idle session with QUIT and never waits long for a server that is gone. */
class PoliteCloseTest {

    @Test
    void closeOfAnIdleClientSendsQuit() throws Exception {
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            s.expect("NOOP").reply("200 ok");
            s.expect("QUIT").reply("221 bye");
        })) {
            try (FtpClient client = FtpClient.connect(server.host(), server.port())) {
                client.loginAnonymous();
                client.noop();
            }
            server.awaitScript();
        }
    }

    @Test
    void closeDoesNotWaitForAServerThatNeverAnswersQuit() throws Exception {
        CountDownLatch quitReceived = new CountDownLatch(1);
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            s.expect("QUIT");
            quitReceived.countDown();
            s.hang();
        })) {
            // A reply timeout far longer than the test's bound: close() must use its own short one.
            FtpClientConfig config = FtpClientConfig.builder().replyTimeout(Duration.ofMinutes(5)).build();
            FtpClient client = FtpClient.connect(config, server.host(), server.port());
            client.loginAnonymous();

            CompletableFuture<Void> closing = CompletableFuture.runAsync(client::close, Background.THREADS);

            closing.get(60, TimeUnit.SECONDS);
            assertThat(quitReceived.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(client.isConnected()).isFalse();
        }
    }

    @Test
    void closeDuringATransferSendsNoQuit() throws Exception {
        CountDownLatch dataDropped = new CountDownLatch(1);
        StringBuilder afterTransfer = new StringBuilder();
        try (ScriptedFtpServer server = ScriptedFtpServer.start(s -> {
            s.reply("220 ready").login();
            int port = s.listenForData();
            s.expect("EPSV").reply("229 Entering Extended Passive Mode (|||" + port + "|)");
            s.expect("RETR").reply("150 go");
            try (Socket data = s.acceptData()) {
                data.getOutputStream().write(new byte[1024]);
                // Bounded by the data socket's timeout: ends when the client drops the data connection, with a
                // reset (an abandoned transfer's data connection is reset, never closed cleanly) or an end of stream.
                data.getInputStream().read();
            } catch (java.net.SocketException reset) {
                // the client dropped the data connection
            }
            dataDropped.countDown();
            try {
                afterTransfer.append(s.command());
            } catch (java.io.IOException closed) {
                afterTransfer.append("(closed)");
            }
        })) {
            FtpClient client = FtpClient.connect(server.host(), server.port());
            client.loginAnonymous();
            InputStream in = client.retrieve("big");
            assertThat(in.readNBytes(10)).hasSize(10);

            client.close();

            server.awaitScript();
            assertThat(dataDropped.getCount()).isZero();
            assertThat(afterTransfer.toString()).isEqualTo("(closed)");
        }
    }
}
