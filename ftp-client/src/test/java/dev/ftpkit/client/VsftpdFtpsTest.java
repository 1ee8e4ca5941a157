package dev.ftpkit.client;

import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.testsupport.TestCertificates;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLHandshakeException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * FTPS against a real vsftpd with TLS forced for login and data and its default {@code require_ssl_reuse=YES}:
 * every data connection that works has resumed the control connection's TLS session.
 */
class VsftpdFtpsTest {

    @TempDir
    static Path certificateDir;

    private static TestCertificates certificates;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateCertificates() {
        certificates = TestCertificates.generate(certificateDir);
    }

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private Vsftpd.Builder vsftpd() {
        return Vsftpd.builder(dir.resolve("server")).tls(certificates)
                .option("force_anon_data_ssl", "YES")
                .option("force_anon_logins_ssl", "YES");
    }

    private static FtpClientConfig config(FtpsConfig tls, DataConnectionMode mode) {
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(10)).dataConnectionMode(mode).tls(tls).build();
    }

    private static FtpClient loggedIn(Vsftpd vsftpd, FtpClientConfig config, String host) throws Exception {
        FtpClient client = FtpClient.connect(config, host, vsftpd.port());
        client.loginAnonymous();
        return client;
    }

    /** Upload, download (small, empty and large), listing: bytes compared. */
    private void roundTrips(Vsftpd vsftpd, FtpClient client) throws Exception {
        byte[] large = randomBytes(3_000_000, 1);
        byte[] small = "over TLS\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Files.write(vsftpd.root().resolve("large.bin"), large);
        Files.write(vsftpd.root().resolve("small.txt"), small);
        Files.write(vsftpd.root().resolve("empty.txt"), new byte[0]);

        Path local = dir.resolve("large.bin");
        assertThat(client.retrieve("large.bin", local)).isEqualTo(large.length);
        assertThat(Files.readAllBytes(local)).isEqualTo(large);
        try (InputStream in = client.retrieve("small.txt")) {
            assertThat(in.readAllBytes()).isEqualTo(small);
        }
        try (InputStream in = client.retrieve("empty.txt")) {
            assertThat(in.readAllBytes()).isEmpty();
        }

        byte[] upload = randomBytes(2_000_000, 2);
        Path source = Files.write(dir.resolve("up.bin"), upload);
        assertThat(client.store(source, "upload/up.bin")).isEqualTo(upload.length);
        assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("up.bin"))).isEqualTo(upload);

        List<ListEntry> entries = client.list("");
        assertThat(entries).extracting(ListEntry::name).contains("large.bin", "small.txt", "empty.txt", "upload");
        assertThat(client.listNames("upload")).anySatisfy(name -> assertThat(name).endsWith("up.bin"));
        client.noop();
    }

    @Test
    void explicitTlsWithEpsvResumesTheSessionOnEveryDataConnection() throws Exception {
        try (Vsftpd vsftpd = vsftpd().start();
             FtpClient client = loggedIn(vsftpd, config(FtpsConfig.explicit(certificates.clientContext()).build(),
                     DataConnectionMode.passive()), "localhost")) {
            assertThat(client.tlsSession()).hasValueSatisfying(session ->
                    assertThat(session.getProtocol()).isEqualTo("TLSv1.3"));
            roundTrips(vsftpd, client);
        }
    }

    @Test
    void explicitTlsWithPasvWorks() throws Exception {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        FtpClientConfig config = config(FtpsConfig.explicit(certificates.clientContext()).build(),
                DataConnectionMode.passive().withoutEpsv()).toBuilder().protocolListener(dialogue).build();
        try (Vsftpd vsftpd = vsftpd().start();
             FtpClient client = loggedIn(vsftpd, config, "127.0.0.1")) {
            roundTrips(vsftpd, client);
        }
        assertThat(dialogue.commands).extracting(Object::toString)
                .startsWith("AUTH TLS", "USER anonymous")
                .contains("PBSZ 0", "PROT P", "PASV")
                .doesNotContain("EPSV");
    }

    @Test
    void explicitTlsInActiveModeWorks() throws Exception {
        try (Vsftpd vsftpd = vsftpd().start();
             FtpClient client = loggedIn(vsftpd, config(FtpsConfig.explicit(certificates.clientContext()).build(),
                     DataConnectionMode.active()), "localhost")) {
            roundTrips(vsftpd, client);
        }
    }

    @Test
    void implicitTlsWorks() throws Exception {
        try (Vsftpd vsftpd = vsftpd().option("implicit_ssl", "YES").start();
             FtpClient client = loggedIn(vsftpd, config(FtpsConfig.implicit(certificates.clientContext()).build(),
                     DataConnectionMode.passive()), "localhost")) {
            roundTrips(vsftpd, client);
        }
    }

    @Test
    void clearDataProtectionSendsProtC() throws Exception {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        FtpsConfig tls = FtpsConfig.explicit(certificates.clientContext())
                .dataProtection(FtpsConfig.DataProtection.CLEAR).build();
        FtpClientConfig config = config(tls, DataConnectionMode.passive()).toBuilder().protocolListener(dialogue)
                .build();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).tls(certificates).start();
             FtpClient client = loggedIn(vsftpd, config, "localhost")) {
            Files.writeString(vsftpd.root().resolve("plain.txt"), "in the clear");
            try (InputStream in = client.retrieve("plain.txt")) {
                assertThat(in.readAllBytes()).isEqualTo("in the clear".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
        }
        assertThat(dialogue.commands).extracting(Object::toString).contains("PROT C").doesNotContain("PROT P");
    }

    @Test
    void abortOverTlsLeavesAWorkingConnection() throws Exception {
        try (Vsftpd vsftpd = vsftpd().start()) {
            Files.write(vsftpd.root().resolve("big.bin"), randomBytes(20_000_000, 3));
            Files.writeString(vsftpd.root().resolve("small.txt"), "still works");
            try (FtpClient client = loggedIn(vsftpd, config(FtpsConfig.explicit(certificates.clientContext()).build(),
                    DataConnectionMode.passive()), "localhost")) {
                try (InputStream in = client.retrieve("big.bin")) {
                    assertThat(in.readNBytes(100_000)).hasSize(100_000);
                }
                try (InputStream in = client.retrieve("small.txt")) {
                    assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII))
                            .isEqualTo("still works");
                }
            }
        }
    }

    @Test
    void tls12WithoutSessionReuseTransfersData() throws Exception {
        FtpsConfig tls = FtpsConfig.explicit(certificates.clientContext()).protocols("TLSv1.2").build();
        try (Vsftpd vsftpd = vsftpd().option("require_ssl_reuse", "NO").start();
             FtpClient client = loggedIn(vsftpd, config(tls, DataConnectionMode.passive()), "localhost")) {
            roundTrips(vsftpd, client);
        }
    }

    @Test
    void twoConnectionsSharingOneContextBothResume() throws Exception {
        FtpClientConfig config = config(FtpsConfig.explicit(certificates.clientContext()).build(),
                DataConnectionMode.passive());
        try (Vsftpd vsftpd = vsftpd().start();
             FtpClient a = loggedIn(vsftpd, config, "localhost");
             FtpClient b = loggedIn(vsftpd, config, "localhost")) {
            Files.writeString(vsftpd.root().resolve("f.txt"), "shared");
            for (int i = 0; i < 3; i++) {
                for (FtpClient client : List.of(a, b)) {
                    try (InputStream in = client.retrieve("f.txt")) {
                        assertThat(in.readAllBytes()).isEqualTo("shared".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                    client.store(new java.io.ByteArrayInputStream(new byte[10]), "upload/x" + i);
                }
            }
        }
    }

    @Test
    void untrustedCertificateFailsBeforeTheUserNameIsSent() throws Exception {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        FtpClientConfig config = config(FtpsConfig.explicit().build(), DataConnectionMode.passive()).toBuilder()
                .protocolListener(dialogue).build();
        try (Vsftpd vsftpd = vsftpd().start()) {
            assertThatThrownBy(() -> FtpClient.connect(config, "localhost", vsftpd.port()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
        assertThat(dialogue.commands).extracting(Object::toString).containsExactly("AUTH TLS");
    }
}
