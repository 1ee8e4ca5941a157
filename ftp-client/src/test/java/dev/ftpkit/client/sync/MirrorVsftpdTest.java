package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpEndpoint;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.testsupport.Vsftpd;
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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mirror against a real vsftpd (LIST, SIZE, MDTM; no MLST, no MFMT, no hash): both directions, second runs that
 * copy nothing, exactly the changed files, delete only when asked, dry runs, odd names, deep trees, links.
 */
class MirrorVsftpdTest {

    @TempDir
    Path dir;

    private Vsftpd vsftpd;
    private FtpEndpoint endpoint;

    @BeforeEach
    void startServer() {
        vsftpd = Vsftpd.builder(dir.resolve("server")).start();
        endpoint = FtpEndpoint.anonymous(FtpClientConfig.builder().timeouts(Duration.ofSeconds(20)).build(),
                vsftpd.host(), vsftpd.port());
    }

    @AfterEach
    void stopServer() {
        vsftpd.close();
    }

    private static List<String> transferred(MirrorResult result) {
        return result.plan().transfers().stream().map(step -> step.entry().path()).toList();
    }

    private MirrorResult download(Path local, boolean delete) throws Exception {
        return Mirror.download(endpoint, "/tree", local).parallelism(3).delete(delete).exclude("*.tmp")
                .retry(RetryPolicy.NONE).build().run();
    }

    @Test
    void downloadMirrorsTheTreeThenCopiesNothingThenExactlyTheChangedFiles() throws Exception {
        Path remote = vsftpd.root().resolve("tree");
        MirrorTrees.write(remote);
        Path local = dir.resolve("local");

        MirrorResult first = download(local, false);

        assertThat(first.isComplete()).as("%s", first.failures()).isTrue();
        assertThat(first.filesTransferred()).isEqualTo(MirrorTrees.FILES);
        MirrorTrees.assertSameTree(remote, local);
        assertThat(first.plan().skipped()).extracting(step -> step.entry().path()).containsExactly("link");
        assertThat(Files.getLastModifiedTime(local.resolve("sub dir/one.bin")).toInstant())
                .isEqualTo(MirrorTrees.OLD);
        assertThat(local.resolve("scratch.tmp")).doesNotExist();
        assertThat(local.resolve("link")).doesNotExist();

        assertThat(download(local, false).filesTransferred()).isZero();

        Files.writeString(remote.resolve("sub dir/one.bin"), "changed size");
        Files.setLastModifiedTime(remote.resolve("sub dir/two.bin"), FileTime.from(Instant.now()));
        Files.writeString(remote.resolve("-leading-dash.txt"), "DASH");
        Files.writeString(remote.resolve(MirrorTrees.DEEP + "/added.txt"), "new");
        MirrorResult third = download(local, false);

        assertThat(transferred(third)).containsExactlyInAnyOrder("sub dir/one.bin", "sub dir/two.bin",
                "-leading-dash.txt", MirrorTrees.DEEP + "/added.txt");
        assertThat(third.filesTransferred()).isEqualTo(4);
        MirrorTrees.assertSameTree(remote, local);
    }

    @Test
    void downloadDeletesWhatIsGoneOnTheServerOnlyWithDelete() throws Exception {
        Path remote = vsftpd.root().resolve("tree");
        MirrorTrees.write(remote);
        Path local = dir.resolve("local");
        download(local, false);
        Files.delete(remote.resolve("sub dir/three.bin"));
        Files.writeString(local.resolve("local only.txt"), "mine");

        MirrorResult without = download(local, false);

        assertThat(without.removed()).isZero();
        assertThat(local.resolve("sub dir/three.bin")).exists();
        assertThat(local.resolve("local only.txt")).exists();

        MirrorResult with = download(local, true);

        assertThat(with.removed()).isEqualTo(2);
        MirrorTrees.assertSameTree(remote, local);
    }

    @Test
    void aMissingRemoteDirectoryFailsTheDownloadInsteadOfLookingEmpty() throws Exception {
        Path local = Files.createDirectories(dir.resolve("local"));
        Files.writeString(local.resolve("precious.txt"), "keep");

        assertThatThrownBy(() -> Mirror.download(endpoint, "/no-such-dir", local).delete(true).build().run())
                .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.code()).isEqualTo(550));
        assertThat(local.resolve("precious.txt")).hasContent("keep");
    }

    @Test
    void dryRunChangesNothingAndReturnsThePlan() throws Exception {
        Path remote = vsftpd.root().resolve("tree");
        MirrorTrees.write(remote);
        Path local = Files.createDirectories(dir.resolve("local"));
        Files.writeString(local.resolve("local only.txt"), "mine");

        MirrorResult result = Mirror.download(endpoint, "/tree", local).delete(true).dryRun(true).build().run();

        assertThat(result.plan().transfers()).hasSize(MirrorTrees.FILES + 1);
        assertThat(result.plan().deletions()).extracting(step -> step.entry().path()).containsExactly("local only.txt");
        assertThat(result.filesTransferred()).isZero();
        assertThat(MirrorTrees.contents(local)).isEqualTo(Map.of("local only.txt", "mine"));
    }

    @Test
    void uploadMirrorsTheTreeThenComparesSizesOnlyWithoutMfmt() throws Exception {
        Path local = dir.resolve("local");
        MirrorTrees.write(local);
        Path remote = vsftpd.uploadDir().resolve("tree");

        MirrorResult first = Mirror.upload(endpoint, local, "/upload/tree").parallelism(2).exclude("*.tmp")
                .build().run();

        assertThat(first.isComplete()).as("%s", first.failures()).isTrue();
        assertThat(first.filesTransferred()).isEqualTo(MirrorTrees.FILES);
        MirrorTrees.assertSameTree(local, remote);
        assertThat(first.plan().skipped()).extracting(step -> step.entry().path()).containsExactly("link");

        MirrorResult second = Mirror.upload(endpoint, local, "/upload/tree").exclude("*.tmp").build().run();
        assertThat(second.filesTransferred()).isZero();

        Files.writeString(local.resolve("sub dir/one.bin"), "changed size");
        Files.writeString(local.resolve("sub dir/two.bin"), "also changed");
        Files.writeString(local.resolve("-leading-dash.txt"), "dash changed");
        Files.writeString(local.resolve(MirrorTrees.DEEP + "/added.txt"), "new");
        Files.delete(local.resolve("grüße ÄÖÜ.txt"));
        MirrorResult third = Mirror.upload(endpoint, local, "/upload/tree").exclude("*.tmp").delete(true)
                .parallelism(4).build().run();

        assertThat(transferred(third)).containsExactlyInAnyOrder("sub dir/one.bin", "sub dir/two.bin",
                "-leading-dash.txt", MirrorTrees.DEEP + "/added.txt");
        assertThat(third.removed()).isEqualTo(1);
        MirrorTrees.assertSameTree(local, remote);
    }
}
