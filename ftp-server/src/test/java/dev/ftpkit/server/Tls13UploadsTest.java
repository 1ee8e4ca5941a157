package dev.ftpkit.server;

import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads over TLS 1.3 from the clients that never read an upload's data connection (curl 7.88 with OpenSSL, lftp
 * with GnuTLS), to a server with default TLS settings (TLS 1.3 and 1.2 offered, session reuse required) and TLS
 * required, as {@code serve --tls-required} makes it. Each client sends {@value #FILES} files of 3 MB in one session,
 * so every data connection after the first is a resumed TLS 1.3 handshake whose session ticket the client never
 * reads; before the server held that ticket back, the client's reset cut off the end of such uploads.
 */
class Tls13UploadsTest {

    private static final int FILES = 5;

    @TempDir
    static Path certificates;
    static TestCertificates certs;

    @TempDir
    Path root;
    @TempDir
    Path local;

    private final List<byte[]> contents = new ArrayList<>();

    @BeforeAll
    static void makeCertificates() {
        certs = TestCertificates.generate(certificates);
    }

    @BeforeEach
    void makeFiles() throws Exception {
        Random random = new Random(16);
        for (int i = 0; i < FILES; i++) {
            byte[] content = new byte[3_000_000 + i];
            random.nextBytes(content);
            contents.add(content);
            Files.write(local.resolve("f" + i + ".bin"), content);
        }
    }

    private FtpServer tlsRequiredServer() throws Exception {
        TlsSettings defaults = TlsSettings.builder(certs.serverContext())
                .requiredForLogin(true).requiredForData(true).build();
        assertThat(defaults.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(defaults.sessionReuseRequired()).isTrue();
        return TestServers.builder(root).tls(defaults).build().start();
    }

    private void assertUploadedWhole(String prefix) throws Exception {
        for (int i = 0; i < FILES; i++) {
            assertThat(Files.readAllBytes(root.resolve(prefix + i + ".bin"))).as(prefix + i).isEqualTo(contents.get(i));
        }
    }

    @Test
    void curlUploadsWholeFilesOverTls13() throws Exception {
        try (FtpServer server = tlsRequiredServer()) {
            List<String> command = new ArrayList<>(List.of(Peers.require("curl").toString(), "-v", "-sS",
                    "--max-time", "60", "--tlsv1.3", "--ssl-reqd", "--cacert", certs.pem().toString(),
                    "-u", TestServers.USER + ":" + TestServers.PASSWORD));
            for (int i = 0; i < FILES; i++) {
                // one session: curl reuses the control connection for each further URL
                command.addAll(List.of("-T", "f" + i + ".bin", "ftp://localhost:" + server.port() + "/c" + i + ".bin"));
            }

            Processes.Result result = Processes.run(local, Duration.ofSeconds(90), command);

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stderr()).contains("SSL connection using TLSv1.3").contains("Re-using existing connection");
            assertUploadedWhole("c");
        }
    }

    @ParameterizedTest(name = "passive={0}")
    @ValueSource(booleans = {true, false})
    void lftpUploadsWholeFilesOverTls13Only(boolean passive) throws Exception {
        try (FtpServer server = tlsRequiredServer()) {
            StringBuilder script = new StringBuilder("set net:max-retries 1; set net:timeout 20; set cmd:fail-exit true; "
                    + "set ssl:priority NORMAL:-VERS-ALL:+VERS-TLS1.3; "
                    + "set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:verify-certificate no; "
                    + "set ftp:passive-mode " + (passive ? "on" : "off") + "; "
                    + "open -u " + TestServers.USER + "," + TestServers.PASSWORD + " -p " + server.port()
                    + " 127.0.0.1; ");
            for (int i = 0; i < FILES; i++) {
                script.append("put f").append(i).append(".bin -o l").append(i).append(".bin; ");
            }
            script.append("bye");

            Processes.Result result = Processes.run(local, Duration.ofSeconds(90),
                    List.of(Peers.require("lftp").toString(), "-c", script.toString()));

            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertUploadedWhole("l");
        }
    }
}
