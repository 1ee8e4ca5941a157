package dev.ftpkit.client;

import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** A resumed download or upload reports its offset, the bytes it moved and the whole file's size (issue #14.6). */
class ResumedTransferProgressTest {

    private static final int SIZE = 600_000;
    private static final int DONE = 200_000;

    @TempDir
    Path dir;

    private final List<TransferProgress> reports = new CopyOnWriteArrayList<>();

    private FtpClient connect(Vsftpd vsftpd) throws Exception {
        FtpClient client = FtpClientConfig.builder().timeouts(Duration.ofSeconds(10))
                .transferListener(reports::add).build().connect(vsftpd.host(), vsftpd.port());
        client.loginAnonymous();
        return client;
    }

    private static byte[] content() {
        byte[] bytes = new byte[SIZE];
        new Random(14).nextBytes(bytes);
        return bytes;
    }

    @Test
    void resumedDownloadStartsAtTheOffsetAndEndsAtTheWholeSize() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Files.write(vsftpd.root().resolve("file.bin"), content());
            Path local = Files.write(dir.resolve("file.bin"), Arrays.copyOf(content(), DONE));
            try (FtpClient client = connect(vsftpd)) {
                client.resumeRetrieve("file.bin", local);
            }
        }
        assertResumed(TransferProgress.Direction.DOWNLOAD);
    }

    @Test
    void resumedUploadStartsAtTheOffsetAndEndsAtTheWholeSize() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Path local = Files.write(dir.resolve("file.bin"), content());
            try (FtpClient client = connect(vsftpd)) {
                try (OutputStream out = client.store("upload/file.bin")) {
                    out.write(content(), 0, DONE);
                }
                reports.clear();
                client.resumeStore(local, "upload/file.bin");
            }
            assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("file.bin"))).isEqualTo(content());
        }
        assertResumed(TransferProgress.Direction.UPLOAD);
    }

    private void assertResumed(TransferProgress.Direction direction) {
        assertThat(reports).isNotEmpty().allSatisfy(p -> {
            assertThat(p.direction()).isEqualTo(direction);
            assertThat(p.offset()).isEqualTo(DONE);
            assertThat(p.total()).isEqualTo(OptionalLong.of(SIZE));
        });
        assertThat(reports.get(0).bytes()).isZero();
        assertThat(reports.get(0).position()).isEqualTo(DONE);
        TransferProgress last = reports.get(reports.size() - 1);
        assertThat(last.bytes()).isEqualTo(SIZE - DONE);
        assertThat(last.position()).isEqualTo(SIZE);
        assertThat(last.isComplete()).isTrue();
    }

    @Test
    void progressFromTheStartHasOffsetZero() {
        TransferProgress progress = new TransferProgress("a", TransferProgress.Direction.DOWNLOAD, 10, OptionalLong.of(10));

        assertThat(progress.offset()).isZero();
        assertThat(progress.position()).isEqualTo(10);
        assertThat(progress.isComplete()).isTrue();
    }
}
