package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.internal.data.SendWays.Way;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The choice between sendfile and a copy: one probe per store at a time, a clear winner kept, a tie forgotten. */
class SendWaysTest {

    @Test
    void aClearlyFasterWayWinsAndATieDecidesNothing() {
        assertThat(SendWays.winner(700, 1000)).contains(Way.SENDFILE);
        assertThat(SendWays.winner(1000, 700)).contains(Way.COPY);
        assertThat(SendWays.winner(950, 1000)).isEmpty();
        assertThat(SendWays.winner(1000, 950)).isEmpty();
        assertThat(SendWays.winner(0, 0)).isEmpty(); // a probe that measured nothing
    }

    @Test
    void aDecidedStoreIsNeverProbedAgain() {
        SendWays ways = new SendWays();
        assertThat(ways.startProbe("ext4")).isTrue();
        assertThat(ways.startProbe("ext4")).as("one probe per store at a time").isFalse();
        assertThat(ways.startProbe("tmpfs")).isTrue();
        assertThat(ways.probed("ext4", 600, 1000)).contains(Way.SENDFILE);
        assertThat(ways.probed("tmpfs", 1000, 590)).contains(Way.COPY);
        assertThat(ways.decided("ext4")).contains(Way.SENDFILE);
        assertThat(ways.decided("tmpfs")).contains(Way.COPY);
        assertThat(ways.startProbe("ext4")).isFalse();
    }

    @Test
    void anInconclusiveProbeLeavesTheStoreToTheNextBigDownload() {
        SendWays ways = new SendWays();
        assertThat(ways.startProbe("disk")).isTrue();
        assertThat(ways.probed("disk", 1000, 1020)).isEmpty();
        assertThat(ways.decided("disk")).isEmpty();
        assertThat(ways.startProbe("disk")).isTrue();
    }

    @Test
    void filesInOneDirectoryShareAStoreKey(@TempDir Path dir) throws Exception {
        Optional<Object> a = SendWays.storeOf(Files.createFile(dir.resolve("a")));
        Optional<Object> b = SendWays.storeOf(Files.createFile(dir.resolve("b")));
        assertThat(a).isPresent().isEqualTo(b);
        assertThat(SendWays.storeOf(dir.resolve("missing"))).isEmpty();
    }
}
