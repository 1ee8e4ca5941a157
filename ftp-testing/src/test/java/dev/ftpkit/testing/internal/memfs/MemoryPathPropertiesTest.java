package dev.ftpkit.testing.internal.memfs;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Path semantics, checked two ways: the round trips the {@link Path} javadoc promises, and every operation
 * against the JDK's own Unix paths (the default file system on Linux), which the memory paths copy.
 */
class MemoryPathPropertiesTest {

    private static final FileSystem MEMORY = MemoryFileSystem.create();
    private static final FileSystem UNIX = FileSystems.getDefault();

    /** Texts with the interesting parts: ".", "..", empty names, doubled and trailing slashes. */
    @Provide
    Arbitrary<String> pathText() {
        Arbitrary<String> name = Arbitraries.of("a", "b", "bc", ".", "..", "", ".x");
        return Arbitraries.oneOf(name.list().ofMaxSize(5).map(names -> String.join("/", names)),
                name.list().ofMaxSize(5).map(names -> "/" + String.join("/", names)));
    }

    /** Normalized relative paths without "..": what {@code p.resolve(q)} can be relativized back to. */
    @Provide
    Arbitrary<String> plainRelative() {
        return Arbitraries.of("a", "b", "bc", ".x").list().ofMaxSize(4).map(names -> String.join("/", names));
    }

    // Path javadoc of relativize: "for two normalized paths p and q, where q does not have a root component,
    // p.relativize(p.resolve(q)).equals(q)"
    @Property(tries = 1000)
    void relativizeUndoesResolve(@ForAll("pathText") String p, @ForAll("plainRelative") String q) {
        Path base = MEMORY.getPath(p).normalize();
        Path relative = MEMORY.getPath(q);

        assertThat(base.relativize(base.resolve(relative))).isEqualTo(relative);
    }

    // Path javadoc of relativize: "if this path is "/a/b" and the given path is "/a/b/c/d" then the resulting
    // relative path would be "c/d"" and resolving it back gives a path that locates the same file
    @Property(tries = 1000)
    void resolveUndoesRelativize(@ForAll("pathText") String p, @ForAll("pathText") String q) {
        Path a = MEMORY.getPath(p).normalize();
        Path b = MEMORY.getPath(q).normalize();
        if (a.isAbsolute() != b.isAbsolute() || a.startsWith("..") || b.startsWith("..")) {
            return; // the javadoc leaves these implementation dependent
        }
        assertThat(a.resolve(a.relativize(b)).normalize()).isEqualTo(b);
    }

    @Property(tries = 1000)
    void normalizeIsIdempotentAndKeepsNoDots(@ForAll("pathText") String p) {
        Path normal = MEMORY.getPath(p).normalize();

        assertThat(normal.normalize()).isEqualTo(normal);
        assertThat(normal.toString()).doesNotContain("/./").doesNotContain("//").doesNotEndWith("/.");
        assertThat(MEMORY.getPath(normal.toString())).isEqualTo(normal);
    }

    // arbitrary text is a path that prints and reparses to itself, or InvalidPathException (NUL only)
    @Property(tries = 1000)
    void anyTextIsAPathOrInvalid(@ForAll String text) {
        try {
            Path path = MEMORY.getPath(text);

            assertThat(MEMORY.getPath(path.toString())).isEqualTo(path);
            Path absolute = path.toAbsolutePath();
            assertThat(MEMORY.provider().getPath(absolute.toUri())).isEqualTo(absolute);
        } catch (InvalidPathException e) {
            assertThat(text).contains("\0");
        }
    }

    @Property(tries = 1000)
    void everyOperationAgreesWithTheJdkUnixPaths(@ForAll("pathText") String x, @ForAll("pathText") String y) {
        Path mx = MEMORY.getPath(x);
        Path my = MEMORY.getPath(y);
        Path ux = UNIX.getPath(x);
        Path uy = UNIX.getPath(y);

        assertThat(describe(mx, my)).as("%s and %s", x, y).isEqualTo(describe(ux, uy));
    }

    private static List<String> describe(Path x, Path y) {
        List<String> facts = new ArrayList<>();
        facts.add(x.toString());
        facts.add("absolute " + x.isAbsolute());
        facts.add("names " + x.getNameCount());
        facts.add("root " + x.getRoot());
        facts.add("fileName " + x.getFileName());
        facts.add("parent " + x.getParent());
        facts.add("normalize " + x.normalize());
        List<String> names = new ArrayList<>();
        x.forEach(name -> names.add(name.toString()));
        facts.add("iterator " + names);
        for (int begin = 0; begin <= x.getNameCount(); begin++) {
            for (int end = begin; end <= x.getNameCount() + 1; end++) {
                int b = begin;
                int e = end;
                facts.add("subpath " + b + " " + e + " " + outcome(() -> x.subpath(b, e)));
            }
        }
        facts.add("resolve " + x.resolve(y));
        facts.add("resolveSibling " + x.resolveSibling(y));
        facts.add("relativize " + outcome(() -> x.relativize(y)));
        facts.add("startsWith " + x.startsWith(y) + " " + x.startsWith(y.toString()));
        facts.add("endsWith " + x.endsWith(y) + " " + x.endsWith(y.toString()));
        facts.add("equals " + x.equals(y) + " " + (x.equals(y) == (x.hashCode() == y.hashCode() || !x.equals(y))));
        facts.add("compareTo " + Integer.signum(x.compareTo(y)));
        return facts;
    }

    private static String outcome(Supplier<Object> operation) {
        try {
            return String.valueOf(operation.get());
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
