package dev.ftpkit.examples.client;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.testsupport.TestCertificates;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The client subcommands over FTPS against a real vsftpd that forces TLS for login and data. */
class ClientCliFtpsTest {

    @TempDir
    static Path certificateDir;

    private static TestCertificates certificates;

    @TempDir
    Path dir;

    private ByteArrayOutputStream err;

    @BeforeAll
    static void generateCertificates() {
        certificates = TestCertificates.generate(certificateDir);
    }

    private Vsftpd start(boolean implicit) {
        Vsftpd.Builder builder = Vsftpd.builder(dir.resolve("server")).tls(certificates)
                .option("force_anon_data_ssl", "YES").option("force_anon_logins_ssl", "YES");
        if (implicit) {
            builder.option("implicit_ssl", "YES");
        }
        return builder.start();
    }

    private int run(String... args) {
        err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return Main.run(List.of(args), io);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(9).nextBytes(bytes);
        return bytes;
    }

    @Test
    void tlsWithAPemCaCertDownloadsOverProtectedData() throws Exception {
        try (Vsftpd vsftpd = start(false)) {
            byte[] content = randomBytes(500_000);
            Files.write(vsftpd.root().resolve("data.bin"), content);
            Path local = dir.resolve("copy.bin");

            int code = run("get", "--tls", "--cacert", certificates.pem().toString(), "-v",
                    "ftp://localhost:" + vsftpd.port() + "/data.bin", local.toString());

            assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
            assertThat(Files.readAllBytes(local)).isEqualTo(content);
            assertThat(stderr()).contains("> AUTH TLS", "< 234", "* TLS TLSv1.3 ", "> PBSZ 0", "> PROT P", "< 226");
        }
    }

    @Test
    void anUntrustedCertificateExitsThreeAndPointsAtCacertAndInsecure() throws Exception {
        try (Vsftpd vsftpd = start(false)) {
            int code = run("ls", "--tls", "ftp://localhost:" + vsftpd.port() + "/");

            assertThat(code).as(stderr()).isEqualTo(ExitCode.NETWORK);
            assertThat(stderr()).contains("TLS with localhost:" + vsftpd.port() + " failed",
                    "certificate is not trusted", "--cacert", "--insecure").doesNotContain("javax.", "java.");
        }
    }

    @Test
    void aMissingCacertFileExitsFour() {
        int code = run("ls", "--tls", "--cacert", dir.resolve("absent.pem").toString(), "ftp://127.0.0.1:1/");

        assertThat(code).isEqualTo(ExitCode.LOCAL_FILE);
        assertThat(stderr()).contains("--cacert " + dir.resolve("absent.pem") + ": no such file or directory");
    }

    @Test
    void tlsWithAPkcs12CaCertUploads() throws Exception {
        try (Vsftpd vsftpd = start(false)) {
            byte[] content = randomBytes(300_000);
            Path local = Files.write(dir.resolve("up.bin"), content);

            int code = run("put", "--tls", "--cacert", certificates.keystore().toString(), "--cacert-password",
                    TestCertificates.PASSWORD, local.toString(), "ftp://127.0.0.1:" + vsftpd.port() + "/upload/");

            assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
            assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("up.bin"))).isEqualTo(content);
        }
    }

    @Test
    void insecureListsWithoutCheckingTheCertificateInActiveMode() throws Exception {
        try (Vsftpd vsftpd = start(false)) {
            Files.writeString(vsftpd.root().resolve("listed.txt"), "x");

            int code = run("ls", "--tls", "--insecure", "--active", "ftp://127.0.0.1:" + vsftpd.port() + "/");

            assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
        }
    }

    @Test
    void ftpsUrlUsesImplicitTls() throws Exception {
        try (Vsftpd vsftpd = start(true)) {
            byte[] content = randomBytes(100_000);
            Files.write(vsftpd.root().resolve("implicit.bin"), content);
            Path local = dir.resolve("implicit.bin");

            int code = run("get", "--cacert", certificates.pem().toString(),
                    "ftps://localhost:" + vsftpd.port() + "/implicit.bin", local.toString());

            assertThat(code).as(stderr()).isEqualTo(ExitCode.OK);
            assertThat(Files.readAllBytes(local)).isEqualTo(content);
        }
    }

    @Test
    void untrustedCertificateExitsThreeAndWritesNothing() {
        try (Vsftpd vsftpd = start(false)) {
            Path local = dir.resolve("never.bin");

            int code = run("get", "--tls", "ftp://localhost:" + vsftpd.port() + "/x", local.toString());

            assertThat(code).isEqualTo(ExitCode.NETWORK);
            assertThat(stderr()).contains("certificate is not trusted", "--cacert", "--insecure");
            assertThat(local).doesNotExist();
        }
    }

    @Test
    void trustOptionsWithoutTlsOrTogetherAreUsageErrors() {
        assertThat(run("ls", "--insecure", "ftp://127.0.0.1:1/")).isEqualTo(ExitCode.USAGE);
        assertThat(run("ls", "--cacert", "ca.pem", "ftp://127.0.0.1:1/")).isEqualTo(ExitCode.USAGE);
        assertThat(run("ls", "--tls", "--insecure", "--cacert", "ca.pem", "ftp://127.0.0.1:1/"))
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void missingCaCertFileExitsFour() {
        assertThat(run("ls", "--tls", "--cacert", dir.resolve("absent.pem").toString(), "ftp://127.0.0.1:1/"))
                .isEqualTo(ExitCode.LOCAL_FILE);
    }
}
