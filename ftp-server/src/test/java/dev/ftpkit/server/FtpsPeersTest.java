package dev.ftpkit.server;

import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import dev.ftpkit.testsupport.RandomFiles;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FTPS server against curl, lftp and Python's ftplib.FTP_TLS on loopback.
 *
 * <p>The server offers TLS 1.3 and 1.2 by default and sends no NewSessionTicket on data connections: curl 7.88
 * and lftp close an upload's data connection without reading it, and a ticket left unread there made their kernel
 * answer with a reset that dropped the tail of the upload. Each data connection's ticket comes on the control
 * connection instead, where they read it before the next transfer.
 */
class FtpsPeersTest {

    @TempDir
    static Path certificates;
    static TestCertificates certs;

    @TempDir
    Path root;
    @TempDir
    Path local;

    private final byte[] content = new byte[300_000];

    @BeforeAll
    static void makeCertificates() {
        certs = TestCertificates.generate(certificates);
    }

    @BeforeEach
    void makeContent() throws Exception {
        new Random(3).nextBytes(content);
        Files.write(root.resolve("file.bin"), content);
    }

    private FtpServer.Builder tlsServer() {
        return TestServers.builder(root).tls(tls().build());
    }

    private TlsSettings.Builder tls() {
        return TlsSettings.builder(certs.serverContext()).requiredForLogin(true).requiredForData(true);
    }

    private Processes.Result curl(String... args) throws Exception {
        Path curl = Peers.require("curl");
        List<String> command = new ArrayList<>(List.of(curl.toString(), "-sS", "--max-time", "20",
                "--cacert", certs.pem().toString()));
        command.addAll(Arrays.asList(args));
        return Processes.run(local, Duration.ofSeconds(30), command);
    }

    private static String url(String scheme, int port, String path) {
        return scheme + "://" + TestServers.USER + ":" + TestServers.PASSWORD + "@localhost:" + port + "/" + path;
    }

    @Test
    void curlExplicitTlsDownloadsUploadsAndLists() throws Exception {
        try (FtpServer server = tlsServer().build().start()) {
            Files.write(local.resolve("up.bin"), content);

            Processes.Result download = curl("--ssl-reqd", "-o", "out.bin", url("ftp", server.port(), "file.bin"));
            Processes.Result upload = curl("--ssl-reqd", "-T", "up.bin",
                    url("ftp", server.port(), "up.bin"));
            Processes.Result list = curl("--ssl-reqd", "--disable-epsv", "-l", url("ftp", server.port(), ""));

            assertThat(download.exitCode()).as(download.toString()).isZero();
            assertThat(Files.readAllBytes(local.resolve("out.bin"))).isEqualTo(content);
            assertThat(upload.exitCode()).as(upload.toString()).isZero();
            assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
            assertThat(list.exitCode()).as(list.toString()).isZero();
            assertThat(list.stdout().lines()).containsExactlyInAnyOrder("file.bin", "up.bin");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--tlsv1.2 --tls-max 1.2", "--tlsv1.3"})
    void curlResumesTheControlSessionUnderEachTlsVersion(String versions) throws Exception {
        try (FtpServer server = tlsServer().build().start()) {
            List<String> args = new ArrayList<>(Arrays.asList(versions.split(" ")));
            args.addAll(List.of("--ssl-reqd", "-o", "out.bin", url("ftp", server.port(), "file.bin")));

            Processes.Result download = curl(args.toArray(String[]::new));

            assertThat(download.exitCode()).as(download.toString()).isZero();
            assertThat(Files.readAllBytes(local.resolve("out.bin"))).isEqualTo(content);
        }
    }

    @Test
    void singleCurlUploadsOverTls13ArriveWholeEachInItsOwnProcess() throws Exception {
        try (FtpServer server = tlsServer().build().start()) {
            Files.write(local.resolve("up.bin"), content);
            for (int i = 0; i < 20; i++) {
                Processes.Result upload = curl("--tlsv1.3", "--ssl-reqd", "-T", "up.bin",
                        url("ftp", server.port(), "up" + i + ".bin"));

                assertThat(upload.exitCode()).as("upload " + i + ": " + upload).isZero();
                assertThat(Files.readAllBytes(root.resolve("up" + i + ".bin"))).as("upload " + i).isEqualTo(content);
            }
        }
    }

    @Test
    void curlUploadsFiveFilesInOneSessionOverTls13WithSessionReuseRequired() throws Exception {
        List<String> names = threeMegabyteFiles();
        try (FtpServer server = tlsServer().build().start()) {
            Files.createDirectories(root.resolve("up"));
            Processes.Result upload = curl("--tlsv1.3", "--ssl-reqd", "-T", "{" + String.join(",", names) + "}",
                    url("ftp", server.port(), "up/"));

            assertThat(upload.exitCode()).as(upload.toString()).isZero();
        }
        assertUploaded(names);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void lftpUploadsFiveFilesOverTls13OnlyWithSessionReuseRequired(boolean passive) throws Exception {
        List<String> names = threeMegabyteFiles();
        try (FtpServer server = tlsServer().build().start()) {
            Files.createDirectories(root.resolve("up"));
            Path lftp = Peers.require("lftp");
            String script = "set net:max-retries 1; set net:timeout 10; set cmd:fail-exit true; "
                    + "set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:verify-certificate no; "
                    + "set ssl:priority \"NORMAL:-VERS-ALL:+VERS-TLS1.3\"; "
                    + "set ftp:passive-mode " + (passive ? "on" : "off") + "; "
                    + "open -u " + TestServers.USER + "," + TestServers.PASSWORD + " -p " + server.port()
                    + " 127.0.0.1; cd up; mput " + String.join(" ", names) + "; bye";

            Processes.Result result = Processes.run(local, Duration.ofSeconds(120),
                    List.of(lftp.toString(), "-c", script));

            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        assertUploaded(names);
    }

    /** Five files of 3 MB in the local directory, different from each other. */
    private List<String> threeMegabyteFiles() throws Exception {
        return RandomFiles.write(local, "big", 5, 3 << 20, 5);
    }

    private void assertUploaded(List<String> names) throws Exception {
        RandomFiles.assertSameBytes(local, root.resolve("up"), names);
    }

    @Test
    void curlImplicitTlsDownloadsAndUploads() throws Exception {
        try (FtpServer server = tlsServer().tls(tls().implicitPort(0).build()).build().start()) {
            Files.write(local.resolve("up.bin"), content);

            Processes.Result download = curl("-o", "out.bin", url("ftps", server.implicitTlsPort(), "file.bin"));
            Processes.Result upload = curl("-T", "up.bin",
                    url("ftps", server.implicitTlsPort(), "up.bin"));

            assertThat(download.exitCode()).as(download.toString()).isZero();
            assertThat(Files.readAllBytes(local.resolve("out.bin"))).isEqualTo(content);
            assertThat(upload.exitCode()).as(upload.toString()).isZero();
            assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
        }
    }

    @Test
    void curlWithoutTlsCannotLogInWhenTlsIsRequired() throws Exception {
        try (FtpServer server = tlsServer().build().start()) {
            Processes.Result result = curl("-o", "out.bin", url("ftp", server.port(), "file.bin"));

            assertThat(result.exitCode()).as(result.toString()).isEqualTo(67);
            assertThat(local.resolve("out.bin")).doesNotExist();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void lftpMirrorsBothWaysOverTlsPassiveAndActive(boolean passive) throws Exception {
        Path tree = local.resolve("tree");
        Files.createDirectories(tree.resolve("sub"));
        Files.write(tree.resolve("sub/a.bin"), content);
        Files.writeString(tree.resolve("b.txt"), "bee");
        try (FtpServer server = tlsServer().build().start()) {
            Path lftp = Peers.require("lftp");
            String script = "set net:max-retries 1; set net:timeout 10; set cmd:fail-exit true; "
                    + "set ftp:ssl-force true; set ftp:ssl-protect-data true; set ssl:verify-certificate no; "
                    + "set ftp:passive-mode " + (passive ? "on" : "off") + "; "
                    + "open -u " + TestServers.USER + "," + TestServers.PASSWORD + " -p " + server.port()
                    + " 127.0.0.1; mirror -R " + tree + " up; mirror up " + local.resolve("back") + "; bye";

            Processes.Result result = Processes.run(local, Duration.ofSeconds(60), List.of(lftp.toString(), "-c", script));

            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        assertThat(Files.readAllBytes(root.resolve("up/sub/a.bin"))).isEqualTo(content);
        assertThat(Files.readString(root.resolve("up/b.txt"))).isEqualTo("bee");
        assertThat(Files.readAllBytes(local.resolve("back/sub/a.bin"))).isEqualTo(content);
        assertThat(Files.readString(local.resolve("back/b.txt"))).isEqualTo("bee");
    }

    private static final String FTPLIB = """
            import ftplib, io, ssl, sys
            port = int(sys.argv[1])
            context = ssl.create_default_context(cafile=sys.argv[2])
            ftp = ftplib.FTP_TLS(context=context)
            ftp.connect('localhost', port, timeout=20)
            ftp.login('alice', 's3cret')
            ftp.prot_p()
            try:
                got = io.BytesIO(); ftp.retrbinary('RETR file.bin', got.write)
                data = b'ftplib over TLS' * 1000
                ftp.storbinary('STOR up.bin', io.BytesIO(data))
                print('OK %d %s' % (len(got.getvalue()), ftp.nlst()))
            except ftplib.error_perm as e:
                print('REFUSED %s' % e)
            ftp.quit()
            """;

    private Processes.Result ftplib(FtpServer server) throws Exception {
        Path python = Peers.require("python3");
        Path script = local.resolve("client.py");
        Files.writeString(script, FTPLIB, StandardCharsets.UTF_8);
        return Processes.run(local, Duration.ofSeconds(60), List.of(python.toString(), script.toString(),
                Integer.toString(server.port()), certs.pem().toString()));
    }

    @Test
    void ftplibWhichNeverResumesWorksWithReuseSwitchedOff() throws Exception {
        try (FtpServer server = tlsServer().tls(tls().sessionReuseRequired(false).build()).build().start()) {
            Processes.Result result = ftplib(server);

            assertThat(result.stdout().strip()).as(result.toString()).isEqualTo("OK 300000 ['file.bin', 'up.bin']");
            assertThat(Files.readString(root.resolve("up.bin"))).isEqualTo("ftplib over TLS".repeat(1000));
        }
    }

    @Test
    void ftplibWhichNeverResumesIsRefusedWhenReuseIsRequired() throws Exception {
        try (FtpServer server = tlsServer().build().start()) {
            Processes.Result result = ftplib(server);

            assertThat(result.stdout().strip()).as(result.toString())
                    .isEqualTo("REFUSED 522 SSL connection failed: session reuse required");
            assertThat(root.resolve("up.bin")).doesNotExist();
        }
    }
}
