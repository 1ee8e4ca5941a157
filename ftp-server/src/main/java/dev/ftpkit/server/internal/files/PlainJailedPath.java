package dev.ftpkit.server.internal.files;

import dev.ftpkit.server.JailedPath;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttributeView;
import java.util.Set;

/**
 * A jailed path used by name, for file systems without {@link java.nio.file.SecureDirectoryStream} (the memory
 * and zip file systems): no handle to anchor to, and nothing there swaps a directory for a link behind the
 * jail's back.
 */
final class PlainJailedPath implements JailedPath {

    private final Path path;
    private final LinkOption[] linkOptions;

    /**
     * @param path   the checked path
     * @param follow whether a final link was asked to be followed (the jail checked its target)
     */
    PlainJailedPath(Path path, boolean follow) {
        this.path = path;
        this.linkOptions = follow ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public BasicFileAttributes attributes() throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class, linkOptions);
    }

    @Override
    public <V extends FileAttributeView> V attributeView(Class<V> type) {
        return Files.getFileAttributeView(path, type, linkOptions);
    }

    @Override
    public SeekableByteChannel newByteChannel(Set<? extends OpenOption> options) throws IOException {
        return Files.newByteChannel(path, options);
    }

    @Override
    public void deleteFile() throws IOException {
        Files.delete(path);
    }

    @Override
    public void deleteDirectory() throws IOException {
        Files.delete(path);
    }

    @Override
    public void createDirectory() throws IOException {
        Files.createDirectory(path);
    }

    @Override
    public void renameTo(JailedPath target) throws IOException {
        Path to = target.path();
        if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(path, to); // fails with "file exists" rather than replacing a directory
            return;
        }
        try {
            Files.move(path, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException | UnsupportedOperationException e) {
            Files.move(path, to, StandardCopyOption.REPLACE_EXISTING); // rename(2) semantics
        }
    }

    @Override
    public JailedPath sibling(String name) {
        return new PlainJailedPath(path.resolveSibling(name), false);
    }

    @Override
    public void close() {
        // nothing held
    }
}
