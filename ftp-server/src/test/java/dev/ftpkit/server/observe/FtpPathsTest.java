package dev.ftpkit.server.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FtpPathsTest {

    @Test
    void relativePathsJoinTheWorkingDirectory() {
        assertThat(FtpPaths.absolute("/docs", "a.txt")).isEqualTo("/docs/a.txt");
        assertThat(FtpPaths.absolute("/", "a.txt")).isEqualTo("/a.txt");
    }

    @Test
    void absolutePathsIgnoreIt() {
        assertThat(FtpPaths.absolute("/docs", "/pub/a.txt")).isEqualTo("/pub/a.txt");
    }

    @Test
    void dotsAndDoubleSlashesAreResolvedButNeverAboveTheRoot() {
        assertThat(FtpPaths.absolute("/docs/x", ".././/b.txt")).isEqualTo("/docs/b.txt");
        assertThat(FtpPaths.absolute("/", "../../etc/passwd")).isEqualTo("/etc/passwd");
        assertThat(FtpPaths.absolute("/docs", "")).isEqualTo("/docs");
    }
}
