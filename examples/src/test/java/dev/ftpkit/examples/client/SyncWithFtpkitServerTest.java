package dev.ftpkit.examples.client;

import dev.ftpkit.client.FileHash;
import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.sync.Mirror;
import dev.ftpkit.client.sync.MirrorResult;
import dev.ftpkit.client.FtpEndpoint;
import dev.ftpkit.client.sync.RetryPolicy;
import dev.ftpkit.client.sync.SegmentedDownload;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.testing.Fault;
import dev.ftpkit.testing.FtpTestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Segmented downloads, retry, hashes and MFMT against ftpkit's own server, which offers HASH and MFMT (vsftpd does
 * not) and lets a test count RETR commands and inject a 421.
 */
class SyncWithFtpkitServerTest {

    static final Instant OLD = Instant.parse("2024-05-06T07:08:09Z");
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ZERO, Duration.ZERO);

    @TempDir
    Path dir;

    private Path root;
    private FtpTestServer server;
    private FtpEndpoint endpoint;

    @BeforeEach
    void startServer() throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        server = FtpTestServer.builder().root(root).start();
        endpoint = FtpEndpoint.anonymous(FtpClientConfig.builder().timeouts(Duration.ofSeconds(20)).build(),
                "127.0.0.1", server.port());
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    /** The RETR commands the server got so far (the refused ones included). */
    private List<String> retrievals() {
        return server.transcript().commands().stream().filter(c -> c.startsWith("RETR ")).toList();
    }

    static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** A small tree: odd names, eight levels, all with an old time. */
    static void writeTree(Path base) throws Exception {
        String deep = "1/2/3/4/5/6/7/8";
        Files.createDirectories(base.resolve(deep));
        for (String name : new String[] {"with space.txt", "-dash.txt", "naïve café.txt", deep + "/deep.txt",
                "1/one.bin"}) {
            Files.writeString(base.resolve(name), "content of " + name);
            Files.setLastModifiedTime(base.resolve(name), FileTime.from(OLD));
        }
    }

    @Test
    void segmentedDownloadFetchesFourRangesAndChecksTheServersHash() throws Exception {
        byte[] content = randomBytes(1_000_003);
        Files.write(root.resolve("big.bin"), content);
        Path local = dir.resolve("big.bin");

        SegmentedDownload.Result result = SegmentedDownload.builder(endpoint, "big.bin", local).segments(4).build()
                .run();

        assertThat(Files.readAllBytes(local)).isEqualTo(content);
        assertThat(retrievals()).hasSize(4);
        assertThat(result.verifiedHash()).map(FileHash::algorithm).contains("SHA-256");
        assertThat(result.verifiedHash().get().matches(local)).isTrue();
    }

    @Test
    void aSegmentRetriesAfterA421AndResumes() throws Exception {
        byte[] content = randomBytes(500_000);
        Files.write(root.resolve("big.bin"), content);
        Path local = dir.resolve("big.bin");
        server.inject(Fault.reply(421, "Injected fault").on("RETR").times(1));

        SegmentedDownload.builder(endpoint, "big.bin", local).segments(2).retry(QUICK_RETRIES).build().run();

        assertThat(Files.readAllBytes(local)).isEqualTo(content);
        assertThat(retrievals()).hasSize(3);
    }

    @Test
    void withoutRetryA421FailsAndAPermanentFailureIsNeverRetried() throws Exception {
        Files.write(root.resolve("big.bin"), randomBytes(1000));
        server.inject(Fault.reply(421, "Injected fault").on("RETR").times(1));

        assertThatThrownBy(() -> SegmentedDownload.builder(endpoint, "big.bin", dir.resolve("a.bin")).segments(1)
                .build().run()).isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.code())
                .isEqualTo(421));
        try (FtpClient client = endpoint.connect()) {
            assertThatThrownBy(() -> QUICK_RETRIES.run(attempt -> client.size("missing.bin")))
                    .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.code()).isEqualTo(550));
        }
    }

    @Test
    void hashNamesTheAlgorithmAndMatchesTheLocalComputation() throws Exception {
        Path file = Files.write(root.resolve("h.bin"), randomBytes(12_345));
        try (FtpClient client = endpoint.connect()) {
            FileHash hash = client.hash("h.bin").orElseThrow();

            assertThat(hash).isEqualTo(FileHash.of(file, "SHA-256"));
        }
    }

    @Test
    void uploadMirrorSetsTheServersTimesWithMfmtSoTimesDecideTheNextRun() throws Exception {
        Path local = dir.resolve("local");
        writeTree(local);

        MirrorResult first = Mirror.upload(endpoint, local, "up").parallelism(3).build().run();

        assertThat(first.isComplete()).as("%s", first.failures()).isTrue();
        assertThat(first.filesTransferred()).isEqualTo(5);
        assertThat(Files.getLastModifiedTime(root.resolve("up/naïve café.txt")).toInstant()).isEqualTo(OLD);
        assertThat(Files.readString(root.resolve("up/1/2/3/4/5/6/7/8/deep.txt")))
                .isEqualTo("content of 1/2/3/4/5/6/7/8/deep.txt");
        assertThat(Mirror.upload(endpoint, local, "up").build().run().filesTransferred()).isZero();

        // Same size, new time: only the time tells the change.
        Files.writeString(local.resolve("-dash.txt"), "CONTENT OF -dash.txt");
        MirrorResult third = Mirror.upload(endpoint, local, "up").build().run();

        assertThat(third.plan().transfers()).extracting(step -> step.entry().path()).containsExactly("-dash.txt");
        assertThat(Files.readString(root.resolve("up/-dash.txt"))).isEqualTo("CONTENT OF -dash.txt");
    }

    @Test
    void verifyComparesByHashWhereSizeAndTimeAreEqual() throws Exception {
        writeTree(root.resolve("tree"));
        Path local = dir.resolve("local");
        Mirror.download(endpoint, "tree", local).build().run();
        // The content changes, its size and time do not: only the hash can tell.
        Path changed = root.resolve("tree/with space.txt");
        Files.writeString(changed, "CONTENT OF with space.txt");
        Files.setLastModifiedTime(changed, FileTime.from(OLD));

        assertThat(Mirror.download(endpoint, "tree", local).build().run().filesTransferred()).isZero();
        MirrorResult verified = Mirror.download(endpoint, "tree", local).verify(true).build().run();

        assertThat(verified.plan().transfers()).extracting(step -> step.reason()).containsExactly("content differs");
        assertThat(Files.readString(local.resolve("with space.txt"))).isEqualTo("CONTENT OF with space.txt");
        assertThat(Mirror.download(endpoint, "tree", local).verify(true).build().run().filesTransferred()).isZero();
    }

    @Test
    void mirrorRetriesAFileAfterA421() throws Exception {
        writeTree(root.resolve("tree"));
        server.inject(Fault.reply(421, "Injected fault").on("RETR").times(2));

        MirrorResult result = Mirror.download(endpoint, "tree", dir.resolve("local")).parallelism(2)
                .retry(QUICK_RETRIES).build().run();

        assertThat(result.isComplete()).as("%s", result.failures()).isTrue();
        assertThat(result.filesTransferred()).isEqualTo(5);
        assertThat(retrievals()).hasSize(7);
    }
}
