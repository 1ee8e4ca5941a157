package dev.ftpkit.server;

import dev.ftpkit.core.ProxyHeader;
import dev.ftpkit.core.Reply;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A server behind a load balancer that speaks the PROXY protocol (issue 18 item 1). The balancer is 127.0.0.1. */
class ProxyProtocolTest extends ServerFixture {

    private static final String BALANCER = "127.0.0.1";
    private static final String CLIENT = "127.0.0.5";
    private static final byte[] CONTENT = "through the balancer\n".repeat(500).getBytes(StandardCharsets.UTF_8);

    private final List<InetSocketAddress> connected = new CopyOnWriteArrayList<>();

    private FtpServer.Builder behindBalancer(ProxyProtocolSettings settings) throws IOException {
        Files.write(root.resolve("file.bin"), CONTENT);
        return TestServers.builder(root).proxyProtocol(settings).listener(new ServerListener() {
            @Override
            public void connected(FtpSession session) {
                connected.add(session.clientAddress());
            }
        });
    }

    private void startBehindBalancer() throws IOException {
        server = behindBalancer(ProxyProtocolSettings.defaults().withHeaderTimeout(Duration.ofSeconds(2)))
                .build().start();
    }

    private static byte[] header(ProxyHeader.Version version, String client, int clientPort) {
        return ProxyHeader.forwarding(version, new InetSocketAddress(client, clientPort),
                new InetSocketAddress(BALANCER, 21)).encode();
    }

    private RawFtp proxied(ProxyHeader.Version version, String client) throws IOException {
        return RawFtp.connectThroughProxy(BALANCER, server.port(), header(version, client, 40_000));
    }

    /** True if the server closes the connection without sending a single byte (no greeting). */
    private static boolean closedWithoutGreeting(Socket socket) throws IOException {
        try (socket) {
            socket.setSoTimeout(20_000);
            return socket.getInputStream().read() == -1;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static Socket dataFrom(String source, RawFtp ftp) throws IOException {
        int port = ftp.pasvPort();
        Socket data = new Socket();
        data.bind(new InetSocketAddress(source, 0));
        data.connect(new InetSocketAddress(BALANCER, port), 5_000);
        data.setSoTimeout(20_000);
        return data;
    }

    @Test
    void versionTwoHeaderBecomesTheSessionsClientAddress() throws Exception {
        startBehindBalancer();
        try (RawFtp ftp = proxied(ProxyHeader.Version.V2, CLIENT).loggedIn()) {
            assertThat(ftp.greeting.codeValue()).isEqualTo(220);
            assertThat(ftp.send("STAT").text()).contains("Connected to " + CLIENT);
            assertThat(server.sessions()).singleElement()
                    .satisfies(s -> assertThat(s.clientAddress()).isEqualTo(new InetSocketAddress(CLIENT, 40_000)));
            assertThat(connected).containsExactly(new InetSocketAddress(CLIENT, 40_000));
        }
    }

    @Test
    void versionOneHeaderBecomesTheSessionsClientAddress() throws Exception {
        startBehindBalancer();
        try (RawFtp ftp = proxied(ProxyHeader.Version.V1, CLIENT).loggedIn()) {
            assertThat(ftp.send("STAT").text()).contains("Connected to " + CLIENT);
        }
    }

    @Test
    void localHeaderOfAHealthCheckKeepsTheConnectionsOwnAddress() throws Exception {
        startBehindBalancer();
        byte[] local = new ProxyHeader(ProxyHeader.Version.V2, true, java.util.Optional.empty(), List.of()).encode();
        try (RawFtp ftp = RawFtp.connectThroughProxy(BALANCER, server.port(), local)) {
            assertThat(ftp.send("STAT").text()).contains("Connected to " + BALANCER);
        }
    }

    @Test
    void connectionWithoutAHeaderIsClosedWithoutAGreeting() throws Exception {
        startBehindBalancer();
        Socket direct = RawFtp.proxied(BALANCER, server.port(), "USER alice\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(closedWithoutGreeting(direct)).isTrue();
    }

    @Test
    void silentConnectionIsClosedAtTheHeaderDeadlineWithoutAGreeting() throws Exception {
        startBehindBalancer();
        Socket silent = RawFtp.proxied(BALANCER, server.port(), new byte[0]);

        assertThat(closedWithoutGreeting(silent)).isTrue();
    }

    @Test
    void headerFromAnUntrustedAddressIsClosedWithoutAGreeting() throws Exception {
        startBehindBalancer();
        Socket untrusted = RawFtp.proxied("127.0.0.2", server.port(), header(ProxyHeader.Version.V2, CLIENT, 1));

        assertThat(closedWithoutGreeting(untrusted)).isTrue();
    }

    @Test
    void truncatedHeaderIsClosedWithoutAGreeting() throws Exception {
        startBehindBalancer();
        byte[] whole = header(ProxyHeader.Version.V2, CLIENT, 1);
        Socket truncated = RawFtp.proxied(BALANCER, server.port(), java.util.Arrays.copyOf(whole, whole.length - 3));

        assertThat(closedWithoutGreeting(truncated)).isTrue();
    }

    // RFC 2577 §5 behind a balancer: the passive data connection must come from the header's address
    @Test
    @SuppressWarnings("try") // the connection from the balancer's address is only held open while RETR is refused
    void passiveDataConnectionMustComeFromTheHeadersAddress() throws Exception {
        startBehindBalancer();
        try (RawFtp ftp = proxied(ProxyHeader.Version.V2, CLIENT).loggedIn()) {
            try (Socket data = dataFrom(CLIENT, ftp)) {
                ftp.expect(150, "RETR file.bin");
                assertThat(data.getInputStream().readAllBytes()).isEqualTo(CONTENT);
                assertThat(ftp.read().codeValue()).isEqualTo(226);
            }
            try (Socket fromBalancer = dataFrom(BALANCER, ftp)) {
                assertThat(ftp.send("RETR file.bin").codeValue()).isEqualTo(425);
            }
        }
    }

    @Test
    void activeModeConnectsBackToTheHeadersAddressOnly() throws Exception {
        startBehindBalancer();
        try (RawFtp ftp = proxied(ProxyHeader.Version.V2, CLIENT).loggedIn();
             ServerSocket client = new ServerSocket(0, 1, InetAddress.getByName(CLIENT))) {
            assertThat(ftp.send("EPRT |1|" + BALANCER + "|" + client.getLocalPort() + "|").code().isPositiveCompletion())
                    .isFalse();
            ftp.expect(200, "EPRT |1|" + CLIENT + "|" + client.getLocalPort() + "|");
            ftp.expect(150, "RETR file.bin");
            client.setSoTimeout(20_000);
            try (Socket data = client.accept()) {
                assertThat(data.getInputStream().readAllBytes()).isEqualTo(CONTENT);
            }
            assertThat(ftp.read().codeValue()).isEqualTo(226);
        }
    }

    @Test
    void perAddressLimitCountsTheHeadersAddressNotTheBalancers() throws Exception {
        server = behindBalancer(ProxyProtocolSettings.defaults()).maxSessionsPerAddress(1).build().start();
        try (RawFtp first = proxied(ProxyHeader.Version.V2, CLIENT);
             RawFtp second = proxied(ProxyHeader.Version.V2, CLIENT);
             RawFtp other = proxied(ProxyHeader.Version.V2, "127.0.0.6")) {
            assertThat(first.greeting.codeValue()).isEqualTo(220);
            assertThat(second.greeting.codeValue()).isEqualTo(421);
            assertThat(other.greeting.codeValue()).isEqualTo(220);
        }
    }

    @Test
    void defenderBansTheHeadersAddressNotTheBalancers() throws Exception {
        server = behindBalancer(ProxyProtocolSettings.defaults())
                .defender(DefenderSettings.builder().banAfter(2).build()).build().start();
        for (int attempt = 1; attempt <= 2; attempt++) {
            try (RawFtp ftp = proxied(ProxyHeader.Version.V2, CLIENT)) {
                assertThat(ftp.greeting.codeValue()).as("attempt %d", attempt).isEqualTo(220);
                ftp.expect(331, "USER " + TestServers.USER);
                ftp.expect(530, "PASS wrong"); // the failure that bans still gets its 530
            }
        }
        try (RawFtp banned = proxied(ProxyHeader.Version.V2, CLIENT);
             RawFtp other = proxied(ProxyHeader.Version.V1, "127.0.0.6")) {
            assertThat(banned.greeting.codeValue()).isEqualTo(421);
            assertThat(other.greeting.codeValue()).as("another client behind the same balancer").isEqualTo(220);
            other.expect(331, "USER " + TestServers.USER);
            other.expect(230, "PASS " + TestServers.PASSWORD);
        }
    }

    @Test
    void dataConnectionThroughTheBalancerIsTakenFromItsHeaderInThatMode() throws Exception {
        server = behindBalancer(ProxyProtocolSettings.defaults().withDataConnectionHeaders(true)).build().start();
        try (RawFtp ftp = proxied(ProxyHeader.Version.V2, CLIENT).loggedIn()) {
            int port = ftp.pasvPort();
            try (Socket data = RawFtp.proxied(BALANCER, port, header(ProxyHeader.Version.V1, CLIENT, 40_001))) {
                data.setSoTimeout(20_000);
                Reply reply = ftp.send("RETR file.bin");
                assertThat(reply.codeValue()).isEqualTo(150);
                assertThat(data.getInputStream().readAllBytes()).isEqualTo(CONTENT);
                assertThat(ftp.read().codeValue()).isEqualTo(226);
            }
        }
    }
}
