package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limited transfers arrive whole, both ways, with curl, ftplib and the ftpkit client. How fast they go is the
 * token bucket's test (on an injected clock) and the benchmark's job ({@code RateLimitBenchmark}): a loaded machine
 * must not fail this one.
 */
class BandwidthLimitTest {

    private static final String FTPLIB = """
            import ftplib, io, sys
            port, size = int(sys.argv[1]), int(sys.argv[2])
            ftp = ftplib.FTP()
            ftp.connect('127.0.0.1', port, timeout=20)
            ftp.login('anonymous', 'guest@')
            got = io.BytesIO(); ftp.retrbinary('RETR file.bin', got.write)
            ftp.quit()
            print(len(got.getvalue()), hash(got.getvalue()) == hash(open(sys.argv[3], 'rb').read()))
            """;

    @TempDir
    Path temporary;

    private Path root;
    private byte[] content;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        root = Files.createDirectories(temporary.resolve("root"));
        content = new byte[300_000];
        new Random(19).nextBytes(content);
        Files.write(root.resolve("file.bin"), content);
        server = TestServers.builder(root).rateLimits(RateLimits.builder()
                .everyone(RateLimit.of(1_000_000))
                .anonymous(new RateLimit(0, 600_000))
                .account("carol", RateLimit.UNLIMITED).build()).build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aLimitedDownloadAndUploadWithCurlArriveWhole() throws Exception {
        Path curl = Peers.require("curl");
        Processes.Result down = Processes.run(temporary, Duration.ofSeconds(60), List.of(curl.toString(), "-sS",
                "--max-time", "50", "-o", "down.bin", TestServers.url(server, "file.bin")));
        assertThat(down.exitCode()).as(down.toString()).isZero();
        assertThat(Files.readAllBytes(temporary.resolve("down.bin"))).isEqualTo(content);

        Processes.Result up = Processes.run(temporary, Duration.ofSeconds(60), List.of(curl.toString(), "-sS",
                "--max-time", "50", "-T", "down.bin", TestServers.url(server, "up.bin")));
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
    }

    @Test
    void aLimitedAsciiUploadIsConvertedAsUsual() throws Exception {
        Path curl = Peers.require("curl");
        Files.writeString(temporary.resolve("text.txt"), "one\ntwo\n".repeat(20_000)); // curl sends CRLF
        Processes.Result up = Processes.run(temporary, Duration.ofSeconds(60), List.of(curl.toString(), "-sS",
                "--max-time", "50", "--use-ascii", "-T", "text.txt", TestServers.url(server, "text.txt")));
        assertThat(up.exitCode()).as(up.toString()).isZero();
        assertThat(Files.readString(root.resolve("text.txt"))).isEqualTo("one\ntwo\n".repeat(20_000));
    }

    @Test
    void aLimitedAnonymousDownloadWithFtplibArrivesWhole() throws Exception {
        Path script = Files.writeString(temporary.resolve("rate.py"), FTPLIB);
        Processes.Result result = Processes.run(temporary, Duration.ofSeconds(60), List.of(
                Peers.require("python3").toString(), script.toString(), Integer.toString(server.port()),
                Integer.toString(content.length), root.resolve("file.bin").toString()));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().strip()).isEqualTo(content.length + " True");
    }

    @Test
    void theFtpkitClientMovesWholeFilesThroughALimitedListingAndTransfer() throws Exception {
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            ftp.login(TestServers.USER, TestServers.PASSWORD);
            assertThat(ftp.list("/")).singleElement().satisfies(entry -> assertThat(entry.name()).isEqualTo("file.bin"));
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            ftp.retrieve("file.bin", got);
            assertThat(got.toByteArray()).isEqualTo(content);
        }
    }
}
