package dev.ftpkit.server.s3.internal;

import dev.ftpkit.server.CommitsAtClose;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A bucket as a file system with the semantics an FTP root needs, on top of the AWS NIO provider's file system
 * ({@code store}): directories are prefixes and are named without a trailing {@code /}; MKD makes a marker object;
 * RMD refuses a non-empty prefix; rename is copy and delete; writes appear whole at close ({@link CommitsAtClose}).
 * Every request to the store goes through the provider.
 */
public final class ObjectFileSystem extends FileSystem implements CommitsAtClose {

    private final FileSystem store;
    private final BucketClient bucket;
    private final ObjectFileSystemProvider provider;
    private volatile boolean open = true;

    /**
     * Wraps a bucket's file system of the AWS NIO provider.
     *
     * @param store  the provider's file system of one bucket, configured, using {@code bucket} as its client
     * @param bucket the same bucket's client, for listings and copies
     */
    public ObjectFileSystem(FileSystem store, BucketClient bucket) {
        this.store = store;
        this.bucket = bucket;
        this.provider = new ObjectFileSystemProvider(this, store.provider());
    }

    BucketClient bucket() {
        return bucket;
    }

    /** The provider's path of the object that holds a file. */
    Path storeFile(ObjectPath path) {
        return store.getPath("/" + path.key());
    }

    /** The provider's path of a directory (the prefix {@code key/}, and its marker object). */
    Path storeDirectory(ObjectPath path) {
        String key = path.key();
        return store.getPath(key.isEmpty() ? "/" : "/" + key + "/");
    }

    URI uriOf(ObjectPath path) {
        return storeFile(path).toUri();
    }

    @Override
    public ObjectFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() throws IOException {
        open = false;
        store.close();
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
        return List.of(getPath("/"));
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return Set.of("basic");
    }

    @Override
    public Path getPath(String first, String... more) {
        StringBuilder text = new StringBuilder(first);
        for (String part : more) {
            text.append('/').append(part);
        }
        return ObjectPath.parse(this, text.toString());
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        throw new UnsupportedOperationException("no path matchers on object storage");
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("object storage has no users");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("object storage has no watch service");
    }

    @Override
    public OpenOption commitIf(BooleanSupplier decision) {
        return new CommitGate(decision);
    }
}
