package dev.ftpkit.server;

import dev.ftpkit.core.Reply;
import dev.ftpkit.testsupport.Background;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Session limits, passive port range leasing, NAT advertisement, graceful shutdown. */
class ServerLimitsTest {

    @TempDir
    Path root;
    @TempDir
    Path local;

    private FtpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void exhaustedPassiveRangeGives425AndPortsReturnAfterUse() throws Exception {
        int start = dev.ftpkit.server.internal.FreeRange.start(2);
        server = TestServers.builder(root).passive(PassiveSettings.builder().portRange(start, start + 1).build()).build().start();
        try (RawFtp a = RawFtp.login(server.port()); RawFtp b = RawFtp.login(server.port());
             RawFtp c = RawFtp.login(server.port())) {
            int portA = hostPort(a.expect(227, "PASV"));
            int portB = hostPort(b.expect(227, "PASV"));
            Reply exhausted = c.send("PASV");

            assertThat(List.of(portA, portB)).containsExactlyInAnyOrder(start, start + 1);
            assertThat(exhausted.encode()).isEqualTo("425 No passive port available; try again later.\r\n");
            for (int i = 0; i < 100; i++) {
                assertThat(hostPort(a.expect(227, "PASV"))).isEqualTo(portA); // one pending listener per session
            }
            a.expect(225, "ABOR"); // drops the pending listener: its port goes back to the pool
            assertThat(hostPort(c.expect(227, "PASV"))).isEqualTo(portA);
        }
    }

    @Test
    void advertisedAddressAndMappedPortAppearIn227AndTheClientStillConnects() throws Exception {
        Path curl = Peers.require("curl");
        Files.writeString(root.resolve("nat.txt"), "through the NAT");
        List<PortForwarder> forwarders = new ArrayList<>();
        server = TestServers.builder(root)
                .passive(PassiveSettings.builder().advertisedAddress(InetAddress.getByName("10.9.8.7"))
                        .portMapping(port -> {
                    try {
                        PortForwarder forwarder = new PortForwarder(port);
                        forwarders.add(forwarder);
                        return forwarder.port();
                    } catch (IOException e) {
                        return -1;
                    }
                }).build())
                .build().start();
        try {
            Processes.Result result = Processes.run(local, Duration.ofSeconds(30), List.of(curl.toString(), "-sS",
                    "-v", "--disable-epsv", "--max-time", "20", TestServers.url(server, "nat.txt")));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).isEqualTo("through the NAT");
            int advertised = forwarders.get(0).port();
            assertThat(result.stderr()).contains("227 Entering Passive Mode (10,9,8,7," + (advertised >> 8) + ","
                    + (advertised & 0xFF) + ")");
        } finally {
            for (PortForwarder forwarder : forwarders) {
                forwarder.close();
            }
        }
    }

    @Test
    void advertisedAddressCanDependOnTheSession() throws Exception {
        InetAddress inside = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        InetAddress outside = InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 5});
        server = TestServers.builder(root)
                .passive(PassiveSettings.builder().advertisedAddress(
                        session -> session.clientAddress().getAddress().isLoopbackAddress() ? inside : outside).build())
                .build().start();
        try (RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(ftp.send("PASV").text()).startsWith("Entering Passive Mode (127,0,0,1,");
        }
    }

    @Test
    void shutdownSends421ToIdleSessionsAndLetsATransferFinish() throws Exception {
        byte[] big = new byte[4 * 1024 * 1024];
        Files.write(root.resolve("big.bin"), big);
        server = TestServers.builder(root).build().start();
        try (RawFtp idle = RawFtp.login(server.port()); RawFtp busy = RawFtp.login(server.port());
             Socket data = busy.passive()) {
            busy.expect(150, "RETR big.bin");
            InputStream in = data.getInputStream();
            byte[] first = in.readNBytes(1024); // the transfer is running
            CompletableFuture<Void> shutdown = CompletableFuture.runAsync(() -> server.shutdown(Duration.ofSeconds(20)),
                    Background.THREADS);

            assertThat(idle.read().encode()).isEqualTo("421 Server shutting down.\r\n");
            byte[] rest = in.readAllBytes();
            assertThat(first.length + rest.length).isEqualTo(big.length);
            assertThat(busy.read().codeValue()).isEqualTo(226);
            assertThat(busy.read().codeValue()).isEqualTo(421);
            shutdown.get(20, TimeUnit.SECONDS);
        }
        assertThat(server.sessionCount()).isZero();
    }

    private static int hostPort(Reply reply) throws Exception {
        return dev.ftpkit.core.HostPort.parsePassiveReply(reply.text()).port();
    }
}
