package dev.ftpkit.server;

import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TLS builder options are validated at build(); PKCS12 key stores load into a server context. */
class TlsOptionsTest {

    @TempDir
    Path root;
    @TempDir
    Path certificates;

    @Test
    void tlsOptionsWithoutAContextAreRejectedNamingTheOption() {
        assertThatThrownBy(() -> TestServers.builder(root).tlsRequiredForLogin(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tlsRequiredForLogin");
        assertThatThrownBy(() -> TestServers.builder(root).implicitTlsPort(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("implicitTlsPort");
        assertThatThrownBy(() -> TestServers.builder(root).cccEnabled(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cccEnabled");
    }

    @Test
    void badTlsValuesAreRejectedNamingTheOption() {
        SSLContext context = TestCertificates.generate(certificates).serverContext();

        assertThatThrownBy(() -> TestServers.builder(root).tls(context).implicitTlsPort(70000).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("implicitTlsPort");
        assertThatThrownBy(() -> TestServers.builder(root).tls(context).tlsProtocols("TLSv9").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tlsProtocols");
        assertThatThrownBy(() -> TestServers.builder(root).tls(context).tlsProtocols().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tlsProtocols");
    }

    @Test
    void implicitTlsPortIsUnavailableWithoutAnImplicitListener() throws Exception {
        try (FtpServer server = TestServers.start(root)) {
            assertThatThrownBy(server::implicitTlsPort).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void pkcs12KeystoreLoadsIntoAServerContext() throws Exception {
        TestCertificates certs = TestCertificates.generate(certificates);

        SSLContext context = TlsContexts.fromPkcs12(certs.keystore(), TestCertificates.PASSWORD.toCharArray());

        assertThat(context.getServerSocketFactory()).isNotNull();
        try (FtpServer server = TestServers.builder(root).tls(context).build().start();
             TlsFtp ftp = TlsFtp.connect(server.port(), "TLSv1.2")) {
            ftp.expect(234, "AUTH TLS");
            ftp.handshake(certs.clientContext());
            assertThat(ftp.control().getSession().getPeerCertificates()).hasSize(1);
        }
    }

    @Test
    void wrongKeystorePasswordIsAnIoException() {
        TestCertificates certs = TestCertificates.generate(certificates);

        assertThatThrownBy(() -> TlsContexts.fromPkcs12(certs.keystore(), "wrong".toCharArray()))
                .isInstanceOf(IOException.class);
    }
}
