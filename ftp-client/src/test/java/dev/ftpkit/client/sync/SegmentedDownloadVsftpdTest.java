package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpEndpoint;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.TransferProgress;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Segmented downloads from a real vsftpd (no hash command there: verified by size). */
class SegmentedDownloadVsftpdTest {

    private static final int SIZE = 3_000_017;

    @TempDir
    Path dir;

    private static byte[] content() {
        byte[] bytes = new byte[SIZE];
        new Random(4).nextBytes(bytes);
        return bytes;
    }

    private static FtpEndpoint endpoint(Vsftpd vsftpd) {
        return FtpEndpoint.anonymous(FtpClientConfig.builder().timeouts(Duration.ofSeconds(20)).build(),
                vsftpd.host(), vsftpd.port());
    }

    @Test
    void fourSegmentsGiveTheSameBytesAndLeaveNoSidecar() throws Exception {
        List<TransferProgress> reports = new CopyOnWriteArrayList<>();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Files.write(vsftpd.root().resolve("big.bin"), content());
            Path local = dir.resolve("big.bin");

            SegmentedDownload.Result result = SegmentedDownload.builder(endpoint(vsftpd), "big.bin", local)
                    .segments(4).listener(reports::add).build().run();

            assertThat(result.segments()).isEqualTo(4);
            assertThat(result.bytesReceived()).isEqualTo(SIZE);
            assertThat(result.verifiedHash()).isEmpty();
            assertThat(Files.readAllBytes(local)).isEqualTo(content());
            assertThat(SegmentState.sidecarOf(local)).doesNotExist();
            assertThat(reports.get(reports.size() - 1).position()).isEqualTo(SIZE);
        }
    }

    @Test
    void aResumedDownloadFetchesOnlyTheRangesTheSidecarDoesNotList() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            byte[] content = content();
            Files.write(vsftpd.root().resolve("big.bin"), content);
            Path local = dir.resolve("big.bin");
            // An earlier run wrote the first and third quarters, then died.
            byte[] partial = new byte[SIZE];
            int quarter = SIZE / 4;
            System.arraycopy(content, 0, partial, 0, quarter);
            System.arraycopy(content, 2 * quarter, partial, 2 * quarter, quarter);
            Files.write(local, partial);
            SegmentState state = SegmentState.load(local, SIZE);
            state.record(0, quarter);
            state.record(2L * quarter, 3L * quarter);

            SegmentedDownload.Result result = SegmentedDownload.builder(endpoint(vsftpd), "big.bin", local)
                    .segments(4).build().run();

            assertThat(result.bytesReceived()).isEqualTo(SIZE - 2L * quarter);
            assertThat(Files.readAllBytes(local)).isEqualTo(content);
            assertThat(SegmentState.sidecarOf(local)).doesNotExist();
        }
    }

    @Test
    void oneSegmentOfASmallFileAndAnEmptyFileWork() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Files.write(vsftpd.root().resolve("small.bin"), Arrays.copyOf(content(), 3));
            Files.write(vsftpd.root().resolve("empty.bin"), new byte[0]);

            SegmentedDownload.Result small = SegmentedDownload.builder(endpoint(vsftpd), "small.bin",
                    dir.resolve("small.bin")).segments(8).build().run();
            SegmentedDownload.builder(endpoint(vsftpd), "empty.bin", dir.resolve("empty.bin")).build().run();

            assertThat(small.segments()).isEqualTo(3);
            assertThat(Files.readAllBytes(dir.resolve("small.bin"))).isEqualTo(Arrays.copyOf(content(), 3));
            assertThat(dir.resolve("empty.bin")).isEmptyFile();
        }
    }
}
