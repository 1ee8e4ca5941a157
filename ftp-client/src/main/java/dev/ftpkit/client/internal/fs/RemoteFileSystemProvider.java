package dev.ftpkit.client.internal.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code java.nio.file} provider for one FTP scheme. It keeps the open file systems by scheme, host and port,
 * and turns each {@code Files} operation into FTP commands through {@link RemoteFiles}.
 */
public abstract class RemoteFileSystemProvider extends FileSystemProvider {

    private final String scheme;
    private final int defaultPort;
    private final boolean implicitTls;
    /** Guarded by {@code this}. */
    private final Map<String, FtpFileSystem> fileSystems = new HashMap<>();

    RemoteFileSystemProvider(String scheme, int defaultPort, boolean implicitTls) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
        this.implicitTls = implicitTls;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    // ---------------------------------------------------------------- file systems

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
        String key = key(uri);
        FileSystemSettings settings = FileSystemSettings.from(uri, env, implicitTls, defaultPort);
        FtpFileSystem fileSystem = new FtpFileSystem(this, key, settings);
        synchronized (this) {
            if (fileSystems.containsKey(key)) {
                if (settings.ownsPool()) {
                    settings.pool().close();
                }
                throw new FileSystemAlreadyExistsException(key);
            }
            fileSystems.put(key, fileSystem);
        }
        try {
            // Logs in once now, so a wrong address or password fails here rather than at the first operation.
            fileSystem.lease().close();
        } catch (IOException | RuntimeException e) {
            fileSystem.close();
            throw e;
        }
        return fileSystem;
    }

    @Override
    public synchronized FileSystem getFileSystem(URI uri) {
        FtpFileSystem fileSystem = fileSystems.get(key(uri));
        if (fileSystem == null) {
            throw new FileSystemNotFoundException(key(uri));
        }
        return fileSystem;
    }

    @Override
    public Path getPath(URI uri) {
        String path = uri.getPath();
        return getFileSystem(uri).getPath(path == null || path.isEmpty() ? "/" : path);
    }

    synchronized void forget(String key, FtpFileSystem fileSystem) {
        fileSystems.remove(key, fileSystem);
    }

    private String key(URI uri) {
        if (!scheme.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an " + scheme + " URI: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the URI names no host: " + uri);
        }
        int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    private static FtpPath ftp(Path path) {
        if (!(path instanceof FtpPath ftp)) {
            throw new ProviderMismatchException("not an FTP path: " + path);
        }
        return ftp;
    }

    private static RemoteFiles files(FtpPath path) {
        return path.getFileSystem().files();
    }

    private static void noAttributes(FileAttribute<?>... attributes) {
        if (attributes.length > 0) {
            throw new UnsupportedOperationException("FTP cannot set attributes on creation: "
                    + attributes[0].name());
        }
    }

    // ---------------------------------------------------------------- contents

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attributes) throws IOException {
        FtpPath file = ftp(path);
        noAttributes(attributes);
        if (options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)) {
            if (options.contains(StandardOpenOption.READ)) {
                throw new UnsupportedOperationException("an FTP channel reads or writes, not both");
            }
            return new RemoteChannels.Writing(newOutputStream(file, options.toArray(new OpenOption[0])));
        }
        RemoteAttributes found = FileAttributes.read(file);
        if (found.isDirectory()) {
            throw new FileSystemException(file.toString(), null, "is a directory");
        }
        return new RemoteChannels.Reading(offset -> files(file).newInputStream(file, offset), found.size());
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        for (OpenOption option : options) {
            if (option == StandardOpenOption.APPEND || option == StandardOpenOption.WRITE) {
                throw new UnsupportedOperationException("'" + option + "' not allowed for an input stream");
            }
        }
        FtpPath file = ftp(path);
        return files(file).newInputStream(file, 0);
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        FtpPath file = ftp(path);
        Set<OpenOption> set = options.length == 0
                ? Set.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)
                : new HashSet<>(Arrays.asList(options));
        if (set.contains(StandardOpenOption.READ)) {
            throw new IllegalArgumentException("READ not allowed for an output stream");
        }
        boolean append = set.contains(StandardOpenOption.APPEND);
        if (append && set.contains(StandardOpenOption.TRUNCATE_EXISTING)) {
            throw new IllegalArgumentException("APPEND and TRUNCATE_EXISTING together");
        }
        boolean mustBeNew = set.contains(StandardOpenOption.CREATE_NEW);
        boolean mayCreate = mustBeNew || set.contains(StandardOpenOption.CREATE);
        return files(file).newOutputStream(file, append, mustBeNew, mayCreate);
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        FtpPath directory = ftp(dir);
        List<RemoteFiles.Listed> entries = files(directory).list(directory);
        return new ListedDirectory(directory, entries, filter);
    }

    // ---------------------------------------------------------------- changes

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attributes) throws IOException {
        noAttributes(attributes);
        FtpPath directory = ftp(dir);
        files(directory).createDirectory(directory);
    }

    @Override
    public void delete(Path path) throws IOException {
        FtpPath file = ftp(path);
        files(file).delete(file);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        FtpPath from = ftp(source);
        FtpPath to = ftp(target);
        Set<CopyOption> set = Set.of(options);
        if (set.contains(StandardCopyOption.ATOMIC_MOVE)) {
            throw new UnsupportedOperationException("ATOMIC_MOVE is no copy option");
        }
        RemoteAttributes attributes = FileAttributes.read(from);
        if (isSameFile(from, to)) {
            return;
        }
        clearTarget(to, set.contains(StandardCopyOption.REPLACE_EXISTING));
        if (attributes.isDirectory()) {
            createDirectory(to);
        } else {
            try (InputStream in = newInputStream(from);
                 OutputStream out = newOutputStream(to)) {
                in.transferTo(out);
            }
        }
        if (set.contains(StandardCopyOption.COPY_ATTRIBUTES)) {
            try {
                files(to).setModified(to, attributes.modified());
            } catch (FileSystemException notSupported) {
                // Best effort, as Files.copy documents for attributes: servers without MFMT keep their own time.
            }
        }
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        FtpPath from = ftp(source);
        FtpPath to = ftp(target);
        Set<CopyOption> set = Set.of(options);
        boolean atomic = set.contains(StandardCopyOption.ATOMIC_MOVE);
        if (from.getFileSystem() != to.getFileSystem()) {
            if (atomic) {
                throw new AtomicMoveNotSupportedException(from.toString(), to.toString(), "another server");
            }
            copy(from, to, set.contains(StandardCopyOption.REPLACE_EXISTING)
                    ? new CopyOption[] {StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES}
                    : new CopyOption[] {StandardCopyOption.COPY_ATTRIBUTES});
            delete(from);
            return;
        }
        FileAttributes.read(from);
        if (isSameFile(from, to)) {
            return;
        }
        if (!atomic) {
            // RNTO onto an existing name replaces it on some servers and fails on others: decide here.
            clearTarget(to, set.contains(StandardCopyOption.REPLACE_EXISTING));
        }
        files(from).rename(from, to);
    }

    private void clearTarget(FtpPath target, boolean replace) throws IOException {
        RemoteFiles files = files(target);
        Optional<RemoteAttributes> existing = files.withClient(client -> files.find(client, target));
        if (existing.isPresent()) {
            if (!replace) {
                throw new FileAlreadyExistsException(target.toString());
            }
            files.delete(target);
        }
    }

    // ---------------------------------------------------------------- questions

    @Override
    public boolean isSameFile(Path path, Path other) {
        return path.equals(other) || (path instanceof FtpPath a && other instanceof FtpPath b
                && a.getFileSystem() == b.getFileSystem() && a.remote().equals(b.remote()));
    }

    @Override
    public boolean isHidden(Path path) {
        Path name = ftp(path).getFileName();
        return name != null && name.toString().startsWith(".");
    }

    @Override
    public FileStore getFileStore(Path path) {
        throw new UnsupportedOperationException("FTP reports no file stores");
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        FileAttributes.checkAccess(ftp(path), modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return FileAttributes.view(ftp(path), type);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        return FileAttributes.read(ftp(path), type);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        return FileAttributes.read(ftp(path), attributes);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        FileAttributes.set(ftp(path), attribute, value);
    }
}
