package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.client.TlsContexts;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server built with {@link TlsSettings#builder(java.util.function.Supplier)} presents a replaced certificate to
 * new sessions, while a session started before keeps its own: its data connections still resume its control
 * session (reuse required), which lives in the old context's session cache.
 */
class CertificateReloadTest {

    @TempDir
    Path root;

    @Test
    void newSessionsGetTheNewCertificateAndRunningSessionsKeepWorking(@TempDir Path first, @TempDir Path second)
            throws Exception {
        TestCertificates before = TestCertificates.generate(first);
        TestCertificates after = TestCertificates.generate(second);
        AtomicReference<SSLContext> current = new AtomicReference<>(before.serverContext());
        try (FtpServer server = TestServers.builder(root)
                .tls(TlsSettings.builder(current::get).requiredForLogin(true).requiredForData(true).build())
                .build().start();
             FtpClient running = loggedIn(server)) {
            Certificate old = peerCertificate(running);
            transfers(running, "before.txt");

            current.set(after.serverContext());

            try (FtpClient renewed = loggedIn(server)) {
                assertThat(peerCertificate(renewed)).isNotEqualTo(old);
                assertThat(peerCertificate(renewed)).isEqualTo(certificateOf(after));
                transfers(renewed, "renewed.txt");
            }
            assertThat(old).isEqualTo(certificateOf(before));
            assertThat(peerCertificate(running)).isEqualTo(old);
            transfers(running, "still.txt");
        }
    }

    private static FtpClient loggedIn(FtpServer server) throws Exception {
        FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(30))
                .tls(FtpsConfig.explicit(TlsContexts.insecureTrustingAnyCertificate()).build()).build();
        FtpClient client = config.connect("127.0.0.1", server.port());
        client.login(TestServers.USER, TestServers.PASSWORD);
        return client;
    }

    private static Certificate peerCertificate(FtpClient client) throws Exception {
        return client.tlsSession().orElseThrow().getPeerCertificates()[0];
    }

    private static Certificate certificateOf(TestCertificates certificates) throws Exception {
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(certificates.keystore())) {
            store.load(in, TestCertificates.PASSWORD.toCharArray());
        }
        return store.getCertificate(store.aliases().nextElement());
    }

    /** A STOR and a RETR, each over a data connection that must resume the control session. */
    private void transfers(FtpClient client, String name) throws Exception {
        byte[] content = ("content of " + name).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        client.store(new ByteArrayInputStream(content), name);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        client.retrieve(name, back);
        assertThat(back.toByteArray()).isEqualTo(content);
        assertThat(Files.readAllBytes(root.resolve(name))).isEqualTo(content);
    }
}
