package dev.ftpkit.server.internal.files;

import dev.ftpkit.server.JailedPath;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttributeView;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * A name inside a directory handle that {@link DirectoryWalk} reached from the home without following links:
 * every operation is relative to the handle ({@code openat}, {@code fstatat}, {@code unlinkat},
 * {@code renameat}) and never follows a final link, so swapping a directory on the way for a link after the
 * check changes nothing (issue 13, attack 3).
 */
final class AnchoredPath implements JailedPath {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DirectoryWalk.Handles handles;
    private final SecureDirectoryStream<Path> parent;
    private final Path name;
    private final Path path;
    private final boolean owner;

    AnchoredPath(DirectoryWalk.Handles handles, SecureDirectoryStream<Path> parent, Path name, Path path,
                 boolean owner) {
        this.handles = handles;
        this.parent = parent;
        this.name = name;
        this.path = path;
        this.owner = owner;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public BasicFileAttributes attributes() throws IOException {
        return parent.getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
    }

    @Override
    public <V extends FileAttributeView> V attributeView(Class<V> type) {
        return parent.getFileAttributeView(name, type, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public SeekableByteChannel newByteChannel(Set<? extends OpenOption> options) throws IOException {
        Set<OpenOption> noFollow = new HashSet<>(options);
        noFollow.add(LinkOption.NOFOLLOW_LINKS);
        return parent.newByteChannel(name, noFollow);
    }

    /** {@code openat(O_NOFOLLOW | O_DIRECTORY)} relative to the parent handle: a link there now fails. */
    @Override
    public DirectoryStream<Path> newDirectoryStream() throws IOException {
        return parent.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void deleteFile() throws IOException {
        parent.deleteFile(name);
    }

    @Override
    public void deleteDirectory() throws IOException {
        parent.deleteDirectory(name);
    }

    /**
     * SecureDirectoryStream has no mkdirat: the directory is made under the home's real path (whose parts are
     * the operator's, not the client's), hidden like an upload's temporary file, then renamed into the handle.
     */
    @Override
    public void createDirectory() throws IOException {
        if (exists()) {
            throw new FileAlreadyExistsException(path.toString());
        }
        String stage = TemporaryNames.PREFIX + HexFormat.of().toHexDigits(RANDOM.nextLong()) + ".dir";
        Path staged = path.getFileSystem().getPath(stage);
        Files.createDirectory(handles.homePath().resolve(stage));
        boolean moved = false;
        try {
            handles.home().move(staged, parent, name);
            moved = true;
        } finally {
            if (!moved) {
                try {
                    handles.home().deleteDirectory(staged);
                } catch (IOException ignored) {
                    // hidden from listings; the original failure is what the client hears about
                }
            }
        }
    }

    @Override
    public void renameTo(JailedPath target) throws IOException {
        AnchoredPath to = (AnchoredPath) target;
        if (to.exists() && to.attributes().isDirectory()) {
            throw new FileAlreadyExistsException(to.path.toString());
        }
        parent.move(name, to.parent, to.name);
    }

    @Override
    public JailedPath sibling(String siblingName) {
        Path sibling = path.getFileSystem().getPath(siblingName);
        return new AnchoredPath(handles, parent, sibling, path.resolveSibling(siblingName), false);
    }

    @Override
    public void close() {
        if (owner) {
            handles.close();
        }
    }
}
