package dev.ftpkit.server;

import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ftpkit client against a server with the default TLS settings (TLS 1.3 and 1.2 offered, session reuse
 * required) and TLS required: one session runs {@value #DATA_CONNECTIONS} data connections, RETR, STOR and LIST in turn, under
 * each TLS version, passive and active. Any data connection that did not resume the control session would get 522
 * and fail its command. The JVM runs with JSSE's defaults: no TLS system property helps.
 */
class FtpkitClientTlsReuseTest {

    private static final int DATA_CONNECTIONS = 12;

    @TempDir
    Path root;

    private static TestCertificates certs;

    @BeforeAll
    static void generateCertificates(@TempDir Path dir) {
        certs = TestCertificates.generate(dir);
    }

    @Test
    void theJvmHasNoTlsSystemProperty() {
        assertThat(System.getProperties().stringPropertyNames())
                .noneMatch(name -> name.startsWith("jdk.tls.") || name.startsWith("javax.net.ssl."));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"TLSv1.3, passive", "TLSv1.3, active", "TLSv1.2, passive", "TLSv1.2, active"})
    void everyDataConnectionOfOneSessionResumesTheControlSession(String protocol, String mode) throws Exception {
        byte[] content = new byte[400_000];
        new Random(16).nextBytes(content);
        Files.write(root.resolve("down.bin"), content);
        try (FtpServer server = TestServers.builder(root)
                .tls(TlsSettings.builder(certs.serverContext()).requiredForLogin(true).requiredForData(true).build())
                .build().start()) {
            FtpClientConfig config = FtpClientConfig.builder()
                    .tls(FtpsConfig.explicit(certs.clientContext()).protocols(protocol).build())
                    .dataConnectionMode(mode.equals("active") ? DataConnectionMode.active() : DataConnectionMode.passive())
                    .timeouts(Duration.ofSeconds(30))
                    .build();
            try (FtpClient client = config.connect("127.0.0.1", server.port())) {
                client.login(TestServers.USER, TestServers.PASSWORD);
                assertThat(client.tlsSession()).get().extracting(session -> session.getProtocol()).isEqualTo(protocol);

                for (int i = 0; i < DATA_CONNECTIONS / 3; i++) {
                    ByteArrayOutputStream back = new ByteArrayOutputStream();
                    client.retrieve("down.bin", back);
                    assertThat(back.toByteArray()).as("download " + i).isEqualTo(content);
                    client.store(new ByteArrayInputStream(content), "up" + i + ".bin");
                    assertThat(client.list("")).extracting(ListEntry::name).contains("up" + i + ".bin");
                }
                client.quit();
            }
        }
        for (int i = 0; i < DATA_CONNECTIONS / 3; i++) {
            assertThat(Files.readAllBytes(root.resolve("up" + i + ".bin"))).as("upload " + i).isEqualTo(content);
        }
    }
}
