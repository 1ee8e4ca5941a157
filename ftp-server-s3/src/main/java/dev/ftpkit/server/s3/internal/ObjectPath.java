package dev.ftpkit.server.s3.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A POSIX-like path of a bucket: {@code /} separated names, absolute from the bucket's root {@code /}. Directory
 * names never end with {@code /} here (the provider's own paths do, which is one reason this file system exists).
 * Pure text: nothing here talks to the store.
 */
final class ObjectPath implements Path {

    private final ObjectFileSystem fs;
    private final boolean absolute;
    private final List<String> names;
    // what a listing said about this entry, so that reading its attributes right after costs no request;
    // not part of the path's identity
    private final Optional<ObjectAttributes> listed;

    ObjectPath(ObjectFileSystem fs, boolean absolute, List<String> names) {
        this(fs, absolute, names, Optional.empty());
    }

    private ObjectPath(ObjectFileSystem fs, boolean absolute, List<String> names, Optional<ObjectAttributes> listed) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = List.copyOf(names);
        this.listed = listed;
    }

    /** A directory entry as a listing returned it, with its attributes. */
    ObjectPath child(String name, ObjectAttributes attributes) {
        List<String> joined = new ArrayList<>(names);
        joined.add(name);
        return new ObjectPath(fs, absolute, joined, Optional.of(attributes));
    }

    Optional<ObjectAttributes> listed() {
        return listed;
    }

    static ObjectPath parse(ObjectFileSystem fs, String text) {
        List<String> names = new ArrayList<>();
        for (String name : text.split("/")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new ObjectPath(fs, text.startsWith("/"), names);
    }

    /** The object key of this (absolute) path: no leading {@code /}; empty for the root. */
    String key() {
        return String.join("/", toAbsolutePath().names);
    }

    List<String> names() {
        return names;
    }

    @Override
    public ObjectFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? new ObjectPath(fs, true, List.of()) : null;
    }

    @Override
    public Path getFileName() {
        return names.isEmpty() ? null : new ObjectPath(fs, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public ObjectPath getParent() {
        if (names.isEmpty() || (!absolute && names.size() == 1)) {
            return null;
        }
        return new ObjectPath(fs, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public Path getName(int index) {
        return new ObjectPath(fs, false, List.of(names.get(index)));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return new ObjectPath(fs, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        ObjectPath o = cast(other);
        return o.absolute == absolute && o.names.size() <= names.size()
                && names.subList(0, o.names.size()).equals(o.names);
    }

    @Override
    public boolean endsWith(Path other) {
        ObjectPath o = cast(other);
        if (o.absolute) {
            return equals(o);
        }
        return o.names.size() <= names.size() && names.subList(names.size() - o.names.size(), names.size())
                .equals(o.names);
    }

    @Override
    public Path normalize() {
        List<String> out = new ArrayList<>();
        for (String name : names) {
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..") && !out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                out.remove(out.size() - 1);
            } else if (!(name.equals("..") && absolute)) {
                out.add(name);
            }
        }
        return new ObjectPath(fs, absolute, out);
    }

    @Override
    public Path resolve(Path other) {
        ObjectPath o = cast(other);
        if (o.absolute) {
            return o;
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(o.names);
        return new ObjectPath(fs, absolute, joined);
    }

    @Override
    public Path relativize(Path other) {
        ObjectPath o = cast(other);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("one path is absolute, the other relative: " + this + ", " + other);
        }
        int common = 0;
        while (common < names.size() && common < o.names.size() && names.get(common).equals(o.names.get(common))) {
            common++;
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < names.size(); i++) {
            out.add("..");
        }
        out.addAll(o.names.subList(common, o.names.size()));
        return new ObjectPath(fs, false, out);
    }

    @Override
    public URI toUri() {
        return fs.uriOf(toAbsolutePath());
    }

    @Override
    public ObjectPath toAbsolutePath() {
        return absolute ? this : new ObjectPath(fs, true, names);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        ObjectPath real = (ObjectPath) toAbsolutePath().normalize();
        fs.provider().readAttributes(real, java.nio.file.attribute.BasicFileAttributes.class); // no links: exists?
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("object storage has no watch service");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectPath p && p.fs == fs && p.absolute == absolute && p.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {absolute, names});
    }

    @Override
    public String toString() {
        String joined = String.join("/", names);
        return absolute ? "/" + joined : joined;
    }

    private ObjectPath cast(Path other) {
        if (!(other instanceof ObjectPath p) || p.fs != fs) {
            throw new ProviderMismatchException("not a path of this bucket: " + other);
        }
        return p;
    }
}
