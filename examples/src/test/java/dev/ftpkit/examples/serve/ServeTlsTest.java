package dev.ftpkit.examples.serve;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.FtpsConfig;
import dev.ftpkit.client.TlsContexts;
import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}'s TLS files: a key store replaced on disk reaches new sessions while running ones keep working, and
 * {@code --tls-client-ca} with {@code --tls-cert-login} lets {@code ftpkit --cert} log in without a password.
 */
class ServeTlsTest {

    @TempDir
    static Path certificateDir;
    static TestCertificates first;
    static TestCertificates second;
    static TestCertificates alice;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);

    @BeforeAll
    static void makeCertificates() throws Exception {
        first = TestCertificates.generate(Files.createDirectories(certificateDir.resolve("first")));
        second = TestCertificates.generate(Files.createDirectories(certificateDir.resolve("second")));
        alice = TestCertificates.generateClient(Files.createDirectories(certificateDir.resolve("alice")), "alice");
    }

    private FtpServer serve(Path keystore, String... more) throws Exception {
        List<String> line = new ArrayList<>(List.of("--root", Files.createDirectories(dir.resolve("root")).toString(),
                "--port", "0", "--user", "alice:s3cret", "--write", "--tls-keystore", keystore.toString(),
                "--tls-password", TestCertificates.PASSWORD, "--tls-required"));
        line.addAll(List.of(more));
        return ServeCommand.build(ServeCommand.settings(line, logStream), logStream).start();
    }

    private static FtpClient loggedIn(FtpServer server) throws Exception {
        FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(20))
                .tls(FtpsConfig.explicit(TlsContexts.insecureTrustingAnyCertificate()).build()).build();
        FtpClient client = config.connect("127.0.0.1", server.port());
        client.login("alice", "s3cret");
        return client;
    }

    private static Certificate peerCertificate(FtpClient client) throws Exception {
        return client.tlsSession().orElseThrow().getPeerCertificates()[0];
    }

    private static void roundTrip(FtpClient client, String name) throws Exception {
        byte[] content = name.getBytes(StandardCharsets.US_ASCII);
        client.store(new ByteArrayInputStream(content), name);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        client.retrieve(name, back);
        assertThat(back.toByteArray()).isEqualTo(content);
    }

    @Test
    void aKeyStoreReplacedOnDiskReachesNewSessionsAndRunningOnesKeepWorking() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Files.copy(first.keystore(), keystore);
        try (FtpServer server = serve(keystore);
             FtpClient running = loggedIn(server)) {
            assertThat(peerCertificate(running)).isEqualTo(first.certificate());

            Path renewed = dir.resolve("renewed.p12");
            Files.copy(second.keystore(), renewed);
            Files.move(renewed, keystore, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            // serve looks at the file at most every ReloadingTlsContext.CHECK_INTERVAL, on a new session: no event
            // to wait for, so new sessions are opened until one shows the new certificate, within a deadline
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Certificate seen = first.certificate();
            while (seen.equals(first.certificate()) && System.nanoTime() - deadline < 0) {
                try (FtpClient fresh = loggedIn(server)) {
                    seen = peerCertificate(fresh);
                    roundTrip(fresh, "fresh.txt");
                }
            }
            assertThat(seen).isEqualTo(second.certificate());
            assertThat(peerCertificate(running)).isEqualTo(first.certificate());
            roundTrip(running, "running.txt");
        }
    }

    @Test
    void aClientCertificateNamingAUserLogsItInWithoutAPassword() throws Exception {
        Path keystore = dir.resolve("server.p12");
        Files.copy(first.keystore(), keystore);
        Files.writeString(Files.createDirectories(dir.resolve("root")).resolve("hello.txt"), "hello alice");
        try (FtpServer server = serve(keystore, "--tls-client-ca", alice.pem().toString(), "--tls-cert-login")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Terminal io = new Terminal(new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                    false);
            Path target = dir.resolve("hello.txt");

            int code = Main.run(List.of("get", "--tls", "--insecure", "-v", "--cert", alice.keystore().toString(),
                    "--cert-password", TestCertificates.PASSWORD,
                    "ftp://alice@127.0.0.1:" + server.port() + "/hello.txt", target.toString()), io);

            String transcript = err.toString(StandardCharsets.UTF_8);
            assertThat(code).as(transcript).isEqualTo(ExitCode.OK);
            assertThat(transcript).contains("< 232").doesNotContain("> PASS");
            assertThat(Files.readString(target)).isEqualTo("hello alice");
        }
    }
}
