package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import dev.ftpkit.server.TlsFtp;
import dev.ftpkit.server.TlsSettings;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FTPS data connection hijack by session resumption (issue 13, attack 2): an intruder from the victim's address
 * opens the victim's passive port and resumes the TLS session of its own control connection. The server must
 * accept only a session resumed from the victim's own control connection (RFC 4217 §10 recommends session
 * reuse to bind the data connection to the control connection; vsftpd's require_ssl_reuse).
 *
 * <p>The old check compared creation time (milliseconds), protocol and cipher suite, so an intruder's session
 * made in the same millisecond as the victim's passed. The intruders do their handshakes at the same moment as
 * the victim, in batches, until one of them got a server session of the victim's millisecond (the test looks at
 * the server side through {@link RecordingSslContext}); that one attacks. Should no batch give such a twin, the
 * intruder nearest in time attacks, which every version refuses.
 */
class TlsDataSessionHijackTest extends SecurityFixture {

    private static final int MAX_BATCHES = 60;
    private static final int INTRUDERS = 12;
    private static final String SECRET = "the victim's secret";

    @TempDir
    static Path certificates;
    static TestCertificates certs;

    @BeforeAll
    static void makeCertificates() {
        certs = TestCertificates.generate(certificates);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void intruderResumingItsOwnControlSessionOnTheVictimsDataPortIsRefused(String protocol) throws Exception {
        Files.writeString(root.resolve("secret.txt"), SECRET);
        RecordingSslContext serverTls = RecordingSslContext.wrapping(certs.serverContext());
        server = Security.server(root).tls(TlsSettings.builder(serverTls).protocols("TLSv1.3", "TLSv1.2").build()).build().start();
        ExecutorService handshakes = Executors.newFixedThreadPool(INTRUDERS + 1);
        List<Client> clients = new ArrayList<>();
        try {
            Client victim = null;
            Client twin = null;
            for (int batch = 0; batch < MAX_BATCHES && (twin == null || !sameMillisecond(serverTls, victim, twin));
                 batch++) {
                closeAll(clients);
                victim = Client.connect(server.port(), protocol);
                clients.add(victim);
                List<Client> intruders = new ArrayList<>();
                for (int i = 0; i < INTRUDERS; i++) {
                    intruders.add(Client.connect(server.port(), protocol));
                }
                clients.addAll(intruders);
                handshakeAtOnce(handshakes, clients);
                twin = nearestInTime(serverTls, victim, intruders);
            }
            victim.ftp.expect(200, "PBSZ 0");
            victim.ftp.expect(200, "PROT P");
            victim.ftp.expect(331, "USER " + RawFtp.USER);
            victim.ftp.expect(230, "PASS " + RawFtp.PASSWORD);
            twin.ftp.expect(200, "PBSZ 0"); // the TLS 1.3 ticket is read with this reply

            String stolen = intrude(victim, twin);
            Security.bystanderIsServed(server);

            assertThat(stolen).isEmpty();
            assertThat(victim.ftp.read().encode()).isEqualTo("522 SSL connection failed: session reuse required\r\n");
            // the victim's own resumption still works
            assertThat(victimDownload(victim)).isEqualTo(SECRET);
        } finally {
            closeAll(clients);
            handshakes.shutdownNow();
        }
    }

    /** A control connection and the client's own TLS context, so its session cache holds only its own session. */
    private record Client(TlsFtp ftp, SSLContext context) {
        static Client connect(int port, String protocol) throws IOException {
            return new Client(TlsFtp.connect(port, protocol), certs.clientContext());
        }
    }

    private static boolean sameMillisecond(RecordingSslContext serverTls, Client a, Client b) {
        return creationTime(serverTls, a) == creationTime(serverTls, b);
    }

    private static long creationTime(RecordingSslContext serverTls, Client client) {
        return serverTls.serverSessionOf(client.ftp.localPort()).orElseThrow().getCreationTime();
    }

    private static Client nearestInTime(RecordingSslContext serverTls, Client victim, List<Client> intruders) {
        long target = creationTime(serverTls, victim);
        return intruders.stream()
                .min(Comparator.comparingLong(i -> Math.abs(creationTime(serverTls, i) - target)))
                .orElseThrow();
    }

    private static void closeAll(List<Client> clients) throws IOException {
        for (Client c : clients) {
            c.ftp.close();
        }
        clients.clear();
    }

    /** AUTH TLS on every connection, then all handshakes released together so their sessions share a millisecond. */
    private static void handshakeAtOnce(ExecutorService pool, List<Client> clients) throws Exception {
        for (Client client : clients) {
            client.ftp.expect(234, "AUTH TLS");
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (Client client : clients) {
            done.add(pool.submit(() -> {
                go.await();
                client.ftp.handshake(client.context);
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
    }

    /** The intruder takes the victim's data connection with its own session; returns what it could read. */
    private static String intrude(Client victim, Client intruder) throws IOException {
        String got = "";
        try (Socket data = victim.ftp.passive()) {
            victim.ftp.expect(150, "RETR secret.txt");
            try {
                SSLSocket tls = intruder.ftp.secureData(data, intruder.context, true);
                got = new String(tls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException refused) {
                // the server closed during or right after the handshake
            }
        }
        return got;
    }

    private static String victimDownload(Client victim) throws IOException {
        byte[] bytes;
        try (Socket data = victim.ftp.passive()) {
            victim.ftp.expect(150, "RETR secret.txt");
            SSLSocket tls = victim.ftp.secureData(data, victim.context, true);
            bytes = tls.getInputStream().readAllBytes();
            tls.close();
        }
        assertThat(victim.ftp.read().codeValue()).isEqualTo(226);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
