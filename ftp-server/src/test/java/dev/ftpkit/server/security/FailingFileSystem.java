package dev.ftpkit.server.security;

import dev.ftpkit.server.internal.files.ForwardingByteChannel;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The default file system with a fault injected into writes: after {@code allowedBytes} bytes every channel opened
 * for writing throws the given failure (e.g. "No space left on device"), or opening for write fails at once. Or
 * into directory reads: after {@code allowedEntries} entries a directory stream throws the failure (a disk that
 * fails in the middle of a listing). Test scope only; just enough of the NIO SPI for the server's use.
 */
final class FailingFileSystem extends FileSystem {

    /** Makes the failure for a path. */
    interface Failure {
        IOException on(Path path);
    }

    private final FileSystem delegate;
    private final Provider provider = new Provider();
    private final long allowedBytes;
    private final long allowedEntries;
    private final Failure failure;

    private FailingFileSystem(FileSystem delegate, long allowedBytes, long allowedEntries, Failure failure) {
        this.delegate = delegate;
        this.allowedBytes = allowedBytes;
        this.allowedEntries = allowedEntries;
        this.failure = failure;
    }

    /** A view of {@code dir} whose write channels fail after {@code allowedBytes} bytes. */
    static Path wrap(Path dir, long allowedBytes, Failure failure) {
        return new FailingFileSystem(dir.getFileSystem(), allowedBytes, Long.MAX_VALUE, failure).wrapPath(dir);
    }

    /** A view of {@code dir} whose directory streams fail after {@code allowedEntries} entries. */
    static Path failingListings(Path dir, long allowedEntries, Failure failure) {
        return new FailingFileSystem(dir.getFileSystem(), Long.MAX_VALUE, allowedEntries, failure).wrapPath(dir);
    }

    WrappedPath wrapPath(Path p) {
        return p == null ? null : new WrappedPath(this, p);
    }

    static Path unwrap(Path p) {
        if (p instanceof WrappedPath w) {
            return w.delegate;
        }
        throw new ProviderMismatchException("not a failing file system path: " + p);
    }

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return delegate.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        delegate.getRootDirectories().forEach(r -> roots.add(wrapPath(r)));
        return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return delegate.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return delegate.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrapPath(delegate.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher m = delegate.getPathMatcher(syntaxAndPattern);
        return p -> m.matches(unwrap(p));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return delegate.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException();
    }

    /** A path of the failing file system: the default file system's path inside. */
    static final class WrappedPath implements Path {
        private final FailingFileSystem fs;
        final Path delegate;

        WrappedPath(FailingFileSystem fs, Path delegate) {
            this.fs = fs;
            this.delegate = delegate;
        }

        private WrappedPath w(Path p) {
            return fs.wrapPath(p);
        }

        @Override
        public FileSystem getFileSystem() {
            return fs;
        }

        @Override
        public boolean isAbsolute() {
            return delegate.isAbsolute();
        }

        @Override
        public Path getRoot() {
            return w(delegate.getRoot());
        }

        @Override
        public Path getFileName() {
            return w(delegate.getFileName());
        }

        @Override
        public Path getParent() {
            return w(delegate.getParent());
        }

        @Override
        public int getNameCount() {
            return delegate.getNameCount();
        }

        @Override
        public Path getName(int index) {
            return w(delegate.getName(index));
        }

        @Override
        public Path subpath(int beginIndex, int endIndex) {
            return w(delegate.subpath(beginIndex, endIndex));
        }

        @Override
        public boolean startsWith(Path other) {
            return other instanceof WrappedPath o && delegate.startsWith(o.delegate);
        }

        @Override
        public boolean endsWith(Path other) {
            return other instanceof WrappedPath o && delegate.endsWith(o.delegate);
        }

        @Override
        public Path normalize() {
            return w(delegate.normalize());
        }

        @Override
        public Path resolve(Path other) {
            return w(delegate.resolve(unwrap(other)));
        }

        @Override
        public Path resolve(String other) {
            return w(delegate.resolve(other));
        }

        @Override
        public Path relativize(Path other) {
            return w(delegate.relativize(unwrap(other)));
        }

        @Override
        public URI toUri() {
            return delegate.toUri();
        }

        @Override
        public Path toAbsolutePath() {
            return w(delegate.toAbsolutePath());
        }

        @Override
        public Path toRealPath(LinkOption... options) throws IOException {
            return w(delegate.toRealPath(options));
        }

        @Override
        public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int compareTo(Path other) {
            return delegate.compareTo(unwrap(other));
        }

        @Override
        public Iterator<Path> iterator() {
            List<Path> names = new ArrayList<>();
            delegate.forEach(n -> names.add(w(n)));
            return names.iterator();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof WrappedPath o && o.fs == fs && o.delegate.equals(delegate);
        }

        @Override
        public int hashCode() {
            return delegate.hashCode();
        }

        @Override
        public String toString() {
            return delegate.toString();
        }
    }

    /** Delegates to the default provider, wrapping write channels. */
    final class Provider extends FileSystemProvider {
        private FileSystemProvider real() {
            return delegate.provider();
        }

        @Override
        public String getScheme() {
            return "failing";
        }

        @Override
        public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileSystem getFileSystem(URI uri) {
            return FailingFileSystem.this;
        }

        @Override
        public Path getPath(URI uri) {
            return wrapPath(real().getPath(uri));
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                FileAttribute<?>... attrs) throws IOException {
            boolean writing = options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
            if (writing && allowedBytes < 0) {
                throw failure.on(path);
            }
            SeekableByteChannel channel = real().newByteChannel(unwrap(path), options, attrs);
            return writing ? new Limited(channel, path) : channel;
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
                throws IOException {
            DirectoryStream<Path> stream = real().newDirectoryStream(unwrap(dir), p -> filter.accept(wrapPath(p)));
            return new DirectoryStream<>() {
                @Override
                public Iterator<Path> iterator() {
                    Iterator<Path> it = stream.iterator();
                    return new Iterator<>() {
                        private long given;

                        @Override
                        public boolean hasNext() {
                            if (given >= allowedEntries) {
                                throw new DirectoryIteratorException(failure.on(dir));
                            }
                            return it.hasNext();
                        }

                        @Override
                        public Path next() {
                            given++;
                            return wrapPath(it.next());
                        }
                    };
                }

                @Override
                public void close() throws IOException {
                    stream.close();
                }
            };
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            real().createDirectory(unwrap(dir), attrs);
        }

        @Override
        public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) throws IOException {
            real().createSymbolicLink(unwrap(link), unwrap(target), attrs);
        }

        @Override
        public Path readSymbolicLink(Path link) throws IOException {
            return wrapPath(real().readSymbolicLink(unwrap(link)));
        }

        @Override
        public void delete(Path path) throws IOException {
            real().delete(unwrap(path));
        }

        @Override
        public void copy(Path source, Path target, CopyOption... options) throws IOException {
            real().copy(unwrap(source), unwrap(target), options);
        }

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            real().move(unwrap(source), unwrap(target), options);
        }

        @Override
        public boolean isSameFile(Path path, Path path2) throws IOException {
            return real().isSameFile(unwrap(path), unwrap(path2));
        }

        @Override
        public boolean isHidden(Path path) throws IOException {
            return real().isHidden(unwrap(path));
        }

        @Override
        public FileStore getFileStore(Path path) throws IOException {
            return real().getFileStore(unwrap(path));
        }

        @Override
        public void checkAccess(Path path, AccessMode... modes) throws IOException {
            real().checkAccess(unwrap(path), modes);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return real().getFileAttributeView(unwrap(path), type, options);
        }

        @Override
        public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
                throws IOException {
            return real().readAttributes(unwrap(path), type, options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
                throws IOException {
            return real().readAttributes(unwrap(path), attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
            real().setAttribute(unwrap(path), attribute, value, options);
        }
    }

    /** A write channel that fails once more than the allowed bytes were written. */
    private final class Limited extends ForwardingByteChannel {
        private final Path path;
        private long written;

        Limited(SeekableByteChannel channel, Path path) {
            super(channel);
            this.path = path;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            if (written + src.remaining() > allowedBytes) {
                throw failure.on(path);
            }
            int n = channel.write(src);
            written += n;
            return n;
        }
    }
}
