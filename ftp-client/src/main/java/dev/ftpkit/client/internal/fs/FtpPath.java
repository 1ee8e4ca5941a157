package dev.ftpkit.client.internal.fs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path on an FTP server: POSIX-like, {@code /} separated, absolute when it starts at {@code /} (the server's
 * root as the login sees it). Relative paths resolve against {@code /}: the file system never changes the working
 * directory, it sends absolute paths.
 */
final class FtpPath implements Path {

    private final FtpFileSystem fileSystem;
    private final boolean absolute;
    /** The names, none empty. */
    private final List<String> names;

    private FtpPath(FtpFileSystem fileSystem, boolean absolute, List<String> names) {
        this.fileSystem = fileSystem;
        this.absolute = absolute;
        this.names = List.copyOf(names);
    }

    /** Joins {@code first} and {@code more} with {@code /}; empty names and repeated separators are dropped. */
    static FtpPath parse(FtpFileSystem fileSystem, String first, String... more) {
        StringBuilder joined = new StringBuilder(first);
        for (String part : more) {
            if (!part.isEmpty()) {
                joined.append('/').append(part);
            }
        }
        String text = joined.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // RFC 959 §3.1.1.5: no control line may hold CR or LF; NUL ends strings on most servers.
            if (c == '\0' || c == '\r' || c == '\n') {
                throw new InvalidPathException(text, "CR, LF and NUL cannot be sent in an FTP path", i);
            }
        }
        List<String> names = new ArrayList<>();
        for (String name : text.split("/")) {
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return new FtpPath(fileSystem, text.startsWith("/"), names);
    }

    static FtpPath root(FtpFileSystem fileSystem) {
        return new FtpPath(fileSystem, true, List.of());
    }

    /** The path as sent to the server: absolute and normalized. */
    String remote() {
        return toAbsolutePath().normalize().toString();
    }

    private FtpPath check(Path other) {
        Objects.requireNonNull(other, "other");
        if (!(other instanceof FtpPath ftp)) {
            throw new ProviderMismatchException("not an FTP path: " + other);
        }
        return ftp;
    }

    @Override
    public FtpFileSystem getFileSystem() {
        return fileSystem;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public Path getRoot() {
        return absolute ? root(fileSystem) : null;
    }

    @Override
    public Path getFileName() {
        return names.isEmpty() ? null : new FtpPath(fileSystem, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public Path getParent() {
        if (names.isEmpty() || (names.size() == 1 && !absolute)) {
            return null;
        }
        return new FtpPath(fileSystem, absolute, names.subList(0, names.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public Path getName(int index) {
        if (index < 0 || index >= names.size()) {
            throw new IllegalArgumentException("no name at " + index + " in " + this);
        }
        return new FtpPath(fileSystem, false, List.of(names.get(index)));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        if (beginIndex < 0 || endIndex > names.size() || beginIndex >= endIndex) {
            throw new IllegalArgumentException("bad subpath " + beginIndex + ".." + endIndex + " of " + this);
        }
        return new FtpPath(fileSystem, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof FtpPath that) || that.fileSystem != fileSystem || that.absolute != absolute) {
            return false;
        }
        return that.names.size() <= names.size() && names.subList(0, that.names.size()).equals(that.names);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof FtpPath that) || that.fileSystem != fileSystem) {
            return false;
        }
        if (that.absolute) {
            return equals(that);
        }
        int from = names.size() - that.names.size();
        return from >= 0 && names.subList(from, names.size()).equals(that.names);
    }

    @Override
    public Path normalize() {
        List<String> result = new ArrayList<>();
        for (String name : names) {
            if (name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                if (!result.isEmpty() && !result.get(result.size() - 1).equals("..")) {
                    result.remove(result.size() - 1);
                } else if (!absolute) {
                    result.add(name);
                }
                // ".." at the root stays at the root.
                continue;
            }
            result.add(name);
        }
        return new FtpPath(fileSystem, absolute, result);
    }

    @Override
    public Path resolve(Path other) {
        FtpPath that = check(other);
        if (that.absolute) {
            return that;
        }
        List<String> joined = new ArrayList<>(names);
        joined.addAll(that.names);
        return new FtpPath(fileSystem, absolute, joined);
    }

    @Override
    public Path relativize(Path other) {
        FtpPath that = check(other);
        if (that.absolute != absolute) {
            throw new IllegalArgumentException("cannot relativize " + other + " against " + this
                    + ": one is absolute, the other not");
        }
        int common = 0;
        while (common < names.size() && common < that.names.size()
                && names.get(common).equals(that.names.get(common))) {
            common++;
        }
        List<String> result = new ArrayList<>();
        for (int i = common; i < names.size(); i++) {
            result.add("..");
        }
        result.addAll(that.names.subList(common, that.names.size()));
        return new FtpPath(fileSystem, false, result);
    }

    @Override
    public URI toUri() {
        return fileSystem.uri(remote());
    }

    @Override
    public FtpPath toAbsolutePath() {
        return absolute ? this : new FtpPath(fileSystem, true, names);
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        FtpPath real = (FtpPath) toAbsolutePath().normalize();
        fileSystem.provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("FTP servers send no change notifications");
    }

    @Override
    public int compareTo(Path other) {
        return toString().compareTo(check(other).toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FtpPath that && that.fileSystem == fileSystem && that.absolute == absolute
                && that.names.equals(names);
    }

    @Override
    public int hashCode() {
        return Objects.hash(absolute, names);
    }

    @Override
    public String toString() {
        return (absolute ? "/" : "") + String.join("/", names);
    }
}
