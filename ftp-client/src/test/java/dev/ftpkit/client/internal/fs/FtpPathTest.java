package dev.ftpkit.client.internal.fs;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** FTP paths behave like POSIX paths of the default file system; no server is needed. */
class FtpPathTest {

    private final FtpFileSystem fs = new FtpFileSystem(new FtpFileSystemProvider(), "test",
            FileSystemSettings.from(URI.create("ftp://127.0.0.1:2121/"), Map.of(), false, 21));

    @AfterEach
    void close() {
        fs.close();
    }

    private Path path(String text) {
        return fs.getPath(text);
    }

    @Test
    void partsOfAnAbsolutePath() {
        Path path = path("/pub//sub/file.txt");

        assertThat(path.toString()).isEqualTo("/pub/sub/file.txt");
        assertThat(path.isAbsolute()).isTrue();
        assertThat(path.getRoot()).hasToString("/");
        assertThat(path.getFileName()).hasToString("file.txt");
        assertThat(path.getParent()).hasToString("/pub/sub");
        assertThat(path.getNameCount()).isEqualTo(3);
        assertThat(path.getName(1)).hasToString("sub");
        assertThat(path.subpath(1, 3)).hasToString("sub/file.txt");
        assertThat(path("/").getParent()).isNull();
        assertThat(path("/").getFileName()).isNull();
        assertThat(path("a").getParent()).isNull();
        assertThat(path("/a").getParent()).hasToString("/");
    }

    @Test
    void normalizeRemovesDotsAndStopsAtTheRoot() {
        assertThat(path("/a/./b/../c").normalize()).hasToString("/a/c");
        assertThat(path("/../..").normalize()).hasToString("/");
        assertThat(path("../a/..").normalize()).hasToString("..");
    }

    @Test
    void resolveRelativizeAndCompare() {
        assertThat(path("/pub").resolve("sub/f")).hasToString("/pub/sub/f");
        assertThat(path("/pub").resolve(path("/other"))).hasToString("/other");
        assertThat(path("/pub/a").relativize(path("/pub/b/c"))).hasToString("../b/c");
        assertThat(path("/pub/a/b").startsWith(path("/pub"))).isTrue();
        assertThat(path("/pub/a/b").startsWith(path("pub"))).isFalse();
        assertThat(path("/pub/a/b").endsWith(path("a/b"))).isTrue();
        assertThat(path("/pub/a").resolveSibling("b")).hasToString("/pub/b");
        assertThat(path("x").toAbsolutePath()).hasToString("/x");
        assertThatThrownBy(() -> path("/a").relativize(path("b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uriHasSchemeHostPortAndEscapedPathButNoUserInfo() {
        URI uri = path("/pub/a file.txt").toUri();

        assertThat(uri.getScheme()).isEqualTo("ftp");
        assertThat(uri.getHost()).isEqualTo("127.0.0.1");
        assertThat(uri.getPort()).isEqualTo(2121);
        assertThat(uri.getPath()).isEqualTo("/pub/a file.txt");
        assertThat(uri.getRawPath()).isEqualTo("/pub/a%20file.txt");
        assertThat(uri.getUserInfo()).isNull();
    }

    @Test
    void controlCharactersAreRefusedWhenThePathIsMade() {
        assertThatThrownBy(() -> path("/a\r\nDELE b")).isInstanceOf(InvalidPathException.class);
        assertThatThrownBy(() -> path("/a\0")).isInstanceOf(InvalidPathException.class);
    }

    @Test
    void globsMatchWithinAndAcrossNames() {
        assertThat(fs.getPathMatcher("glob:*.txt").matches(path("a.txt"))).isTrue();
        assertThat(fs.getPathMatcher("glob:*.txt").matches(path("/pub/a.txt"))).isFalse();
        assertThat(fs.getPathMatcher("glob:/pub/**.txt").matches(path("/pub/x/y/a.txt"))).isTrue();
        assertThat(fs.getPathMatcher("glob:*.{txt,md}").matches(path("r.md"))).isTrue();
        assertThat(fs.getPathMatcher("glob:[!a]?.c").matches(path("bx.c"))).isTrue();
        assertThat(fs.getPathMatcher("glob:a+b(c).txt").matches(path("a+b(c).txt"))).isTrue();
        assertThat(fs.getPathMatcher("regex:.*/a\\.txt").matches(path("/pub/a.txt"))).isTrue();
    }

    @Provide
    Arbitrary<List<String>> names() {
        return Arbitraries.strings().withChars("abc.- é").ofMinLength(1).ofMaxLength(6)
                .filter(name -> !name.equals(".") && !name.equals(".."))
                .list().ofMaxSize(5);
    }

    @Property
    void toStringParsesBackToTheSamePath(@ForAll("names") List<String> names) {
        Path path = path("/" + String.join("/", names));

        assertThat(path(path.toString())).isEqualTo(path);
        assertThat(path.getNameCount()).isEqualTo(names.size());
    }

    @Property
    void relativizeUndoesResolve(@ForAll("names") List<String> base, @ForAll("names") List<String> child) {
        Path from = path("/" + String.join("/", base));
        Path relative = path(String.join("/", child));

        assertThat(from.relativize(from.resolve(relative))).isEqualTo(relative);
    }
}
