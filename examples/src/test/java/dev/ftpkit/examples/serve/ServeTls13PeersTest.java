package dev.ftpkit.examples.serve;

import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import dev.ftpkit.testsupport.RandomFiles;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * curl and lftp upload over TLS 1.3 only to {@code ftpkit serve --tls-keystore ... --tls-required} with no other
 * TLS option, so with the defaults: TLS 1.3 and 1.2 offered, data connections required to resume the control
 * connection's session. Each upload must arrive byte for byte: these clients never read an upload's data
 * connection, and a session ticket left unread there used to cost the upload its end. (Single uploads, each in
 * its own curl process, are ftp-server's {@code FtpsPeersTest}.)
 */
class ServeTls13PeersTest {

    private static final String USER = "bob";
    private static final String PASSWORD = "pw";

    @TempDir
    Path dir;
    private Path root;
    private Path local;
    private TestCertificates certs;

    @BeforeEach
    void setUp() throws IOException {
        certs = TestCertificates.generate(Files.createDirectories(dir.resolve("certs")));
        root = Files.createDirectories(dir.resolve("served"));
        local = Files.createDirectories(dir.resolve("local"));
        Files.createDirectories(root.resolve("up"));
    }

    private ServeProcess serve() throws IOException {
        return ServeProcess.start(dir.resolve("serve.log"), "--port", "0", "--root", root.toString(), "--user",
                USER + ":" + PASSWORD, "--write", "--tls-keystore", certs.keystore().toString(), "--tls-password",
                TestCertificates.PASSWORD, "--tls-required");
    }

    @Test
    void curlOverTls13UploadsFiveFilesInOneSession() throws Exception {
        Path curl = Peers.require("curl");
        List<String> names = files(5, 3 << 20);
        try (ServeProcess server = serve()) {
            Processes.Result upload = run(List.of(curl.toString(), "-sS", "--max-time", "60", "--tlsv1.3", "--ssl-reqd",
                    "--cacert", certs.pem().toString(), "-T", "{" + String.join(",", names) + "}",
                    "ftp://" + USER + ":" + PASSWORD + "@localhost:" + server.port() + "/up/"));

            assertThat(upload.exitCode()).as(upload.toString()).isZero();
        }
        assertUploaded(names);
    }

    @Test
    void lftpOverTls13OnlyUploadsFiveFilesInOneSession() throws Exception {
        Path lftp = Peers.require("lftp");
        List<String> names = files(5, 3 << 20);
        try (ServeProcess server = serve()) {
            String script = "set net:max-retries 1; set net:timeout 20; set cmd:fail-exit true; "
                    + "set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:verify-certificate no; "
                    + "set ssl:priority \"NORMAL:-VERS-ALL:+VERS-TLS1.3\"; "
                    + "open -u " + USER + "," + PASSWORD + " -p " + server.port() + " 127.0.0.1; cd up; "
                    + "mput " + String.join(" ", names) + "; bye";

            Processes.Result upload = run(List.of(lftp.toString(), "-c", script));

            assertThat(upload.exitCode()).as(upload.toString()).isZero();
        }
        assertUploaded(names);
    }

    /** {@code count} files of random bytes, different from each other, in the local directory. */
    private List<String> files(int count, int size) throws IOException {
        return RandomFiles.write(local, "file", count, size, count);
    }

    private void assertUploaded(List<String> names) throws IOException {
        RandomFiles.assertSameBytes(local, root.resolve("up"), names);
    }

    /** Runs a peer in the local directory, its output in files (never a pipe that could fill). */
    private Processes.Result run(List<String> command) throws IOException, InterruptedException {
        return Processes.run(local, Duration.ofSeconds(120), command);
    }
}
