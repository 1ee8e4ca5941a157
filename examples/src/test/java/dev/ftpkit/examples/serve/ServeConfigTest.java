package dev.ftpkit.examples.serve;

import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.HostPort;
import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code serve --config FILE}: a vsftpd.conf, the seed's passive settings among them, read into the server. */
class ServeConfigTest {

    /** The seed's vsftpd.conf snippet, with a loopback address instead of 192.168.1.200. */
    private static final String SEED = """
            # /etc/vsftpd.conf
            pasv_enable=YES
            pasv_min_port=40000
            pasv_max_port=50000
            pasv_address=127.0.0.1
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);

    private FtpServer serve(String config, String... args) throws Exception {
        Path file = Files.writeString(dir.resolve("vsftpd.conf"), config);
        List<String> line = new java.util.ArrayList<>(List.of("--config", file.toString()));
        line.addAll(List.of(args));
        return ServeCommand.build(ServeCommand.settings(line, logStream), logStream).start();
    }

    private String root() throws Exception {
        return Files.createDirectories(dir.resolve("root")).toString();
    }

    @Test
    void theSeedsConfigurationKeepsPasvRepliesInItsRangeAndAdvertisesItsAddress() throws Exception {
        String config = SEED + "listen_address=127.0.0.1\nlisten_port=0\nanonymous_enable=YES\nanon_root=" + root()
                + "\nport_enable=NO\n";
        try (FtpServer server = serve(config);
             Socket control = new Socket()) {
            control.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 10_000);
            control.setSoTimeout(30_000);
            BufferedReader replies = new BufferedReader(new InputStreamReader(control.getInputStream(),
                    StandardCharsets.US_ASCII));
            Writer commands = new OutputStreamWriter(control.getOutputStream(), StandardCharsets.US_ASCII);
            assertThat(replies.readLine()).startsWith("220");
            assertThat(send(commands, replies, "USER anonymous")).startsWith("331");
            assertThat(send(commands, replies, "PASS guest@")).startsWith("230");

            for (int i = 0; i < 3; i++) {
                String pasv = send(commands, replies, "PASV");
                assertThat(pasv).startsWith("227 ");
                HostPort target = HostPort.parsePassiveReply(pasv.substring(4));
                assertThat(target.address().getHostAddress()).isEqualTo("127.0.0.1");
                assertThat(target.port()).isBetween(40000, 50000);
            }
            assertThat(send(commands, replies, "PORT 127,0,0,1,200,10")).startsWith("502");
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("warning");
    }

    @Test
    void aListingGoesThroughAPassivePortOfTheRange() throws Exception {
        Files.writeString(Files.createDirectories(dir.resolve("root")).resolve("seen.txt"), "x");
        String config = SEED + "listen_address=127.0.0.1\nlisten_port=0\nanonymous_enable=YES\nanon_root="
                + dir.resolve("root") + "\n";
        try (FtpServer server = serve(config);
             FtpClient client = FtpClientConfig.builder()
                     .dataConnectionMode(DataConnectionMode.passive().withoutEpsv().trustingPassiveAddress())
                     .timeouts(Duration.ofSeconds(30)).build().connect("127.0.0.1", server.port())) {
            client.loginAnonymous();

            assertThat(client.list("/")).anySatisfy(entry -> assertThat(entry.name()).isEqualTo("seen.txt"));
        }
    }

    @Test
    void theCommandLineOverridesTheFile() throws Exception {
        String config = "listen_port=1\nanonymous_enable=YES\nanon_root=" + root() + "\nport_enable=YES\n";

        ServeSettings settings = ServeCommand.settings(List.of("--config", Files.writeString(dir.resolve("c.conf"),
                config).toString(), "--port", "0", "--no-active", "--root", dir.toString()), logStream);

        assertThat(settings.port).isZero();
        assertThat(settings.active).isFalse();
        assertThat(settings.root).isEqualTo(dir);
        assertThat(settings.anonymous).isTrue();
    }

    @Test
    void unknownAndNotYetSupportedKeysAreWarnedWithTheirLine() throws Exception {
        String config = "anonymous_enable=YES\nanon_root=" + root() + "\nlisten=YES\n# comment\n\ndual_log_enable=YES\n"
                + "xferlog_enable=YES\n";

        ServeCommand.settings(List.of("--config", Files.writeString(dir.resolve("c.conf"), config).toString()),
                logStream);

        assertThat(log.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "warning: " + dir.resolve("c.conf") + " line 3: unknown key listen (ignored)",
                "warning: " + dir.resolve("c.conf") + " line 6: dual_log_enable is not supported yet (ignored)",
                "warning: " + dir.resolve("c.conf") + " line 7: xferlog_enable is not supported yet (ignored)");
    }

    @Test
    void aBadValueExitsTwoNamingTheKeyAndTheLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.conf"), "anonymous_enable=YES\npasv_min_port=lots\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new ByteArrayInputStream(new byte[0]), logStream,
                new PrintStream(err, true, StandardCharsets.UTF_8), false);

        assertThat(Main.run(List.of("serve", "--config", file.toString()), io)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + " line 2: pasv_min_port: needs a whole number");
        Files.writeString(file, "anonymous_enable=maybe\n");
        assertThat(Main.run(List.of("serve", "--config", file.toString()), io)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + " line 1: anonymous_enable: needs YES or NO");
    }

    @Test
    void writeKeysGiveAnonymousUploadsAndAWarning() throws Exception {
        String config = "anonymous_enable=YES\nanon_root=" + root() + "\nwrite_enable=YES\nanon_upload_enable=YES\n";

        ServeSettings settings = ServeCommand.settings(List.of("--config",
                Files.writeString(dir.resolve("c.conf"), config).toString()), logStream);

        assertThat(settings.anonymousPermissions).contains(dev.ftpkit.server.Permission.WRITE)
                .doesNotContain(dev.ftpkit.server.Permission.DELETE);
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("warning: anonymous users may write");
    }

    @Test
    void sslEnableServesThePemCertificateAndKey() throws Exception {
        TestCertificates certificates = TestCertificates.generate(Files.createDirectories(dir.resolve("certs")));
        String config = "listen_address=127.0.0.1\nlisten_port=0\nanonymous_enable=YES\nanon_root=" + root()
                + "\nssl_enable=YES\nrsa_cert_file=" + certificates.pem() + "\nforce_local_logins_ssl=NO\n"
                + "force_local_data_ssl=NO\n";
        try (FtpServer server = serve(config);
             Socket control = new Socket()) {
            control.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()), 10_000);
            control.setSoTimeout(30_000);
            BufferedReader replies = new BufferedReader(new InputStreamReader(control.getInputStream(),
                    StandardCharsets.US_ASCII));
            Writer commands = new OutputStreamWriter(control.getOutputStream(), StandardCharsets.US_ASCII);
            assertThat(replies.readLine()).startsWith("220");

            assertThat(send(commands, replies, "AUTH TLS")).startsWith("234");
        }
    }

    private static String send(Writer commands, BufferedReader replies, String command) throws Exception {
        commands.write(command + "\r\n");
        commands.flush();
        String line = replies.readLine();
        // a multi-line reply (RFC 959 §4.2) ends with its code and a space
        while (line != null && line.length() > 3 && line.charAt(3) == '-') {
            String code = line.substring(0, 3);
            do {
                line = replies.readLine();
            } while (line != null && !line.startsWith(code + " "));
        }
        return line;
    }
}
