package dev.ftpkit.client;

import dev.ftpkit.testsupport.Background;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trust files (PEM, PKCS12), the insecure context, and the FTPS settings' defaults and validation. */
class TlsContextsTest {

    @TempDir
    static Path certificateDir;

    private static TestCertificates certificates;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateCertificates() {
        certificates = TestCertificates.generate(certificateDir);
    }

    /** Handshakes a client using {@code context} with a server presenting the test certificate. */
    private static void handshake(SSLContext context) throws Exception {
        try (SSLServerSocket listener = (SSLServerSocket) certificates.serverContext().getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            listener.setSoTimeout(10_000);
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (SSLSocket accepted = (SSLSocket) listener.accept()) {
                    accepted.setSoTimeout(10_000);
                    accepted.startHandshake();
                    accepted.getInputStream().read();
                } catch (IOException ignored) {
                    // the client may refuse the certificate
                }
            }, Background.THREADS);
            try (SSLSocket client = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1",
                    listener.getLocalPort())) {
                client.setSoTimeout(10_000);
                javax.net.ssl.SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                client.startHandshake();
            } finally {
                server.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void pemFileWithAKeyBeforeTheCertificateIsTrusted() throws Exception {
        SSLContext context = TlsContexts.trusting(certificates.pem());

        handshake(context);
    }

    @Test
    void pkcs12FileIsTrustedWithItsPassword() throws Exception {
        SSLContext context = TlsContexts.trusting(certificates.keystore(), TestCertificates.PASSWORD.toCharArray());

        handshake(context);
    }

    @Test
    void pkcs12FileWithEncryptedCertificatesNeedsItsPassword() {
        assertThatThrownBy(() -> TlsContexts.trusting(certificates.keystore()))
                .isInstanceOf(IOException.class).hasMessageContaining("password");
    }

    @Test
    void aFileThatIsNeitherPemNorPkcs12IsRefused() throws Exception {
        Path garbage = Files.writeString(dir.resolve("ca.txt"), "not a certificate", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> TlsContexts.trusting(garbage)).isInstanceOf(IOException.class);
    }

    @Test
    void theJdkDefaultTrustRefusesTheSelfSignedCertificate() {
        assertThatThrownBy(() -> handshake(FtpsConfig.explicit().build().sslContext()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void theInsecureContextAcceptsAnyCertificate() throws Exception {
        handshake(TlsContexts.insecureTrustingAnyCertificate());
    }

    @Test
    void ftpsDefaultsAreProtectedDataTls12And13AndHostNameVerification() {
        FtpsConfig tls = FtpsConfig.explicit(certificates.clientContext()).build();

        assertThat(tls.mode()).isEqualTo(FtpsConfig.Mode.EXPLICIT);
        assertThat(tls.dataProtection()).isEqualTo(FtpsConfig.DataProtection.PRIVATE);
        assertThat(tls.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(tls.hostnameVerification()).isTrue();
        assertThat(tls.clearCommandChannel()).isFalse();
        assertThat(FtpClientConfig.defaults().tls()).isEmpty();
        assertThat(FtpClientConfig.builder().tls(tls).build().toBuilder().build().tls()).contains(tls);
    }

    @Test
    void unknownOrNoProtocolsAreRefusedAtTheBuilder() {
        FtpsConfig.Builder builder = FtpsConfig.implicit(certificates.clientContext());

        assertThatThrownBy(() -> builder.protocols("TLSv9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TLSv9");
        assertThatThrownBy(builder::protocols).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FtpsConfig.explicit(null)).isInstanceOf(NullPointerException.class);
    }
}
