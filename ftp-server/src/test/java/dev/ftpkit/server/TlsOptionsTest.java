package dev.ftpkit.server;

import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The TLS builder options are validated at build(); PKCS12 key stores load into a server context. */
class TlsOptionsTest {

    @TempDir
    Path root;
    @TempDir
    Path certificates;

    @Test
    void badTlsValuesAreRejectedByTheSetterNamingTheOption() {
        SSLContext context = TestCertificates.generate(certificates).serverContext();

        assertThatThrownBy(() -> TlsSettings.builder(context).implicitPort(70000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tls implicitPort");
        assertThatThrownBy(() -> TlsSettings.builder(context).protocols("TLSv9"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tls protocols");
        assertThatThrownBy(() -> TlsSettings.builder(context).protocols())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tls protocols");
    }

    @Test
    void implicitTlsPortEqualToTheControlPortIsRejected() {
        SSLContext context = TestCertificates.generate(certificates).serverContext();

        assertThatThrownBy(() -> TestServers.builder(root).port(2121)
                .tls(TlsSettings.builder(context).implicitPort(2121).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tls implicitPort");
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

        SSLContext context = ServerTlsContexts.fromPkcs12(certs.keystore(), TestCertificates.PASSWORD.toCharArray());

        assertThat(context.getServerSocketFactory()).isNotNull();
        try (FtpServer server = TestServers.builder(root).tls(TlsSettings.of(context)).build().start();
             TlsFtp ftp = TlsFtp.connect(server.port(), "TLSv1.2")) {
            ftp.expect(234, "AUTH TLS");
            ftp.handshake(certs.clientContext());
            assertThat(ftp.control().getSession().getPeerCertificates()).hasSize(1);
        }
    }

    @Test
    void wrongKeystorePasswordIsAnIoException() {
        TestCertificates certs = TestCertificates.generate(certificates);

        assertThatThrownBy(() -> ServerTlsContexts.fromPkcs12(certs.keystore(), "wrong".toCharArray()))
                .isInstanceOf(IOException.class);
    }
}
