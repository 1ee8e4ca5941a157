package dev.ftpkit.examples.client;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.testing.Fault;
import dev.ftpkit.testing.FtpTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ftpkit mirror}, {@code get --segments/--retry} and the progress bar on resume, run in-process. */
class SyncCliTest {

    @TempDir
    Path dir;

    private Path root;
    private FtpTestServer server;
    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void startServer() throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        server = FtpTestServer.builder().root(root).start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The RETR commands the server got so far (the refused ones included). */
    private List<String> retrievals() {
        return server.transcript().commands().stream().filter(c -> c.startsWith("RETR ")).toList();
    }

    private String url(String path) {
        return server.url() + path;
    }

    private int run(boolean terminal, String... args) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        Terminal io = new Terminal(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                terminal);
        return Main.run(List.of(args), io);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void mirrorDownloadsThenUploadsInReverseWithASummaryAndAProgressLine() throws Exception {
        SyncWithFtpkitServerTest.writeTree(root.resolve("tree"));
        Path local = dir.resolve("local");

        assertThat(run(true, "mirror", url("tree"), local.toString(), "--parallel", "2")).isEqualTo(ExitCode.OK);

        assertThat(Files.readString(local.resolve("naïve café.txt"))).isEqualTo("content of naïve café.txt");
        assertThat(stderr()).contains("files 5/5").contains("mirror: 5 files copied");
        assertThat(stdout()).isEmpty();

        Files.writeString(local.resolve("added.txt"), "added");
        assertThat(run(false, "mirror", "--reverse", local.toString(), url("tree"))).isEqualTo(ExitCode.OK);

        assertThat(Files.readString(root.resolve("tree/added.txt"))).isEqualTo("added");
        assertThat(stderr()).contains("mirror: 1 files copied").doesNotContain("files 1/1");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        SyncWithFtpkitServerTest.writeTree(root.resolve("tree"));
        Path local = Files.createDirectories(dir.resolve("local"));
        Files.writeString(local.resolve("mine.txt"), "mine");

        int code = run(false, "mirror", url("tree"), local.toString(), "--dry-run", "--delete",
                "--exclude", "*.bin");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(stdout()).contains("copy -dash.txt (new)").contains("mkdir 1/2/3/4/5/6/7/8 (new)")
                .contains("delete mine.txt (gone on the source side)").doesNotContain("one.bin");
        assertThat(stderr()).contains("dry run: 4 files to copy").contains("nothing changed");
        try (var files = Files.list(local)) {
            assertThat(files).containsExactly(local.resolve("mine.txt"));
        }
    }

    @Test
    void reverseMirrorOfAMissingLocalDirectoryIsALocalFileErrorAndDeletesNothing() throws Exception {
        SyncWithFtpkitServerTest.writeTree(root.resolve("tree"));

        int code = run(false, "mirror", "--reverse", "--delete", dir.resolve("missing").toString(), url("tree"));

        assertThat(code).isEqualTo(ExitCode.LOCAL_FILE);
        assertThat(root.resolve("tree/with space.txt")).exists();
    }

    @Test
    void mirrorOptionsAreCheckedAsUsage() {
        assertThat(run(false, "mirror", url("tree"), dir.toString(), "--parallel", "0"))
                .isEqualTo(ExitCode.USAGE);
        assertThat(stderr()).contains("--parallel takes a number from 1 to 32");
        assertThat(run(false, "mirror", url("tree"), dir.toString(), "--exclude", "x".repeat(300)))
                .isEqualTo(ExitCode.USAGE);
        assertThat(run(false, "get", url("f"), "-", "--segments", "2")).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void getWithSegmentsUsesThatManyRangesAndRetries() throws Exception {
        byte[] content = SyncWithFtpkitServerTest.randomBytes(700_001);
        Files.write(root.resolve("big.bin"), content);
        Path local = dir.resolve("copy.bin");
        server.inject(Fault.reply(421, "Injected fault").on("RETR").times(1));

        int code = run(true, "get", url("big.bin"), local.toString(), "--segments", "3", "--retry", "2");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(local)).isEqualTo(content);
        assertThat(retrievals()).hasSize(4);
        assertThat(stderr()).contains("100%");
    }

    @Test
    void putWithRetryUploadsAgainAfterA421AndWithoutRetryFails() throws Exception {
        byte[] content = SyncWithFtpkitServerTest.randomBytes(100_000);
        Path local = Files.write(dir.resolve("up.bin"), content);
        server.inject(Fault.reply(421, "Injected fault").on("STOR").times(1));

        assertThat(run(false, "put", local.toString(), url("once.bin"))).as(this::stderr).isEqualTo(ExitCode.REFUSED);
        server.inject(Fault.reply(421, "Injected fault").on("STOR").times(1));
        assertThat(run(false, "put", "--retry", "2", local.toString(), url("up.bin"))).as(this::stderr)
                .isEqualTo(ExitCode.OK);

        assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(content);
        assertThat(run(false, "put", "--retry", "2", "--append", local.toString(), url("up.bin")))
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void resumedGetDrawsTheFinalBarAtOneHundredPercent() throws Exception {
        byte[] content = SyncWithFtpkitServerTest.randomBytes(300_000);
        Files.write(root.resolve("file.bin"), content);
        Path local = Files.write(dir.resolve("file.bin"), Arrays.copyOf(content, 299_000));

        int code = run(true, "get", "--resume", url("file.bin"), local.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(local)).isEqualTo(content);
        assertThat(stderr()).contains("100%").contains("293.0 KiB / 293.0 KiB");
        assertThat(stdout()).isEmpty();
    }
}
