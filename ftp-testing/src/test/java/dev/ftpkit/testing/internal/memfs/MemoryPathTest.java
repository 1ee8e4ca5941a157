package dev.ftpkit.testing.internal.memfs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Memory paths against the {@link Path} javadoc and the JDK's Unix paths, by example. */
class MemoryPathTest extends MemoryFileSystemFixture {

    @Test
    void pathsAreParsedAsOnUnix() {
        assertThat(path("/a//b/").toString()).isEqualTo("/a/b");
        assertThat(path("/").getNameCount()).isZero();
        assertThat(path("/").getFileName()).isNull();
        assertThat(path("").getNameCount()).isEqualTo(1);
        assertThat(path("a/b").getParent()).isEqualTo(path("a"));
        assertThat(path("/a").getParent()).isEqualTo(path("/"));
        assertThat(path("a").getParent()).isNull();
        assertThat(path("a/b").getRoot()).isNull();
        assertThat(path("/a/b").getRoot()).isEqualTo(path("/"));
        assertThat(fs.getPath("a", "", "b", "c/d").toString()).isEqualTo("a/b/c/d");
        assertThat(path("/a/b/c").subpath(1, 3)).isEqualTo(path("b/c"));
        assertThat(path("/a/b/c").getName(0)).isEqualTo(path("a"));
        assertThatThrownBy(() -> path("a\0b")).isInstanceOf(InvalidPathException.class);
    }

    @Test
    void pathOperationsFollowThePathJavadocExamples() {
        assertThat(path("/a/./b/../c").normalize()).isEqualTo(path("/a/c"));
        assertThat(path("/..").normalize()).isEqualTo(path("/"));
        assertThat(path("../a/..").normalize()).isEqualTo(path(".."));
        assertThat(path("/a/b").relativize(path("/a/b/c/d"))).isEqualTo(path("c/d"));
        assertThat(path("a/b").relativize(path("a/x"))).isEqualTo(path("../x"));
        assertThatThrownBy(() -> path("/a").relativize(path("a"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(path("/a").resolve("b/c")).isEqualTo(path("/a/b/c"));
        assertThat(path("/a").resolve("/x")).isEqualTo(path("/x"));
        assertThat(path("/a/b").resolveSibling("c")).isEqualTo(path("/a/c"));
        assertThat(path("/a/b").startsWith("/a")).isTrue();
        assertThat(path("/a/b").startsWith("a")).isFalse();
        assertThat(path("/ab").startsWith("/a")).isFalse();
        assertThat(path("/a/b").endsWith("a/b")).isTrue();
        assertThat(path("/a/b").endsWith("/a/b")).isTrue();
        assertThat(path("a").toAbsolutePath()).isEqualTo(path("/a"));
        assertThat(path("/a").compareTo(path("/b"))).isNegative();
        assertThat(path("/a")).isEqualTo(path("/a/")).hasSameHashCodeAs(path("/a/"));
        List<String> names = new ArrayList<>();
        path("/x/y/z").forEach(name -> names.add(name.toString()));
        assertThat(names).containsExactly("x", "y", "z");
    }

    @Test
    void pathsOfAnotherFileSystemAreRefused() throws IOException {
        Path other = FileSystems.getDefault().getPath("/tmp");
        try (FileSystem second = MemoryFileSystem.create()) {
            assertThatThrownBy(() -> path("/a").resolve(other)).isInstanceOf(ProviderMismatchException.class);
            assertThatThrownBy(() -> path("/a").startsWith(second.getPath("/a")))
                    .isInstanceOf(ProviderMismatchException.class);
            assertThat(path("/a")).isNotEqualTo(second.getPath("/a"));
            assertThatThrownBy(() -> fs.provider().move(path("/a"), second.getPath("/a")))
                    .isInstanceOf(ProviderMismatchException.class);
            Files.writeString(path("/a"), "crosses");
            Files.move(path("/a"), second.getPath("/a")); // Files copies across providers, then deletes
            assertThat(Files.readString(second.getPath("/a"))).isEqualTo("crosses");
            assertThat(Files.exists(path("/a"))).isFalse();
        }
    }

    @Test
    void uriRoundTripsThroughTheProvider() throws IOException {
        Files.createDirectory(path("/my dir"));
        URI uri = path("/my dir").toUri();

        assertThat(uri.getScheme()).isEqualTo("memory");
        assertThat(fs.provider().getPath(uri)).isEqualTo(path("/my dir"));
        assertThat(fs.provider().getFileSystem(uri)).isSameAs(fs);
    }
}
