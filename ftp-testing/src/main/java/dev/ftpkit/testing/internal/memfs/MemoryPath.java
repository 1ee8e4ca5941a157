package dev.ftpkit.testing.internal.memfs;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * A POSIX-like path of a {@link MemoryFileSystem}: an optional root {@code /} and name elements separated by
 * {@code /}. Redundant and trailing slashes are dropped when parsing, as on Unix. The empty path has one empty
 * name element, as the {@link Path} javadoc and the JDK's Unix paths have it. Immutable.
 */
final class MemoryPath implements Path {

    private final MemoryFileSystem fs;
    private final boolean absolute;
    /** Name elements; the empty path is {@code [""]}, the root is {@code []} and absolute. */
    private final List<String> names;

    private MemoryPath(MemoryFileSystem fs, boolean absolute, List<String> names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    /** Parses {@code text}; a NUL character is not allowed (as on Unix). */
    static MemoryPath parse(MemoryFileSystem fs, String text) {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new InvalidPathException(text, "Nul character not allowed", nul);
        }
        boolean absolute = text.startsWith("/");
        List<String> names = new ArrayList<>();
        for (String name : text.split("/")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return of(fs, absolute, names);
    }

    /** A path from names; a relative path without names is the empty path. */
    private static MemoryPath of(MemoryFileSystem fs, boolean absolute, List<String> names) {
        return new MemoryPath(fs, absolute, !absolute && names.isEmpty() ? List.of("") : names);
    }

    private MemoryPath empty() {
        return of(fs, false, List.of());
    }

    boolean isEmpty() {
        return !absolute && names.size() == 1 && names.get(0).isEmpty();
    }

    /** The names of the absolute, normalized form: the key into the tree. */
    List<String> keys() {
        MemoryPath normal = toAbsolutePath().normalize();
        return normal.names;
    }

    @Override
    public MemoryFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public MemoryPath getRoot() {
        return absolute ? of(fs, true, List.of()) : null;
    }

    @Override
    public MemoryPath getFileName() {
        return names.isEmpty() ? null : of(fs, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public MemoryPath getParent() {
        if (names.isEmpty() || (!absolute && names.size() == 1)) {
            return null;
        }
        return of(fs, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public MemoryPath getName(int index) {
        return subpath(index, index + 1);
    }

    @Override
    public MemoryPath subpath(int beginIndex, int endIndex) {
        if (beginIndex < 0 || beginIndex >= names.size() || endIndex > names.size() || beginIndex >= endIndex) {
            throw new IllegalArgumentException("subpath(" + beginIndex + ", " + endIndex + ") of " + this);
        }
        return of(fs, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        MemoryPath that = check(other);
        if (that.absolute != absolute || that.names.size() > names.size()) {
            return false;
        }
        if (that.isEmpty()) {
            return isEmpty();
        }
        return names.subList(0, that.names.size()).equals(that.names);
    }

    @Override
    public boolean endsWith(Path other) {
        MemoryPath that = check(other);
        if (that.absolute) {
            return equals(that);
        }
        if (that.isEmpty()) {
            return isEmpty();
        }
        int size = names.size();
        int thatSize = that.names.size();
        return thatSize <= size && names.subList(size - thatSize, size).equals(that.names);
    }

    /** Drops {@code .} and {@code name/..}; {@code ..} above the root is dropped, a leading relative one kept. */
    @Override
    public MemoryPath normalize() {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name.equals(".") || name.isEmpty()) {
                continue;
            }
            if (name.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                    continue;
                }
                if (absolute) {
                    continue;
                }
            }
            out.add(name);
        }
        return of(fs, absolute, out);
    }

    @Override
    public MemoryPath resolve(Path other) {
        MemoryPath that = check(other);
        if (that.absolute) {
            return that;
        }
        if (that.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return that;
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(that.names);
        return of(fs, absolute, joined);
    }

    @Override
    public MemoryPath resolve(String other) {
        return resolve(parse(fs, other));
    }

    @Override
    public MemoryPath relativize(Path other) {
        MemoryPath child = check(other);
        if (child.equals(this)) {
            return empty();
        }
        if (absolute != child.absolute) {
            throw new IllegalArgumentException("'other' is different type of Path");
        }
        if (isEmpty()) {
            return child;
        }
        MemoryPath base = this;
        if (base.hasDots() || child.hasDots()) {
            base = base.normalize();
            child = child.normalize();
        }
        List<String> baseNames = base.isEmpty() ? List.of() : base.names;
        List<String> childNames = child.isEmpty() ? List.of() : child.names;
        int common = 0;
        while (common < baseNames.size() && common < childNames.size()
                && baseNames.get(common).equals(childNames.get(common))) {
            common++;
        }
        List<String> rest = baseNames.subList(common, baseNames.size());
        if (rest.contains("..")) {
            throw new IllegalArgumentException("Unable to compute relative path from " + this + " to " + other);
        }
        List<String> result = new ArrayList<>();
        rest.forEach(name -> result.add(".."));
        result.addAll(childNames.subList(common, childNames.size()));
        return of(fs, false, result);
    }

    private boolean hasDots() {
        return names.contains(".") || names.contains("..");
    }

    @Override
    public URI toUri() {
        try {
            return new URI(MemoryFileSystemProvider.SCHEME, fs.id(), toAbsolutePath().toString(), null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Absolute against the default directory, which is the root. */
    @Override
    public MemoryPath toAbsolutePath() {
        return absolute ? this : rootPath().resolve(this);
    }

    private MemoryPath rootPath() {
        return of(fs, true, List.of());
    }

    /** Absolute and normalized (there are no links); the file must exist. */
    @Override
    public MemoryPath toRealPath(LinkOption... options) throws IOException {
        MemoryPath real = toAbsolutePath().normalize();
        fs.provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("no watch service in the memory file system");
    }

    @Override
    public Iterator<Path> iterator() {
        List<Path> elements = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            elements.add(getName(i));
        }
        return elements.iterator();
    }

    /** By code point, which is the order of the UTF-8 bytes that Unix paths compare. */
    @Override
    public int compareTo(Path other) {
        if (!(other instanceof MemoryPath that)) {
            throw new ClassCastException("not a memory path: " + other.getClass().getName());
        }
        int[] a = toString().codePoints().toArray();
        int[] b = that.toString().codePoints().toArray();
        return Arrays.compare(a, b);
    }

    private MemoryPath check(Path other) {
        Objects.requireNonNull(other, "other");
        if (!(other instanceof MemoryPath that) || that.fs != fs) {
            throw new ProviderMismatchException("not a path of this memory file system: " + other);
        }
        return that;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemoryPath that && that.fs == fs && that.absolute == absolute && that.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(absolute, names);
    }

    @Override
    public String toString() {
        String joined = String.join("/", names);
        return absolute ? "/" + joined : joined;
    }
}
