package dev.ftpkit.server;

import dev.ftpkit.core.Reply;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.net.ssl.SSLSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** FTPS against a bare JSSE client: session reuse, STARTTLS injection, truncation, the require-TLS options. */
class FtpsJsseTest {

    @TempDir
    static Path certificates;
    static TestCertificates certs;

    @TempDir
    Path root;

    @BeforeAll
    static void makeCertificates() {
        certs = TestCertificates.generate(certificates);
    }

    private FtpServer.Builder tlsServer() {
        return TestServers.builder(root).tls(tls().build());
    }

    private TlsSettings.Builder tls() {
        return TlsSettings.builder(certs.serverContext()).protocols("TLSv1.3", "TLSv1.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void dataConnectionResumingTheControlSessionDownloadsAndUploads(String protocol) throws Exception {
        byte[] content = new byte[200_000];
        new Random(1).nextBytes(content);
        Files.write(root.resolve("file.bin"), content);
        var client = certs.clientContext();
        try (FtpServer server = tlsServer().build().start();
             TlsFtp ftp = TlsFtp.secureLogin(server.port(), client, protocol)) {
            byte[] downloaded;
            try (Socket data = ftp.passive()) {
                ftp.expect(150, "RETR file.bin");
                SSLSocket tls = ftp.secureData(data, client, true);
                downloaded = tls.getInputStream().readAllBytes();
                tls.close();
            }
            assertThat(ftp.read().codeValue()).isEqualTo(226);
            try (Socket data = ftp.passive()) {
                ftp.expect(150, "STOR up.bin");
                SSLSocket tls = ftp.secureData(data, client, true);
                tls.getOutputStream().write(content);
                tls.close(); // close_notify
            }
            assertThat(ftp.read().codeValue()).isEqualTo(226);

            assertThat(downloaded).isEqualTo(content);
            assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
        }
    }

    /**
     * A TLS 1.3 record carries at most 2^14 - 17 bytes from JSSE; a download written in 64 KiB pieces went out as
     * five records per piece (the fifth of 68 bytes), a quarter more for the client to receive than full records.
     */
    @Test
    void aTls13DownloadGoesOutInFullRecords() throws Exception {
        byte[] content = new byte[1 << 20];
        new Random(2).nextBytes(content);
        Files.write(root.resolve("big.bin"), content);
        var client = certs.clientContext();
        try (FtpServer server = tlsServer().build().start();
             TlsFtp ftp = TlsFtp.secureLogin(server.port(), client, "TLSv1.3")) {
            TlsRecordsSocket counting = new TlsRecordsSocket();
            byte[] downloaded;
            try (Socket data = ftp.passive(counting)) {
                ftp.expect(150, "RETR big.bin");
                SSLSocket tls = ftp.secureData(data, client, true);
                downloaded = tls.getInputStream().readAllBytes();
                tls.close();
            }
            assertThat(ftp.read().codeValue()).isEqualTo(226);
            assertThat(downloaded).isEqualTo(content);
            int fullRecords = (content.length + 16_366) / 16_367; // 65
            // the handshake's records and close_notify come on top; 64 KiB writes made 80 for the data alone
            assertThat(counting.recordsRead()).isBetween(fullRecords, fullRecords + 8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void dataConnectionWithAFreshTlsSessionIsRefusedWhenReuseIsRequired(String protocol) throws Exception {
        Files.writeString(root.resolve("secret.txt"), "secret");
        try (FtpServer server = tlsServer().build().start();
             TlsFtp ftp = TlsFtp.secureLogin(server.port(), certs.clientContext(), protocol)) {
            try (Socket data = ftp.passive()) {
                ftp.expect(150, "RETR secret.txt");
                // another context: nothing to resume, a full handshake
                SSLSocket tls = ftp.secureData(data, certs.clientContext(), false);
                assertThat(tls.getInputStream().read()).isEqualTo(-1);
            } catch (java.io.IOException closedDuringHandshake) {
                // the server may close before the client's handshake ends; the reply is what matters
            }
            Reply reply = ftp.read();

            assertThat(reply.encode()).isEqualTo("522 SSL connection failed: session reuse required\r\n");
        }
    }

    @Test
    void sessionResumedFromAnotherControlConnectionIsRefused() throws Exception {
        Files.writeString(root.resolve("secret.txt"), "secret");
        var victimContext = certs.clientContext();
        var attackerContext = certs.clientContext();
        try (FtpServer server = tlsServer().build().start();
             TlsFtp victim = TlsFtp.secureLogin(server.port(), victimContext, "TLSv1.3");
             TlsFtp attacker = TlsFtp.secureLogin(server.port(), attackerContext, "TLSv1.3")) {
            try (Socket data = victim.passive()) {
                victim.expect(150, "RETR secret.txt");
                // the attacker resumes its own (valid, server-issued) session on the victim's data connection
                SSLSocket tls = attacker.secureData(data, attackerContext, true);
                assertThat(tls.getInputStream().read()).isEqualTo(-1);
            } catch (java.io.IOException closed) {
                // refused
            }

            assertThat(victim.read().codeValue()).isEqualTo(522);
        }
    }

    @Test
    void reuseCanBeSwitchedOffForClientsThatNeverResume() throws Exception {
        Files.writeString(root.resolve("file.txt"), "hello");
        try (FtpServer server = tlsServer().tls(tls().sessionReuseRequired(false).build()).build().start();
             TlsFtp ftp = TlsFtp.secureLogin(server.port(), certs.clientContext(), "TLSv1.3")) {
            byte[] got;
            try (Socket data = ftp.passive()) {
                ftp.expect(150, "RETR file.txt");
                SSLSocket tls = ftp.secureData(data, certs.clientContext(), false);
                got = tls.getInputStream().readAllBytes();
            }
            assertThat(ftp.read().codeValue()).isEqualTo(226);
            assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void plaintextPipelinedAfterAuthTlsIsDiscardedNotExecuted() throws Exception {
        try (FtpServer server = tlsServer().build().start();
             TlsFtp ftp = TlsFtp.connect(server.port(), "TLSv1.3")) {
            // one write: the injected lines arrive in the same segment as AUTH TLS
            ftp.sendRaw("AUTH TLS\r\nUSER alice\r\nNOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(ftp.read().codeValue()).isEqualTo(234);
            ftp.handshake(certs.clientContext());

            // the first reply over TLS answers SYST: no 331 for USER, no 200 for NOOP was queued
            assertThat(ftp.send("SYST").encode()).isEqualTo("215 UNIX Type: L8\r\n");
            // and USER did not take effect: PASS without USER is out of sequence
            assertThat(ftp.send("PASS " + TestServers.PASSWORD).codeValue()).isEqualTo(503);
        }
    }

    @Test
    @SuppressWarnings("try") // the data socket is closed early on purpose: the server must see the cut first
    void truncatedTlsUploadFailsAndLeavesTheTargetUntouched() throws Exception {
        Files.writeString(root.resolve("target.bin"), "original");
        var client = certs.clientContext();
        try (FtpServer server = tlsServer().build().start();
             TlsFtp ftp = TlsFtp.secureLogin(server.port(), client, "TLSv1.3")) {
            try (Socket data = ftp.passive()) {
                ftp.expect(150, "STOR target.bin");
                SSLSocket tls = ftp.secureData(data, client, true);
                tls.getOutputStream().write(new byte[50_000]);
                tls.getOutputStream().flush();
                // a FIN without close_notify: what an attacker who cuts the connection produces
                data.shutdownOutput();
                data.close();
            }
            Reply reply = ftp.read();

            assertThat(reply.codeValue()).isEqualTo(426);
            assertThat(Files.readString(root.resolve("target.bin"))).isEqualTo("original");
            try (var names = Files.list(root)) {
                assertThat(names.map(p -> p.getFileName().toString())).containsExactly("target.bin");
            }
        }
    }

    @Test
    void loginBeforeTlsIsRefusedWhenTlsIsRequired() throws Exception {
        try (FtpServer server = tlsServer().tls(tls().requiredForLogin(true).build()).build().start();
             TlsFtp ftp = TlsFtp.connect(server.port(), "TLSv1.3")) {
            assertThat(ftp.send("USER " + TestServers.USER).codeValue()).isEqualTo(530);
            assertThat(ftp.send("PASS " + TestServers.PASSWORD).codeValue()).isEqualTo(530);

            ftp.expect(234, "AUTH TLS");
            ftp.handshake(certs.clientContext());
            ftp.expect(331, "USER " + TestServers.USER);
            ftp.expect(230, "PASS " + TestServers.PASSWORD);
        }
    }

    @Test
    @SuppressWarnings("try") // the passive connection is only held open; the refusal comes before it is used
    void transfersWithoutProtPAreRefusedWhenProtectedDataIsRequired() throws Exception {
        Files.writeString(root.resolve("file.txt"), "hello");
        try (FtpServer server = tlsServer().tls(tls().requiredForData(true).build()).build().start();
             TlsFtp ftp = TlsFtp.secureLogin(server.port(), certs.clientContext(), "TLSv1.3")) {
            ftp.expect(200, "PROT C");
            try (Socket data = ftp.passive()) {
                Reply reply = ftp.send("RETR file.txt");

                assertThat(reply.encode()).isEqualTo("522 Data connections must be encrypted.\r\n");
            }
        }
    }

    @Test
    void securityCommandsFollowRfc4217Sequencing() throws Exception {
        try (FtpServer server = tlsServer().build().start();
             TlsFtp ftp = TlsFtp.connect(server.port(), "TLSv1.3")) {
            assertThat(ftp.send("FEAT").lines()).contains(" AUTH TLS", " PBSZ", " PROT");
            assertThat(ftp.send("PBSZ 0").codeValue()).isEqualTo(503);
            assertThat(ftp.send("PROT P").codeValue()).isEqualTo(503);
            assertThat(ftp.send("AUTH KERBEROS_V4").codeValue()).isEqualTo(504);
            ftp.expect(234, "AUTH SSL");
            ftp.handshake(certs.clientContext());
            assertThat(ftp.send("AUTH TLS").codeValue()).isEqualTo(503);
            assertThat(ftp.send("PROT P").codeValue()).isEqualTo(503);
            assertThat(ftp.send("PBSZ 16384").encode()).isEqualTo("200 PBSZ=0\r\n");
            assertThat(ftp.send("PROT S").codeValue()).isEqualTo(536);
            assertThat(ftp.send("PROT X").codeValue()).isEqualTo(504);
            assertThat(ftp.send("PROT P").codeValue()).isEqualTo(200);
            assertThat(ftp.send("CCC").codeValue()).isEqualTo(534);
        }
    }

    @Test
    void withoutTlsConfiguredAuthIsNotImplementedAndFeatDoesNotOfferIt() throws Exception {
        try (FtpServer server = TestServers.start(root);
             TlsFtp ftp = TlsFtp.connect(server.port(), "TLSv1.3")) {
            assertThat(ftp.send("FEAT").lines()).doesNotContain(" AUTH TLS");
            assertThat(ftp.send("AUTH TLS").codeValue()).isEqualTo(502);
        }
    }

    @Test
    void implicitListenerSpeaksTlsFromTheFirstByte() throws Exception {
        Files.writeString(root.resolve("file.txt"), "implicit");
        var client = certs.clientContext();
        try (FtpServer server = tlsServer().tls(tls().implicitPort(0).build()).build().start();
             TlsFtp ftp = TlsFtp.implicit(server.implicitTlsPort(), client, "TLSv1.2")) {
            ftp.expect(331, "USER " + TestServers.USER);
            ftp.expect(230, "PASS " + TestServers.PASSWORD);
            byte[] got;
            try (Socket data = ftp.passive()) {
                ftp.expect(150, "RETR file.txt"); // PROT P from the start on the implicit port
                SSLSocket tls = ftp.secureData(data, client, true);
                got = tls.getInputStream().readAllBytes();
            }
            assertThat(ftp.read().codeValue()).isEqualTo(226);
            assertThat(new String(got, StandardCharsets.UTF_8)).isEqualTo("implicit");
            assertThat(server.implicitTlsPort()).isNotEqualTo(server.port());
        }
    }

    @Test
    void cccReturnsTheControlConnectionToPlaintextWhenEnabled() throws Exception {
        try (FtpServer server = tlsServer().tls(tls().clearCommandChannel(true).build()).build().start();
             TlsFtp ftp = TlsFtp.secureLogin(server.port(), certs.clientContext(), "TLSv1.2")) {
            assertThat(ftp.send("FEAT").lines()).contains(" CCC");
            ftp.expect(200, "CCC");
            ftp.clearControl();

            assertThat(ftp.send("NOOP").codeValue()).isEqualTo(200);
            assertThat(ftp.send("PWD").encode()).isEqualTo("257 \"/\" is the current directory\r\n");
        }
    }
}
