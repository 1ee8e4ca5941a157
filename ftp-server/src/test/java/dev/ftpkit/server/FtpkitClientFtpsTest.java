package dev.ftpkit.server;

import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.testsupport.BoundSocketFactory;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.net.SocketFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ftpkit client against the ftpkit server over FTPS, with everything the server can demand switched on:
 * TLS before login, protected data, and data connections that must resume the control session.
 */
class FtpkitClientFtpsTest {

    @TempDir
    Path root;

    private static TestCertificates certs;

    @BeforeAll
    static void generateCertificates(@TempDir Path dir) {
        certs = TestCertificates.generate(dir);
    }

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of("TLSv1.2", "explicit", DataConnectionMode.passive()),
                Arguments.of("TLSv1.2", "explicit", DataConnectionMode.active()),
                Arguments.of("TLSv1.2", "implicit", DataConnectionMode.passive()),
                Arguments.of("TLSv1.3", "explicit", DataConnectionMode.passive()),
                Arguments.of("TLSv1.3", "explicit", DataConnectionMode.active()));
    }

    /**
     * A TLS 1.3 record carries at most 2^14 - 17 bytes from JSSE; an upload written in 64 KiB pieces went out as
     * five records per piece (the fifth of 68 bytes), and vsftpd made a quarter more reads and writes to take it in.
     */
    @Test
    void aTls13UploadGoesOutInFullRecords() throws Exception {
        byte[] content = new byte[1 << 20];
        new Random(12).nextBytes(content);
        List<TlsRecordsSocket> sockets = new CopyOnWriteArrayList<>();
        SocketFactory counting = BoundSocketFactory.making(() -> {
            TlsRecordsSocket socket = new TlsRecordsSocket();
            sockets.add(socket);
            return socket;
        });
        try (FtpServer server = TestServers.builder(root)
                .tls(TlsSettings.builder(certs.serverContext()).protocols("TLSv1.3").requiredForData(true).build())
                .build()
                .start()) {
            FtpClientConfig config = FtpClientConfig.builder()
                    .tls(FtpsConfig.explicit(certs.clientContext()).build())
                    .socketFactory(counting)
                    .timeouts(Duration.ofSeconds(30))
                    .build();
            try (FtpClient client = config.connect("127.0.0.1", server.port())) {
                client.login(TestServers.USER, TestServers.PASSWORD);
                client.store(new ByteArrayInputStream(content), "up.bin");
            }
        }
        assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
        int fullRecords = (content.length + 16_366) / 16_367; // 65
        // the data connection's handshake and close_notify come on top; 64 KiB writes made 80 for the data alone
        int dataRecords = sockets.stream().mapToInt(TlsRecordsSocket::recordsWritten).max().orElse(0);
        assertThat(dataRecords).isBetween(fullRecords, fullRecords + 8);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("modes")
    void clientAndServerTransferOverTlsWithSessionReuseRequired(String protocol, String tlsMode,
            DataConnectionMode dataMode) throws Exception {
        byte[] content = new byte[1_500_000];
        new Random(11).nextBytes(content);
        try (FtpServer server = TestServers.builder(root)
                .tls(TlsSettings.builder(certs.serverContext())
                        .protocols(protocol)
                        .requiredForLogin(true)
                        .requiredForData(true)
                        .sessionReuseRequired(true)
                        .implicitPort(0)
                        .build())
                .build()
                .start()) {
            boolean implicit = tlsMode.equals("implicit");
            FtpsConfig tls = (implicit ? FtpsConfig.implicit(certs.clientContext())
                    : FtpsConfig.explicit(certs.clientContext())).build();
            FtpClientConfig config = FtpClientConfig.builder()
                    .tls(tls)
                    .dataConnectionMode(dataMode)
                    .timeouts(Duration.ofSeconds(30))
                    .build();
            int port = implicit ? server.implicitTlsPort() : server.port();
            try (FtpClient client = config.connect("127.0.0.1", port)) {
                client.login(TestServers.USER, TestServers.PASSWORD);
                assertThat(client.tlsSession()).get().extracting(session -> session.getProtocol()).isEqualTo(protocol);

                client.store(new ByteArrayInputStream(content), "secret.bin");
                ByteArrayOutputStream back = new ByteArrayOutputStream();
                client.retrieve("secret.bin", back);
                assertThat(back.toByteArray()).isEqualTo(content);
                assertThat(client.list("")).extracting(ListEntry::name).containsExactly("secret.bin");
                client.quit();
            }
        }
        assertThat(Files.readAllBytes(root.resolve("secret.bin"))).isEqualTo(content);
    }
}
