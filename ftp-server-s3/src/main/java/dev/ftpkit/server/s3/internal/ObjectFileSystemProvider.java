package dev.ftpkit.server.s3.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.spi.FileSystemProvider;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.nio.spi.s3.S3OpenOption;

/**
 * The operations of {@link ObjectFileSystem}, each turned into requests to the AWS NIO provider ({@code store}).
 * Not registered as a service: its file systems are made by {@code S3Storage} only.
 */
final class ObjectFileSystemProvider extends FileSystemProvider {

    private final ObjectFileSystem fs;
    private final FileSystemProvider store;

    ObjectFileSystemProvider(ObjectFileSystem fs, FileSystemProvider store) {
        this.fs = fs;
        this.store = store;
    }

    @Override
    public String getScheme() {
        return "ftpkit-s3";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("made by S3Storage");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("made by S3Storage");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("made by S3Storage");
    }

    // --- attributes: a key is a file if its object exists, else a directory if anything lies under key/ ---

    ObjectAttributes attributes(ObjectPath path) throws IOException {
        if (path.listed().isPresent()) {
            return path.listed().get();
        }
        ObjectPath p = path.toAbsolutePath();
        if (p.names().isEmpty()) {
            return ObjectAttributes.ofDirectory("");
        }
        Path file = fs.storeFile(p);
        if (exists(file)) {
            return ObjectAttributes.ofFile(p.key(), store.readAttributes(file, BasicFileAttributes.class));
        }
        if (exists(fs.storeDirectory(p))) {
            return ObjectAttributes.ofDirectory(p.key() + "/");
        }
        throw new NoSuchFileException(p.toString());
    }

    /** HEAD for an object, a LIST for a prefix: no exception logged for a missing key. */
    private boolean exists(Path storePath) throws IOException {
        try {
            store.checkAccess(storePath);
            return true;
        } catch (IOException e) {
            if (notFound(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The provider reports a missing key as an IOException caused by the SDK's 404 (NoSuchKey). */
    private static boolean notFound(IOException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException
                    || t instanceof SdkServiceException service && service.statusCode() == 404) {
                return true;
            }
        }
        return false;
    }

    private Optional<ObjectAttributes> existing(ObjectPath path) throws IOException {
        try {
            return Optional.of(attributes(path));
        } catch (NoSuchFileException missing) {
            return Optional.empty();
        }
    }

    private boolean isDirectory(ObjectPath path) throws IOException {
        try {
            return attributes(path).isDirectory();
        } catch (NoSuchFileException missing) {
            return false;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        if (!type.isAssignableFrom(ObjectAttributes.class)) {
            throw new UnsupportedOperationException("object storage has basic attributes only");
        }
        return (A) attributes(cast(path));
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        ObjectAttributes a = attributes(cast(path));
        return Map.of("size", a.size(), "lastModifiedTime", a.lastModifiedTime(), "isDirectory", a.isDirectory(),
                "isRegularFile", a.isRegularFile(), "isSymbolicLink", false, "isOther", false, "fileKey", a.key());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        ObjectPath p = cast(path);
        return (V) new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return attributes(p);
            }

            @Override
            public void setTimes(FileTime modified, FileTime access, FileTime create) {
                throw new UnsupportedOperationException("an object's time is set by the store when it is written");
            }
        };
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) {
        throw new UnsupportedOperationException("object attributes are set by the store");
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        attributes(cast(path));
    }

    // --- contents ---

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                              FileAttribute<?>... attrs) throws IOException {
        ObjectPath p = cast(path).toAbsolutePath();
        if (options.contains(StandardOpenOption.APPEND)) {
            throw new UnsupportedOperationException("object storage cannot append to an object");
        }
        boolean write = options.contains(StandardOpenOption.WRITE);
        if (!write) {
            if (attributes(p).isDirectory()) {
                throw new FileSystemException(p.toString(), null, "is a directory");
            }
            return store.newByteChannel(fs.storeFile(p), options, attrs);
        }
        Set<OpenOption> storeOptions = new HashSet<>(options);
        if (options.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            // Replacing it whole. The provider's write channel starts from a local copy of the old object unless
            // told the object does not exist (which also makes the PUT conditional: If-None-Match *, so it would
            // fail on an existing one). So: a new object is PUT conditionally; of an existing one only the first
            // byte is fetched (a range GET), then truncated away locally.
            Optional<ObjectAttributes> old = existing(p);
            if (old.isEmpty()) {
                storeOptions.add(S3OpenOption.assumeObjectNotExists());
            } else if (old.get().size() > 0) {
                storeOptions.add(S3OpenOption.range(0, 0));
            }
        }
        return store.newByteChannel(fs.storeFile(p), storeOptions, attrs);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        ObjectPath d = cast(dir).toAbsolutePath();
        if (!attributes(d).isDirectory()) {
            throw new NotDirectoryException(d.toString());
        }
        // one ListObjectsV2 page (at most 1000 keys) at a time, as the listing is read: a large prefix is never held
        // whole, and each entry carries the size and time its page gave
        String prefix = d.names().isEmpty() ? "" : d.key() + "/";
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                return new Children(fs.bucket(), prefix, d, filter);
            }

            @Override
            public void close() {
                // nothing held between pages
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        ObjectPath d = cast(dir).toAbsolutePath();
        ObjectPath parent = d.getParent();
        if (parent == null) {
            throw new FileAlreadyExistsException("/");
        }
        if (!isDirectory(parent)) {
            throw new NoSuchFileException(parent.toString());
        }
        if (exists(fs.storeFile(d)) || exists(fs.storeDirectory(d))) {
            throw new FileAlreadyExistsException(d.toString());
        }
        store.createDirectory(fs.storeDirectory(d));
    }

    @Override
    public void delete(Path path) throws IOException {
        ObjectPath p = cast(path).toAbsolutePath();
        ObjectAttributes a = attributes(p);
        if (a.isRegularFile()) {
            store.delete(fs.storeFile(p));
            return;
        }
        if (p.names().isEmpty()) {
            throw new FileSystemException("/", null, "the bucket's root cannot be deleted");
        }
        if (!fs.bucket().list(p.key() + "/", Optional.empty()).entries().isEmpty()) {
            throw new DirectoryNotEmptyException(p.toString());
        }
        store.delete(fs.storeDirectory(p)); // the marker object, if MKD made one
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        ObjectPath from = cast(source).toAbsolutePath();
        ObjectPath to = cast(target).toAbsolutePath();
        if (attributes(from).isDirectory()) {
            throw new UnsupportedOperationException("directories are prefixes: copying one copies every object");
        }
        boolean replace = Set.of(options).contains(StandardCopyOption.REPLACE_EXISTING);
        if (exists(fs.storeDirectory(to)) || (!replace && exists(fs.storeFile(to)))) {
            throw new FileAlreadyExistsException(to.toString());
        }
        fs.bucket().copy(from.key(), to.key());
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        if (Set.of(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
            throw new AtomicMoveNotSupportedException(source.toString(), target.toString(),
                    "object storage renames by copy and delete");
        }
        copy(source, target, options); // a server-side copy (CopyObject): no bytes pass through here
        store.delete(fs.storeFile(cast(source).toAbsolutePath()));
    }

    @Override
    public boolean isSameFile(Path path, Path path2) {
        return path.toAbsolutePath().equals(path2.toAbsolutePath());
    }

    @Override
    public boolean isHidden(Path path) {
        return false;
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("object storage has no file store");
    }

    private ObjectPath cast(Path path) {
        if (!(path instanceof ObjectPath p) || p.getFileSystem() != fs) {
            throw new ProviderMismatchException("not a path of this bucket: " + path);
        }
        return p;
    }

    /** A prefix's children, page by page, as this file system's paths, filtered. */
    private static final class Children implements Iterator<Path> {
        private final BucketClient bucket;
        private final String prefix;
        private final ObjectPath dir;
        private final DirectoryStream.Filter<? super Path> filter;
        private Iterator<BucketClient.Entry> page = java.util.Collections.emptyIterator();
        private Optional<String> continuation = Optional.empty();
        private boolean lastPage;
        private Path next;

        Children(BucketClient bucket, String prefix, ObjectPath dir, DirectoryStream.Filter<? super Path> filter) {
            this.bucket = bucket;
            this.prefix = prefix;
            this.dir = dir;
            this.filter = filter;
        }

        @Override
        public boolean hasNext() {
            try {
                while (next == null && (page.hasNext() || !lastPage)) {
                    if (!page.hasNext()) {
                        BucketClient.Page read = bucket.list(prefix, continuation);
                        page = read.entries().iterator();
                        continuation = read.next();
                        lastPage = continuation.isEmpty();
                        continue;
                    }
                    BucketClient.Entry e = page.next();
                    String key = prefix + e.name();
                    ObjectPath child = dir.child(e.name(), e.directory() ? ObjectAttributes.ofDirectory(key + "/")
                            : new ObjectAttributes(key, false, e.size(), e.modified()));
                    if (filter.accept(child)) {
                        next = child;
                    }
                }
            } catch (IOException e) {
                throw new DirectoryIteratorException(e);
            }
            return next != null;
        }

        @Override
        public Path next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Path result = next;
            next = null;
            return result;
        }
    }
}
