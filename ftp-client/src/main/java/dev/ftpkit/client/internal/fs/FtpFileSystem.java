package dev.ftpkit.client.internal.fs;

import dev.ftpkit.client.FtpConnectionPool;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/** The files of one FTP server, as one login sees them; connections come from a pool. */
final class FtpFileSystem extends FileSystem {

    private final RemoteFileSystemProvider provider;
    private final String key;
    private final FileSystemSettings settings;
    private final RemoteFiles files = new RemoteFiles(this);
    private volatile boolean open = true;

    FtpFileSystem(RemoteFileSystemProvider provider, String key, FileSystemSettings settings) {
        this.provider = provider;
        this.key = key;
        this.settings = settings;
    }

    RemoteFiles files() {
        return files;
    }

    /** A connection for one operation or stream; closing the lease returns it. */
    FtpConnectionPool.Lease lease() throws IOException {
        if (!open) {
            throw new ClosedFileSystemException();
        }
        return settings.pool().borrow(settings.endpoint());
    }

    /** {@code scheme://host:port/path}, without user info (so no password ends up in a URI). */
    URI uri(String absolutePath) {
        try {
            return new URI(provider.getScheme(), null, settings.endpoint().host(), settings.endpoint().port(),
                    absolutePath, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot make a URI of " + absolutePath, e);
        }
    }

    @Override
    public RemoteFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        if (open) {
            open = false;
            provider.forget(key, this);
            if (settings.ownsPool()) {
                settings.pool().close();
            }
        }
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
        return List.of(FtpPath.root(this));
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
    public FtpPath getPath(String first, String... more) {
        return FtpPath.parse(this, first, more);
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        return Globs.matcher(syntaxAndPattern);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("FTP has no user principal lookup");
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("FTP servers send no change notifications");
    }

    @Override
    public String toString() {
        return uri("/").toString();
    }
}
