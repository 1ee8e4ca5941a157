package dev.ftpkit.examples.serve;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.server.FtpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** serve --mode-z, --mode-z-level, --encoding and --allow-fxp, with the CLI client's --mode-z and --encoding. */
class LegacyServeOptionsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    private Path root() throws Exception {
        return Files.createDirectories(dir.resolve("root"));
    }

    private FtpServer serve(String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("--port", "0", "--root", root().toString(), "--user", "bob:pw",
                "--write"));
        line.addAll(List.of(args));
        return ServeCommand.build(ServeCommand.settings(line, logStream), logStream).start();
    }

    private int cli(String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return Main.run(List.of(args), io);
    }

    private static String url(FtpServer server, String path) {
        return "ftp://bob:pw@127.0.0.1:" + server.port() + "/" + path;
    }

    @Test
    void getAndPutWithModeZAgainstServeModeZ() throws Exception {
        byte[] bytes = new byte[400_000];
        new Random(3).nextBytes(bytes);
        Files.write(dir.resolve("up.bin"), bytes);
        try (FtpServer server = serve("--mode-z-level", "9")) {
            assertThat(cli("put", "--mode-z", "-q", dir.resolve("up.bin").toString(), url(server, "up.bin")))
                    .as(err::toString).isEqualTo(ExitCode.OK);
            assertThat(cli("get", "--mode-z", "-q", url(server, "up.bin"), dir.resolve("down.bin").toString()))
                    .as(err::toString).isEqualTo(ExitCode.OK);
            assertThat(cli("ls", "--mode-z", url(server, ""))).isEqualTo(ExitCode.OK);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("up.bin");
        }
        assertThat(Files.readAllBytes(root().resolve("up.bin"))).isEqualTo(bytes);
        assertThat(Files.readAllBytes(dir.resolve("down.bin"))).isEqualTo(bytes);
    }

    @Test
    void modeZIsRefusedWhenServeDoesNotOfferIt() throws Exception {
        Files.writeString(root().resolve("f.txt"), "x");
        try (FtpServer server = serve()) {
            assertThat(cli("get", "--mode-z", "-q", url(server, "f.txt"), dir.resolve("f.txt").toString()))
                    .isNotEqualTo(ExitCode.OK);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("504");
            assertThat(cli("get", "--mode-z", "--segments", "2", url(server, "f.txt"), dir.resolve("y").toString()))
                    .isEqualTo(ExitCode.USAGE);
        }
        assertThat(cli("get", "--mode-z", "--resume", "ftp://127.0.0.1/x", "y")).isEqualTo(ExitCode.USAGE);
        assertThat(cli("serve", "--mode-z-level", "10", "--anonymous")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void serveEncodingLatin1KeepsTheClientsByteNames() throws Exception {
        Files.writeString(root().resolve("caf\u00e9.txt"), "coffee");
        try (FtpServer server = serve("--encoding", "ISO-8859-1");
             FtpClient client = FtpClientConfig.builder().timeouts(Duration.ofSeconds(30))
                     .charset(StandardCharsets.ISO_8859_1).build().connect("127.0.0.1", server.port())) {
            client.login("bob", "pw");
            assertThat(client.features().has("UTF8")).isFalse();
            assertThat(client.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
            assertThat(client.listNames("")).containsExactly("caf\u00e9.txt");

            assertThat(cli("get", "--encoding", "ISO-8859-1", "-q", url(server, "caf\u00e9.txt"),
                    dir.resolve("got.txt").toString())).as(err::toString).isEqualTo(ExitCode.OK);
        }
        assertThat(dir.resolve("got.txt")).hasContent("coffee");
        assertThat(cli("serve", "--encoding", "no-such-charset", "--anonymous")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void allowFxpLetsUsersNameAnotherHostInPort() throws Exception {
        for (boolean fxp : new boolean[] {false, true}) {
            try (FtpServer server = fxp ? serve("--allow-fxp") : serve();
                 FtpClient client = FtpClientConfig.builder().timeouts(Duration.ofSeconds(30)).build()
                         .connect("127.0.0.1", server.port())) {
                client.login("bob", "pw");
                assertThat(client.sendCommand("PORT", "127,0,0,9,200,10").codeValue()).isEqualTo(fxp ? 200 : 500);
            }
        }
    }
}
