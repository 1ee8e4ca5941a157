package dev.ftpkit.testing;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.core.FtpReplyException;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPSClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test server itself: set-up, the transcript, file-system faults, FTPS. */
class FtpTestServerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private static FtpClientConfig config() {
        return FtpClientConfig.builder().timeouts(WAIT).build();
    }

    @Test
    void servesTheFilesAndUsersItWasGivenFromMemory() throws Exception {
        try (FtpTestServer server = FtpTestServer.builder().user("alice", "secret")
                .file("/in/a.txt", "hello").directory("/out").start();
             FtpClient client = FtpClient.connect(config(), server.host(), server.port())) {
            assertThatThrownBy(client::loginAnonymous).isInstanceOf(FtpReplyException.class);
            client.login("alice", "secret");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.retrieve("/in/a.txt", out);
            client.store(new ByteArrayInputStream("up".getBytes(StandardCharsets.UTF_8)), "/out/b.txt");
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(Files.readString(server.root().resolve("out/b.txt"))).isEqualTo("up");
            assertThat(server.root().getFileSystem()).isNotEqualTo(temp.getFileSystem());
            assertThat(server.url()).isEqualTo("ftp://127.0.0.1:" + server.port() + "/");
        }
    }

    @Test
    void aRootOnDiskIsServedAsIs() throws Exception {
        Files.writeString(temp.resolve("disk.txt"), "on disk");
        try (FtpTestServer server = FtpTestServer.builder().root(temp).start();
             FtpClient client = FtpClient.connect(config(), server.host(), server.port())) {
            client.loginAnonymous();
            assertThat(client.listNames("/")).anyMatch(name -> name.endsWith("disk.txt"));
            assertThatThrownBy(() -> server.diskFullAfter(1)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("diskFullAfter");
        }
    }

    @Test
    void theTranscriptHoldsTheDialogueInOrderWithThePasswordMasked() throws Exception {
        try (FtpTestServer server = FtpTestServer.builder().user("alice", "secret").start()) {
            FTPClient ftp = new FTPClient();
            ftp.connect(server.host(), server.port());
            ftp.login("alice", "secret");
            ftp.printWorkingDirectory();
            ftp.logout();
            ftp.disconnect();
            server.transcript().awaitAllDisconnected(WAIT);

            assertThat(server.transcript().commands()).containsExactly("USER alice", "PASS ****", "PWD", "QUIT");
            assertThat(server.transcript().lines()).extracting(Transcript.Line::kind).containsExactly(
                    Transcript.Kind.CONNECTED, Transcript.Kind.REPLY,
                    Transcript.Kind.COMMAND, Transcript.Kind.REPLY, Transcript.Kind.COMMAND, Transcript.Kind.REPLY,
                    Transcript.Kind.COMMAND, Transcript.Kind.REPLY, Transcript.Kind.COMMAND, Transcript.Kind.REPLY,
                    Transcript.Kind.DISCONNECTED);
            assertThat(server.transcript().toString()).contains("> PWD").contains("< 257 \"/\"")
                    .doesNotContain("secret");
        }
    }

    @Test
    void waitingForACommandThatNeverComesFailsWithTheTranscript() throws Exception {
        try (FtpTestServer server = FtpTestServer.start()) {
            FTPClient ftp = new FTPClient();
            ftp.connect(server.host(), server.port());
            ftp.login("anonymous", "test@");
            assertThatThrownBy(() -> server.transcript().awaitCommand("STOR", Duration.ofMillis(200)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("STOR").hasMessageContaining("> USER anonymous");
            ftp.disconnect();
        }
    }

    @Test
    void aFullDiskAnswersTheUpload452() throws Exception {
        try (FtpTestServer server = FtpTestServer.start();
             FtpClient client = FtpClient.connect(config(), "127.0.0.1", server.port())) {
            client.loginAnonymous();
            server.diskFullAfter(1000);
            assertThatThrownBy(() -> client.store(new ByteArrayInputStream(new byte[100_000]), "big.bin"))
                    .hasMessageContaining("452");
            client.store(new ByteArrayInputStream(new byte[500]), "small.bin");
            assertThat(Files.size(server.root().resolve("small.bin"))).isEqualTo(500);
        }
    }

    @Test
    void aDeniedPathAnswers550AndItsNeighboursStillWork() throws Exception {
        try (FtpTestServer server = FtpTestServer.builder().file("/private/key", "k").file("/public/a", "a").start();
             FtpClient client = FtpClient.connect(config(), "127.0.0.1", server.port())) {
            client.loginAnonymous();
            server.denyAccess("/private");
            assertThatThrownBy(() -> client.retrieve("/private/key", new ByteArrayOutputStream()))
                    .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.reply().code().value()).isEqualTo(550));
            assertThatThrownBy(() -> client.delete("/private/key")).isInstanceOf(FtpReplyException.class);
            assertThat(client.retrieve("/public/a", new ByteArrayOutputStream())).isEqualTo(1);
            assertThat(server.root().resolve("private/key")).exists();
        }
    }

    @Test
    void ftpsWorksWithTheClientContextAndNotWithoutIt() throws Exception {
        try (FtpTestServer server = FtpTestServer.builder().file("/a.txt", "secret data").tls().start()) {
            FtpClientConfig tls = FtpClientConfig.builder().timeouts(WAIT)
                    .tls(FtpsConfig.explicit(server.clientSslContext()).build()).build();
            try (FtpClient client = FtpClient.connect(tls, server.host(), server.port())) {
                client.loginAnonymous();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                client.retrieve("/a.txt", out);
                assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("secret data");
            }
            assertThat(server.transcript().commands()).startsWith("AUTH TLS");

            FtpClientConfig trustsNothing = FtpClientConfig.builder().timeouts(WAIT)
                    .tls(FtpsConfig.explicit(TestCertificate.generate().clientContext()).build()).build();
            assertThatThrownBy(() -> FtpClient.connect(trustsNothing, server.host(), server.port()))
                    .hasStackTraceContaining(SSLHandshakeException.class.getName());
        }
    }

    @Test
    void commonsNetsFtpsClientWhichDoesNotResumeSessionsGetsProtectedData() throws Exception {
        try (FtpTestServer server = FtpTestServer.builder().file("/a.txt", "protected").tls().start()) {
            FTPSClient ftps = new FTPSClient(false, server.clientSslContext());
            ftps.setDefaultTimeout((int) WAIT.toMillis());
            ftps.connect(server.host(), server.port());
            assertThat(ftps.login("anonymous", "test@")).isTrue();
            ftps.execPBSZ(0);
            ftps.execPROT("P");
            ftps.enterLocalPassiveMode();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(ftps.retrieveFile("/a.txt", out)).as(ftps.getReplyString()).isTrue();
            ftps.disconnect();
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("protected");
            assertThat(server.transcript().commands()).contains("PROT P");
        }
    }

    @Test
    void theCertificateNamesLocalhostAndLoopbackAndItsTrustStoreLoads() throws Exception {
        TestCertificate certificate = TestCertificate.generate();
        certificate.certificate().checkValidity();
        assertThat(certificate.certificate().getSubjectAlternativeNames()).extracting(n -> (Object) n.get(1))
                .containsExactlyInAnyOrder("localhost", "127.0.0.1");
        certificate.certificate().verify(certificate.certificate().getPublicKey());
        Path file = certificate.writeTrustStore(temp.resolve("trust.p12"), "pw".toCharArray());
        KeyStore loaded = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(file)) {
            loaded.load(in, "pw".toCharArray());
        }
        assertThat(loaded.getCertificate("ftpkit-testing")).isEqualTo(certificate.certificate());
        assertThat(certificate.pem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void theBuilderNamesTheOptionItRefuses() {
        assertThatThrownBy(() -> FtpTestServer.builder().file("relative.txt", "x")).hasMessageContaining("file");
        assertThatThrownBy(() -> FtpTestServer.builder().root(temp.resolve("missing"))).hasMessageContaining("root");
        assertThatThrownBy(() -> FtpTestServer.builder().user(" ", "x")).hasMessageContaining("user");
    }

    @Test
    void aClientWithoutTlsIsNotBotheredByAnFtpsServer() throws IOException {
        try (FtpTestServer server = FtpTestServer.builder().tls().start();
             FtpClient client = FtpClient.connect(config(), server.host(), server.port())) {
            client.loginAnonymous();
            assertThat(client.workingDirectory()).isEqualTo("/");
        }
    }
}
