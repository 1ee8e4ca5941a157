package dev.ftpkit.server;

import dev.ftpkit.core.Reply;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** ABOR and STAT while a transfer runs, custom transfer verbs, idle timeout, listener events, IPv6. */
class TransferControlTest {

    @TempDir
    Path root;

    private FtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void customTransferVerbSendsOverTheDataConnection() throws Exception {
        server = TestServers.builder(root)
                .command("DUMP", CommandDescriptor.transfer((command, session) -> {
                    try (DataConnection data = session.openDataConnection("dump of " + command.argument())) {
                        data.output().write(("dumped " + command.argument()).getBytes(StandardCharsets.UTF_8));
                    }
                    return Reply.of(226, "Dump sent.");
                }))
                .build().start();
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.list("DUMP stats")).isEqualTo("dumped stats");
        }
    }

    @Test
    void aTransferVerbThatClosesAfterItsReplySendsTheReplyFirst() throws Exception {
        server = TestServers.builder(root)
                .command("BUSY", CommandDescriptor.transfer((command, session) -> {
                    session.closeAfterReply();
                    // a handler that works on after asking to close: the session thread has long seen the request
                    // by the time the reply goes out (it closed the connection first, and the 421 was lost)
                    LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
                    return Reply.of(421, "Too busy.");
                }))
                .build().start();
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.send("BUSY").encode()).isEqualTo("421 Too busy.\r\n");
            assertThat(ftp.closedByServer()).isTrue();
        }
    }

    @Test
    void idleSessionIsClosedWith421() throws Exception {
        server = TestServers.builder(root).idleTimeout(Duration.ofSeconds(1)).build().start();
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.read().encode()).isEqualTo("421 Timeout.\r\n");
            assertThat(ftp.closedByServer()).isTrue();
        }
    }

    @Test
    void listenerSeesConnectLoginCommandsTransfersAndDisconnect() throws Exception {
        Files.writeString(root.resolve("a.txt"), "12345");
        List<String> events = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch gone = new java.util.concurrent.CountDownLatch(1);
        server = TestServers.builder(root).listener(new ServerListener() {
            @Override
            public void connected(FtpSession session) {
                events.add("connected");
            }

            @Override
            public void loggedIn(FtpSession session, Account account) {
                events.add("login " + account.name());
            }

            @Override
            public void transferStarted(FtpSession session, String verb, String path) {
                events.add("start " + verb + " " + path);
            }

            @Override
            public void transferEnded(FtpSession session, TransferEvent event) {
                events.add("end " + event.verb() + " " + event.path() + " " + event.bytes() + " " + event.success());
            }

            @Override
            public void disconnected(FtpSession session) {
                events.add("disconnected");
                gone.countDown();
            }
        }).build().start();
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.retrieve("a.txt");
            ftp.expect(221, "QUIT");
        }
        assertThat(gone.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(events).containsExactly("connected", "login alice", "start RETR a.txt", "end RETR a.txt 5 true",
                "disconnected");
    }

    @Test
    void ipv6ListenerServesCurlOverEpsv(@TempDir Path local) throws Exception {
        Path curl = Peers.require("curl");
        InetAddress loopback6 = InetAddress.getByName("::1");
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, loopback6)) {
            org.junit.jupiter.api.Assumptions.assumeTrue(probe.getLocalPort() > 0);
        } catch (java.io.IOException noIpv6) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback on this machine");
        }
        Files.writeString(root.resolve("six.txt"), "over IPv6");
        server = TestServers.builder(root).host(loopback6).build().start();
        Processes.Result result = Processes.run(local, Duration.ofSeconds(30), List.of(curl.toString(), "-sS", "-g",
                "--max-time", "20", "ftp://alice:s3cret@[::1]:" + server.port() + "/six.txt"));

        assertThat(result.stdout()).as(result.toString()).isEqualTo("over IPv6");
    }
}
