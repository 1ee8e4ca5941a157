package dev.ftpkit.server;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttributeView;
import java.util.Set;

/**
 * A file or directory under a jail's home, found so that what the jail checked is what an operation uses: where
 * the file system offers {@link java.nio.file.SecureDirectoryStream}, it is a name inside a directory handle
 * reached from the home one component at a time without following links (a name inside a directory handle); elsewhere (the
 * memory and zip file systems, which have no links or no concurrent link changes) it is the checked path
 * (the checked path itself). Closing it releases the directory handles.
 */
public interface JailedPath extends Closeable {

    /** The path, for messages; operations never reopen it by name when anchored. */
    Path path();

    /**
     * The attributes of the file itself (a link is not followed: links the caller asked to follow were already
     * followed, inside the home, when the path was found).
     *
     * @throws java.nio.file.NoSuchFileException if nothing is there
     */
    BasicFileAttributes attributes() throws IOException;

    /**
     * A view of the file's attributes that does not follow a final link, or null if the file system has none of
     * that type.
     */
    <V extends FileAttributeView> V attributeView(Class<V> type);

    /** Whether something (a link too) is there. */
    default boolean exists() throws IOException {
        try {
            attributes();
            return true;
        } catch (java.nio.file.NoSuchFileException missing) {
            return false;
        }
    }

    /** Opens the file; a link put there since the path was found is not followed. */
    SeekableByteChannel newByteChannel(Set<? extends OpenOption> options) throws IOException;

    /**
     * Opens the directory for a listing. Where the path is anchored, the stream is a
     * {@link java.nio.file.SecureDirectoryStream} opened relative to the checked parent handle without following
     * a link: read the entries' attributes through it ({@code getFileAttributeView(entry.getFileName(), ...,
     * NOFOLLOW_LINKS)}), never by the entries' paths, so a directory swapped for a link meanwhile shows nothing
     * from outside the home. Elsewhere it is the directory opened by name.
     *
     * @return the open directory; the caller closes it (it stays usable after this path is closed)
     * @throws java.nio.file.NotDirectoryException if the path is not a directory
     */
    default DirectoryStream<Path> newDirectoryStream() throws IOException {
        return Files.newDirectoryStream(path());
    }

    /** Deletes a file or link (DELE). */
    void deleteFile() throws IOException;

    /** Deletes an empty directory (RMD). */
    void deleteDirectory() throws IOException;

    /** Creates a directory (MKD); fails with {@code FileAlreadyExistsException} if the name is taken. */
    void createDirectory() throws IOException;

    /**
     * Renames onto {@code target} with rename(2) semantics (a file there is replaced atomically where the file
     * system can), except that a directory there is never replaced.
     *
     * @param target a path found by the same jail
     */
    void renameTo(JailedPath target) throws IOException;

    /** Another name in the same directory (an upload's temporary file), sharing this one's handles. */
    JailedPath sibling(String name);

    @Override
    void close();
}
