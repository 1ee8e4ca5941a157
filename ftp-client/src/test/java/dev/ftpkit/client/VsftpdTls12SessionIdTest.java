package dev.ftpkit.client;

import dev.ftpkit.testsupport.TestCertificates;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TLS 1.2 against vsftpd with {@code require_ssl_reuse=YES}: vsftpd's session tickets outlive JSSE's limit and are
 * dropped, so resumption needs session IDs, i.e. the JVM property
 * {@code jdk.tls.client.enableSessionTicketExtension=false}. The pom runs this class in its own JVM with it.
 */
class VsftpdTls12SessionIdTest {

    @TempDir
    Path dir;

    @Test
    void runsWithSessionTicketsOff() {
        assertThat(System.getProperty("jdk.tls.client.enableSessionTicketExtension")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"passive", "active"})
    void tls12DataConnectionsResumeTheControlSession(String mode) throws Exception {
        TestCertificates certificates = TestCertificates.generate(dir);
        byte[] content = new byte[1_000_000];
        new Random(12).nextBytes(content);
        FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(10))
                .dataConnectionMode(mode.equals("active") ? DataConnectionMode.active() : DataConnectionMode.passive())
                .tls(FtpsConfig.explicit(certificates.clientContext()).protocols("TLSv1.2").build())
                .build();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).tls(certificates)
                .option("force_anon_data_ssl", "YES").option("force_anon_logins_ssl", "YES").start();
             FtpClient client = FtpClient.connect(config, "localhost", vsftpd.port())) {
            client.loginAnonymous();
            Files.write(vsftpd.root().resolve("down.bin"), content);

            try (InputStream in = client.retrieve("down.bin")) {
                assertThat(java.util.Arrays.equals(in.readAllBytes(), content)).as("downloaded bytes equal").isTrue();
            }
            client.store(new java.io.ByteArrayInputStream(content), "upload/up.bin");
            assertThat(java.util.Arrays.equals(Files.readAllBytes(vsftpd.uploadDir().resolve("up.bin")), content)).as("uploaded bytes equal").isTrue();
            assertThat(client.listNames("upload")).anySatisfy(name -> assertThat(name).endsWith("up.bin"));
        }
    }
}
