package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.client.TlsContexts;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mutual TLS: the server asks for client certificates (required or optional), checks them against its own trust
 * anchors, and logs a user in whose certificate names them ({@link CertificateLogin}) with USER alone (232). Tested
 * with the ftpkit client and with curl {@code --cert}; certificates present, absent and untrusted (a self-signed
 * certificate with the same name as the trusted one).
 */
class ClientCertificateTest {

    @TempDir
    static Path certificates;
    static TestCertificates server;
    static TestCertificates alice;
    static TestCertificates impostor;

    @TempDir
    Path root;
    @TempDir
    Path local;

    @BeforeAll
    static void makeCertificates() throws Exception {
        server = TestCertificates.generate(Files.createDirectories(certificates.resolve("server")));
        alice = TestCertificates.generateClient(Files.createDirectories(certificates.resolve("alice")),
                TestServers.USER);
        impostor = TestCertificates.generateClient(Files.createDirectories(certificates.resolve("impostor")),
                TestServers.USER);
    }

    private static final CertificateLogin BY_COMMON_NAME = CertificateLogin.byCommonName(name ->
            name.equals(TestServers.USER) ? Optional.of(Account.atRoot(name, Permission.all())) : Optional.empty());

    private FtpServer start(ClientAuth mode, CertificateLogin login) throws Exception {
        SSLContext context = ServerTlsContexts.fromPkcs12(server.keystore(), TestCertificates.PASSWORD.toCharArray(),
                List.of(alice.certificate()));
        return TestServers.builder(root).tls(TlsSettings.builder(context).requiredForLogin(true)
                .requiredForData(true).clientAuth(mode).certificateLogin(login).build()).build().start();
    }

    private static FtpClient connect(FtpServer server, TestCertificates presenting) throws IOException {
        KeyManager[] keys = presenting == null ? null
                : TlsContexts.clientCertificate(presenting.keystore(), TestCertificates.PASSWORD.toCharArray());
        SSLContext context = TlsContexts.trusting(ClientCertificateTest.server.pem(), null, keys);
        FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(20))
                .tls(FtpsConfig.explicit(context).build()).build();
        return config.connect("localhost", server.port());
    }

    /** A STOR and a RETR, each over a data connection that must resume the control session. */
    private void transfers(FtpClient client) throws Exception {
        byte[] content = "mutual TLS".getBytes(StandardCharsets.US_ASCII);
        client.store(new ByteArrayInputStream(content), "up.txt");
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        client.retrieve("up.txt", back);
        assertThat(back.toByteArray()).isEqualTo(content);
        assertThat(Files.readAllBytes(root.resolve("up.txt"))).isEqualTo(content);
    }

    @Test
    void aTrustedCertificateLogsItsUserInWithoutAPassword() throws Exception {
        try (FtpServer ftp = start(ClientAuth.REQUIRED, BY_COMMON_NAME);
             FtpClient client = connect(ftp, alice)) {
            client.login(TestServers.USER, "not the password");

            assertThat(client.tlsSession().orElseThrow().getLocalCertificates()).isNotEmpty();
            transfers(client);
        }
    }

    @Test
    void aCertificateLogsInOnlyTheUserItNames() throws Exception {
        try (FtpServer ftp = start(ClientAuth.REQUIRED, BY_COMMON_NAME);
             FtpClient client = connect(ftp, alice)) {
            assertThatThrownBy(() -> client.login("bob", "anything"))
                    .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.reply().codeValue()).isEqualTo(530));
        }
    }

    @Test
    void withoutCertificateLoginARequiredCertificateComesInAdditionToThePassword() throws Exception {
        try (FtpServer ftp = start(ClientAuth.REQUIRED, CertificateLogin.NONE)) {
            try (FtpClient client = connect(ftp, alice)) {
                assertThatThrownBy(() -> client.login(TestServers.USER, "wrong"))
                        .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.reply().codeValue()).isEqualTo(530));
            }
            try (FtpClient client = connect(ftp, alice)) {
                client.login(TestServers.USER, TestServers.PASSWORD);
                transfers(client);
            }
        }
    }

    @Test
    void aRequiredCertificateThatIsMissingOrUntrustedFailsTheHandshake() throws Exception {
        try (FtpServer ftp = start(ClientAuth.REQUIRED, BY_COMMON_NAME)) {
            // under TLS 1.3 the client's side of the handshake is done before the server checks its certificate:
            // the server's alert arrives with the next reply
            assertThatThrownBy(() -> loginWith(ftp, null)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> loginWith(ftp, impostor)).isInstanceOf(IOException.class);

            try (FtpClient client = connect(ftp, alice)) {
                client.login(TestServers.USER, "");
            }
        }
    }

    private static void loginWith(FtpServer ftp, TestCertificates presenting) throws Exception {
        try (FtpClient client = connect(ftp, presenting)) {
            client.login(TestServers.USER, TestServers.PASSWORD);
        }
    }

    @Test
    void anOptionalCertificateLetsClientsWithoutOneLogInWithTheirPasswordButRefusesAnUntrustedOne() throws Exception {
        try (FtpServer ftp = start(ClientAuth.OPTIONAL, BY_COMMON_NAME)) {
            try (FtpClient client = connect(ftp, null)) {
                assertThatThrownBy(() -> client.login(TestServers.USER, "wrong"))
                        .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.reply().codeValue()).isEqualTo(530));
            }
            try (FtpClient client = connect(ftp, null)) {
                client.login(TestServers.USER, TestServers.PASSWORD);
                transfers(client);
            }
            try (FtpClient client = connect(ftp, alice)) {
                client.login(TestServers.USER, "");
                transfers(client);
            }
            // optional is not unchecked: a certificate that is presented must be trusted
            assertThatThrownBy(() -> loginWith(ftp, impostor)).isInstanceOf(IOException.class);
        }
    }

    @Test
    void certificateLoginNeedsCertificatesToBeAskedFor() {
        SSLContext context = server.serverContext();
        assertThatThrownBy(() -> TlsSettings.builder(context).certificateLogin(BY_COMMON_NAME).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tls certificateLogin");
    }

    @Test
    void theEmailMappingReadsTheSubjectAlternativeName() {
        CertificateLogin byEmail = CertificateLogin.byEmailAddress(name -> Optional.of(Account.atRoot(name, Permission.readOnly())));

        assertThat(byEmail.account(TestServers.USER + "@example.org", alice.certificate())).isPresent();
        assertThat(byEmail.account(TestServers.USER, alice.certificate())).isEmpty();
        assertThat(BY_COMMON_NAME.account(TestServers.USER, alice.certificate())).isPresent();
    }

    private Processes.Result curl(FtpServer ftp, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Peers.require("curl").toString(), "-sS", "--max-time", "20",
                "--ssl-reqd", "--cacert", server.pem().toString()));
        command.addAll(Arrays.asList(args));
        command.add("ftp://localhost:" + ftp.port() + "/file.txt");
        return Processes.run(local, Duration.ofSeconds(30), command);
    }

    @Test
    void curlLogsInWithItsCertificateAndNoPassword() throws Exception {
        Files.writeString(root.resolve("file.txt"), "for alice");
        try (FtpServer ftp = start(ClientAuth.REQUIRED, BY_COMMON_NAME)) {
            Processes.Result trusted = curl(ftp, "--cert", alice.pem().toString(), "-u", TestServers.USER + ":",
                    "-o", "got.txt");
            Processes.Result untrusted = curl(ftp, "--cert", impostor.pem().toString(), "-u", TestServers.USER + ":",
                    "-o", "impostor.txt");
            Processes.Result none = curl(ftp, "-u", TestServers.USER + ":" + TestServers.PASSWORD, "-o", "none.txt");

            assertThat(trusted.exitCode()).as(trusted.toString()).isZero();
            assertThat(Files.readString(local.resolve("got.txt"))).isEqualTo("for alice");
            assertThat(untrusted.exitCode()).as(untrusted.toString()).isNotZero();
            assertThat(local.resolve("impostor.txt")).doesNotExist();
            assertThat(none.exitCode()).as(none.toString()).isNotZero();
            assertThat(local.resolve("none.txt")).doesNotExist();
        }
    }

    @Test
    void curlWithoutACertificateLogsInWithItsPasswordWhenCertificatesAreOptional() throws Exception {
        Files.writeString(root.resolve("file.txt"), "for alice");
        try (FtpServer ftp = start(ClientAuth.OPTIONAL, BY_COMMON_NAME)) {
            Processes.Result withPassword = curl(ftp, "-u", TestServers.USER + ":" + TestServers.PASSWORD,
                    "-o", "got.txt");
            Processes.Result withoutPassword = curl(ftp, "-u", TestServers.USER + ":", "-o", "refused.txt");

            assertThat(withPassword.exitCode()).as(withPassword.toString()).isZero();
            assertThat(Files.readString(local.resolve("got.txt"))).isEqualTo("for alice");
            assertThat(withoutPassword.exitCode()).as(withoutPassword.toString()).isEqualTo(67);
        }
    }
}
