package dev.ftpkit.testing.internal.memfs;

import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A file system held in memory, for tests: POSIX-like paths ({@code /} separated, one root, the root is the
 * default directory), directories and regular files with the "basic" attributes, no links and no permissions.
 * Each one has its own provider (scheme {@value MemoryFileSystemProvider#SCHEME}, not registered with the
 * ServiceLoader); its URIs name it by id ({@code memory://<uuid>/a/b}). Closing it makes every further operation
 * throw {@link ClosedFileSystemException} and closes its channels.
 *
 * <p>Operations give the results and exceptions the JDK's Unix provider gives (a model test compares them),
 * except: files are opened as {@link java.nio.channels.SeekableByteChannel}s only ({@code FileChannel.open}
 * is unsupported, as on the zip file system), opening a directory fails at once rather than at the first read,
 * there is no {@link FileStore}, no watch service and no user lookup.
 */
public final class MemoryFileSystem extends FileSystem {

    /** Names this file system in its URIs; random, so no counter is shared between instances. */
    private final String id = UUID.randomUUID().toString();
    private final MemoryFileSystemProvider provider = new MemoryFileSystemProvider(this);
    private final MemoryTree tree;
    private volatile boolean open = true;
    private final java.util.Set<Path> denied = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private MemoryFileSystem(long capacity) {
        this.tree = new MemoryTree(capacity);
    }

    /** A new, empty file system with only its root directory and no size limit. */
    public static FileSystem create() {
        return new MemoryFileSystem(Long.MAX_VALUE);
    }

    /**
     * A new, empty file system that holds at most {@code capacity} bytes of file content; a write that would
     * pass it fails with {@code IOException("No space left on device")}, as ENOSPC does.
     */
    public static FileSystem create(long capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        return new MemoryFileSystem(capacity);
    }

    /**
     * Changes how many bytes of file content the file system holds at most; a write that would pass it fails as
     * ENOSPC does. Content already held stays.
     *
     * @param capacity the new capacity in bytes, not negative
     */
    public void capacity(long capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        tree.capacity(capacity);
    }

    /**
     * How many bytes of file content the file system holds now.
     *
     * @return the bytes
     */
    public long used() {
        return tree.used();
    }

    /**
     * Refuses, from now on, every open, listing, creation, deletion, copy or move of {@code path} and of everything
     * under it with {@link java.nio.file.AccessDeniedException}, as EACCES does; reading attributes still works.
     *
     * @param path an absolute path of this file system
     */
    public void deny(Path path) {
        denied.add(provider.checkPath(path).toAbsolutePath().normalize());
    }

    /** Throws AccessDeniedException if {@link #deny} covers the path. */
    void checkAllowed(MemoryPath path) throws java.nio.file.AccessDeniedException {
        Path absolute = path.toAbsolutePath().normalize();
        for (Path refused : denied) {
            if (absolute.startsWith(refused)) {
                throw new java.nio.file.AccessDeniedException(path.toString());
            }
        }
    }

    String id() {
        return id;
    }

    MemoryTree tree() {
        checkOpen();
        return tree;
    }

    void checkOpen() {
        if (!open) {
            throw new ClosedFileSystemException();
        }
    }

    @Override
    public MemoryFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        checkOpen();
        return List.of(getPath("/"));
    }

    /** None: the memory file system has no {@link FileStore}. */
    @Override
    public Iterable<FileStore> getFileStores() {
        checkOpen();
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    /** Joins the non-empty parts with {@code /}, as the JDK's Unix file system does. */
    @Override
    public MemoryPath getPath(String first, String... more) {
        StringBuilder joined = new StringBuilder(first);
        for (String part : more) {
            if (!part.isEmpty()) {
                if (joined.length() > 0) {
                    joined.append('/');
                }
                joined.append(part);
            }
        }
        return MemoryPath.parse(this, joined.toString());
    }

    /** {@code regex:} and {@code glob:} (see {@link Globs}) matching the path's text. */
    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        int colon = syntaxAndPattern.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("expected syntax:pattern, got " + syntaxAndPattern);
        }
        String syntax = syntaxAndPattern.substring(0, colon);
        String pattern = syntaxAndPattern.substring(colon + 1);
        Pattern regex = switch (syntax.toLowerCase(java.util.Locale.ROOT)) {
            case "regex" -> Pattern.compile(pattern);
            case "glob" -> Pattern.compile(Globs.toRegex(pattern));
            default -> throw new UnsupportedOperationException("syntax '" + syntax + "' not recognized");
        };
        return path -> regex.matcher(path.toString()).matches();
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("no users in the memory file system");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("no watch service in the memory file system");
    }

    @Override
    public String toString() {
        return MemoryFileSystemProvider.SCHEME + "://" + id;
    }
}
