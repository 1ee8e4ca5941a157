package dev.ftpkit.server;

import dev.ftpkit.core.Reply;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** curl 7.88 against the server on loopback: every data-connection mode, uploads, resume, listing, -Q. */
class CurlTest {

    @TempDir
    Path temporary;
    @TempDir
    Path local;
    /** What the server serves: {@link #serverRoot(Path)}. */
    Path root;

    private final AtomicReference<String> customArgument = new AtomicReference<>();
    private FtpServer server;
    private Path curl;
    private byte[] content;

    /** The directory the server serves; {@link CurlOnMemoryRootTest} serves one on another file system. */
    Path serverRoot(Path temporaryDirectory) throws IOException {
        return temporaryDirectory;
    }

    @BeforeEach
    void start() throws Exception {
        root = serverRoot(temporary);
        curl = Peers.require("curl");
        content = new byte[300_000];
        new Random(42).nextBytes(content);
        Files.write(root.resolve("file.bin"), content);
        server = TestServers.builder(root)
                .command("HELLO", CommandDescriptor.of((command, session) -> {
                    customArgument.set(command.argument());
                    return Reply.of(200, "Hello " + session.account().orElseThrow().name());
                }))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Processes.Result curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(curl.toString(), "-sS", "--max-time", "20"));
        command.addAll(Arrays.asList(args));
        return Processes.run(local, Duration.ofSeconds(30), command);
    }

    @Test
    void passiveDownloadWithEpsvReturnsTheExactBytes() throws Exception {
        Processes.Result result = curl("-o", "out.bin", TestServers.url(server, "file.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(local.resolve("out.bin"))).isEqualTo(content);
    }

    @Test
    void passiveDownloadWithPasvReturnsTheExactBytes() throws Exception {
        Processes.Result result = curl("--disable-epsv", "-o", "out.bin", TestServers.url(server, "file.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(local.resolve("out.bin"))).isEqualTo(content);
    }

    @Test
    void activeDownloadWithEprtReturnsTheExactBytes() throws Exception {
        Processes.Result result = curl("-P", "127.0.0.1", "-o", "out.bin", TestServers.url(server, "file.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(local.resolve("out.bin"))).isEqualTo(content);
    }

    @Test
    void activeDownloadWithPortReturnsTheExactBytes() throws Exception {
        Processes.Result result = curl("-P", "127.0.0.1", "--disable-eprt", "-o", "out.bin",
                TestServers.url(server, "file.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(local.resolve("out.bin"))).isEqualTo(content);
    }

    @Test
    void uploadStoresTheExactBytes() throws Exception {
        Files.write(local.resolve("up.bin"), content);

        Processes.Result result = curl("-T", "up.bin", TestServers.url(server, "up.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
        try (var names = Files.list(root)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("file.bin", "up.bin");
        }
    }

    @Test
    void resumedDownloadFetchesOnlyTheRest() throws Exception {
        Files.write(local.resolve("out.bin"), Arrays.copyOf(content, 100_000));

        Processes.Result result = curl("-C", "-", "-o", "out.bin", TestServers.url(server, "file.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(local.resolve("out.bin"))).isEqualTo(content);
    }

    @Test
    void resumedUploadAppendsTheRest() throws Exception {
        Files.write(root.resolve("up.bin"), Arrays.copyOf(content, 123_456));
        Files.write(local.resolve("up.bin"), content);

        Processes.Result result = curl("-C", "-", "-T", "up.bin", TestServers.url(server, "up.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
    }

    @Test
    void listingShowsUnixLsLines() throws Exception {
        Files.createDirectory(root.resolve("docs"));

        Processes.Result result = curl(TestServers.url(server, ""));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().lines())
                .anySatisfy(line -> assertThat(line).matches("-rw.{7} +1 ftp +ftp +300000 \\w{3} \\d\\d [ \\d]\\d:?\\d\\d file\\.bin"))
                .anySatisfy(line -> assertThat(line).matches("drwx.{6} +2 ftp +ftp +\\d+ .* docs"));
    }

    @Test
    void nameOnlyListingUsesNlst() throws Exception {
        Files.createDirectory(root.resolve("docs"));

        Processes.Result result = curl("-l", TestServers.url(server, ""));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout().lines()).containsExactlyInAnyOrder("docs", "file.bin");
    }

    @Test
    void createDirsOptionMakesMissingDirectoriesForAnUpload() throws Exception {
        Files.write(local.resolve("up.bin"), content);

        Processes.Result result = curl("--ftp-create-dirs", "-T", "up.bin", TestServers.url(server, "a/b/c/up.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readAllBytes(root.resolve("a/b/c/up.bin"))).isEqualTo(content);
    }

    @Test
    void customVerbSentWithQuoteReachesItsHandler() throws Exception {
        Processes.Result result = curl("-Q", "HELLO big world", "-o", "out.bin", TestServers.url(server, "file.bin"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(customArgument.get()).isEqualTo("big world");
    }

    @Test
    void wrongPasswordIsLoginDenied() throws Exception {
        Processes.Result result = curl("ftp://alice:wrong@127.0.0.1:" + server.port() + "/file.bin");

        assertThat(result.exitCode()).isEqualTo(67);
    }

    @Test
    void anonymousUserCanDownloadButNotUpload() throws Exception {
        Files.write(local.resolve("up.bin"), content);
        String base = "ftp://127.0.0.1:" + server.port() + "/";

        Processes.Result download = curl("-o", "out.bin", base + "file.bin");
        Processes.Result upload = curl("-T", "up.bin", base + "up.bin");

        assertThat(download.exitCode()).as(download.toString()).isZero();
        assertThat(Files.readAllBytes(local.resolve("out.bin"))).isEqualTo(content);
        assertThat(upload.exitCode()).isEqualTo(25);
        assertThat(root.resolve("up.bin")).doesNotExist();
    }

    @Test
    void missingFileIsReportedAsNotFound() throws Exception {
        Processes.Result result = curl("-o", "out.bin", TestServers.url(server, "nope.bin"));

        assertThat(result.exitCode()).isEqualTo(78);
    }
}
