package dev.ftpkit.server.internal.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileJailTest {

    @TempDir
    Path home;

    @Test
    void relativeAndAbsolutePathsNormalizeInsideTheHome() throws Exception {
        FileJail jail = new FileJail(home);
        assertThat(jail.normalize("/a/b", "c")).isEqualTo("/a/b/c");
        assertThat(jail.normalize("/a/b", "../c/./d")).isEqualTo("/a/c/d");
        assertThat(jail.normalize("/a/b", "/x//y/")).isEqualTo("/x/y");
        assertThat(jail.normalize("/a", "")).isEqualTo("/a");
        assertThat(jail.normalize("/a", "..")).isEqualTo("/");
        assertThat(jail.toPath("/x/y")).isEqualTo(home.toAbsolutePath().normalize().resolve("x").resolve("y"));
    }

    @Test
    void dotDotAboveTheHomeIsRefused() throws Exception {
        FileJail jail = new FileJail(home);
        assertThatThrownBy(() -> jail.normalize("/", "..")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> jail.normalize("/a", "../../etc")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void danglingLinkIsRefusedBecauseWritingThroughItCouldEscape() throws Exception {
        Files.createSymbolicLink(home.resolve("dangling"), Path.of("/tmp/ftpkit-nowhere-" + System.nanoTime()));
        FileJail jail = new FileJail(home);
        assertThatThrownBy(() -> jail.resolve("/", "dangling")).isInstanceOf(AccessDeniedException.class);
        assertThat(jail.resolve("/", "not-yet-there")).isEqualTo(home.toAbsolutePath().normalize().resolve("not-yet-there"));
    }
}
