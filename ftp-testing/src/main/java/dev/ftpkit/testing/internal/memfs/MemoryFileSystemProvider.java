package dev.ftpkit.testing.internal.memfs;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The provider of one {@link MemoryFileSystem}: it checks arguments and options, then asks the tree. It is not
 * registered with the ServiceLoader, so {@code Path.of(URI)} does not find it; {@link #getPath(URI)} does.
 */
final class MemoryFileSystemProvider extends FileSystemProvider {

    static final String SCHEME = "memory";

    private final MemoryFileSystem fs;

    MemoryFileSystemProvider(MemoryFileSystem fs) {
        this.fs = fs;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /** There is one file system per provider, made by {@link MemoryFileSystem#create()}. */
    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new FileSystemAlreadyExistsException(uri.toString());
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        checkUri(uri);
        return fs;
    }

    @Override
    public Path getPath(URI uri) {
        checkUri(uri);
        return fs.getPath(uri.getPath());
    }

    private void checkUri(URI uri) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not a " + SCHEME + " URI: " + uri);
        }
        if (!fs.id().equals(uri.getAuthority())) {
            throw new FileSystemNotFoundException(uri.toString());
        }
    }

    /** The path as ours, the file system open: what every operation checks first. */
    /** The memory path, checked to be this file system's. */
    MemoryPath checkPath(Path path) {
        return check(path);
    }

    /** The memory path, checked to be this file system's and not refused by {@link MemoryFileSystem#deny}. */
    private MemoryPath allowed(Path path) throws IOException {
        MemoryPath memory = check(path);
        fs.checkAllowed(memory);
        return memory;
    }

    private MemoryPath check(Path path) {
        Objects.requireNonNull(path, "path");
        if (!(path instanceof MemoryPath memory) || memory.getFileSystem() != fs) {
            throw new ProviderMismatchException("not a path of " + fs + ": " + path);
        }
        fs.checkOpen();
        return memory;
    }

    private static void noAttributes(FileAttribute<?>... attributes) {
        if (attributes.length > 0) {
            throw new UnsupportedOperationException("cannot set " + attributes[0].name() + " on creation");
        }
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attributes) throws IOException {
        MemoryPath file = allowed(path);
        OpenMode mode = OpenMode.of(options);
        noAttributes(attributes);
        FileNode node = fs.tree().open(file, mode);
        return new MemoryChannel(fs, node, mode, () -> {
            if (mode.deleteOnClose() && fs.isOpen()) {
                deleteIfExists(file);
            }
        });
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        MemoryPath directory = allowed(dir);
        Objects.requireNonNull(filter, "filter");
        return new MemoryDirectoryStream(directory, fs.tree().list(directory), filter);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attributes) throws IOException {
        MemoryPath directory = allowed(dir);
        noAttributes(attributes);
        fs.tree().createDirectory(directory);
    }

    @Override
    public void delete(Path path) throws IOException {
        fs.tree().delete(allowed(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        Set<CopyOption> set = copyOptions(options);
        if (set.contains(StandardCopyOption.ATOMIC_MOVE)) {
            throw new UnsupportedOperationException("ATOMIC_MOVE is for move");
        }
        fs.tree().copy(allowed(source), allowed(target), set.contains(StandardCopyOption.REPLACE_EXISTING),
                set.contains(StandardCopyOption.COPY_ATTRIBUTES));
    }

    /**
     * Every move is atomic (one lock); with ATOMIC_MOVE an existing target is replaced as rename(2) replaces
     * it, without it only with REPLACE_EXISTING.
     */
    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        Set<CopyOption> set = copyOptions(options);
        fs.tree().move(allowed(source), allowed(target), set.contains(StandardCopyOption.REPLACE_EXISTING),
                set.contains(StandardCopyOption.ATOMIC_MOVE));
    }

    private static Set<CopyOption> copyOptions(CopyOption... options) {
        for (CopyOption option : options) {
            if (!(option instanceof StandardCopyOption) && option != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("unsupported copy option " + option);
            }
        }
        return Set.of(options);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        MemoryPath a = check(path);
        if (!(path2 instanceof MemoryPath b) || b.getFileSystem() != fs) {
            return false;
        }
        if (a.equals(b)) {
            return true;
        }
        return fs.tree().require(a) == fs.tree().require(b);
    }

    /** Names starting with a dot, as on Unix. */
    @Override
    public boolean isHidden(Path path) {
        MemoryPath name = check(path).getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) {
        check(path);
        throw new UnsupportedOperationException("the memory file system has no file store");
    }

    /** Existence only: there are no permissions. */
    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        fs.tree().require(check(path));
    }

    /** The "basic" view only; null for any other (e.g. POSIX), as the javadoc allows. */
    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        MemoryPath p = check(path);
        if (type == BasicFileAttributeView.class || type == FileAttributeView.class) {
            return type.cast(new MemoryAttributeView(fs.tree(), p));
        }
        return null;
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        MemoryPath p = check(path);
        if (type != BasicFileAttributes.class) {
            throw new UnsupportedOperationException(type.getName() + " not available");
        }
        return type.cast(fs.tree().attributes(p));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        MemoryPath p = check(path);
        return new MemoryAttributeView(fs.tree(), p).read(attributes);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        MemoryPath p = check(path);
        new MemoryAttributeView(fs.tree(), p).set(attribute, value);
    }
}
