package dev.ftpkit.client.sync;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The sidecar that makes a segmented download resumable. */
class SegmentStateTest {

    @TempDir
    Path dir;

    @Test
    void recordedRangesAreReadBackAndOnlyTheGapsAreMissing() throws Exception {
        Path local = Files.write(dir.resolve("f.bin"), new byte[100]);
        SegmentState state = SegmentState.load(local, 100);
        state.record(0, 30);
        state.record(50, 60);

        SegmentState again = SegmentState.load(local, 100);

        assertThat(again.doneBytes()).isEqualTo(40);
        assertThat(again.missing(0, 100)).containsExactly(new long[] {30, 50}, new long[] {60, 100});
        assertThat(again.missing(0, 30)).isEmpty();
    }

    @Test
    void aSidecarForAnotherSizeOrGarbledIsIgnored() throws Exception {
        Path local = Files.write(dir.resolve("f.bin"), new byte[100]);
        SegmentState.load(local, 100).record(0, 100);

        assertThat(SegmentState.load(local, 101).doneBytes()).isZero();
        Files.writeString(SegmentState.sidecarOf(local), "ftpkit-segments 1\nsize 100\ndone 0 x\n");
        assertThat(SegmentState.load(local, 100).doneBytes()).isZero();
        Files.writeString(SegmentState.sidecarOf(local), "ftpkit-segments 1\nsize 100\ndone 0 200\n");
        assertThat(SegmentState.load(local, 100).doneBytes()).isZero();
    }

    @Test
    void withoutTheLocalFileTheSidecarMeansNothing() throws Exception {
        Path local = dir.resolve("gone.bin");
        Files.writeString(SegmentState.sidecarOf(local), "ftpkit-segments 1\nsize 10\ndone 0 10\n");

        assertThat(SegmentState.load(local, 10).missing(0, 10)).containsExactly(new long[] {0, 10});
    }
}
