package dev.ftpkit.server.internal.files;

import dev.ftpkit.server.JailedPath;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Finds a path under the home through directory handles, {@code openat}-style: from a handle on the home's real
 * path, each directory on the way is opened relative to the previous handle with {@code NOFOLLOW_LINKS}. A link
 * on the way is read and its target resolved here, as text against the directory handle's real path, then
 * walked again from the home; a target outside the home is refused. What was checked is therefore what is used:
 * no later swap of a directory for a link can redirect the operation (issue 13, attack 3).
 */
final class DirectoryWalk {

    /** As Linux's MAXSYMLINKS: more links on one path is a loop. */
    private static final int MAX_LINKS = 40;

    private DirectoryWalk() {
    }

    /** The handles a found path holds: the home's (MKD stages there) and the parent directory's. */
    static final class Handles {
        private final SecureDirectoryStream<Path> home;
        private final Path homePath;
        private SecureDirectoryStream<Path> current;

        Handles(SecureDirectoryStream<Path> home, Path homePath) {
            this.home = home;
            this.homePath = homePath;
            this.current = home;
        }

        SecureDirectoryStream<Path> home() {
            return home;
        }

        Path homePath() {
            return homePath;
        }

        void descend(SecureDirectoryStream<Path> child) {
            closeCurrent();
            current = child;
        }

        private void closeCurrent() {
            if (current != home) {
                DirectoryWalk.closeQuietly(current);
            }
        }

        void close() {
            closeCurrent();
            DirectoryWalk.closeQuietly(home);
        }
    }

    /**
     * Walks {@code segments} from {@code realHome}.
     *
     * @param realHome    the home's real path
     * @param segments    the path's segments under the home (already normalized: no {@code .} or {@code ..})
     * @param followFinal whether a link as the last segment is followed (RETR, SIZE) or used itself (DELE, RNFR)
     * @param shown       the path for messages
     * @return the anchored path, or empty when the file system offers no {@link SecureDirectoryStream}
     * @throws AccessDeniedException if a link leads out of the home
     * @throws NoSuchFileException   if a directory on the way is missing
     */
    static Optional<JailedPath> walk(Path realHome, List<String> segments, boolean followFinal, Path shown)
            throws IOException {
        Deque<String> pending = new ArrayDeque<>(segments);
        for (int links = 0; links <= MAX_LINKS; links++) {
            DirectoryStream<Path> opened = Files.newDirectoryStream(realHome);
            if (!(opened instanceof SecureDirectoryStream<Path> home)) {
                opened.close();
                return Optional.empty();
            }
            Handles handles = new Handles(home, realHome);
            boolean done = false;
            try {
                Deque<String> next = walkOnce(handles, pending, followFinal, shown);
                if (next == null) {
                    done = true;
                    return Optional.of(found(handles, pending, shown));
                }
                pending = next;
            } finally {
                if (!done) {
                    handles.close();
                }
            }
        }
        throw new FileSystemException(shown.toString(), null, "too many levels of symbolic links");
    }

    /**
     * Descends through every segment but the last (and the last too when it is a followed link). Returns null
     * when the parent of the last segment is reached ({@code pending} then holds just that segment, or nothing
     * for the home itself), or the segments to walk from the home again after a link.
     */
    private static Deque<String> walkOnce(Handles handles, Deque<String> pending, boolean followFinal, Path shown)
            throws IOException {
        Path dirPath = handles.homePath();
        while (!pending.isEmpty()) {
            String segment = pending.peekFirst();
            boolean last = pending.size() == 1;
            Path name = dirPath.getFileSystem().getPath(segment);
            BasicFileAttributes attributes;
            try {
                attributes = handles.current.getFileAttributeView(name, BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).readAttributes();
            } catch (NoSuchFileException missing) {
                if (last) {
                    return null;
                }
                throw new NoSuchFileException(shown.toString());
            }
            if (attributes.isSymbolicLink() && (!last || followFinal)) {
                pending.removeFirst();
                return afterLink(handles.homePath(), dirPath, segment, pending, shown);
            }
            if (last) {
                return null;
            }
            if (!attributes.isDirectory()) {
                throw new NotDirectoryException(shown.toString());
            }
            handles.descend(handles.current.newDirectoryStream(name, LinkOption.NOFOLLOW_LINKS));
            dirPath = dirPath.resolve(segment);
            pending.removeFirst();
        }
        return null;
    }

    /**
     * The segments to walk from the home after the link {@code segment} in {@code dirPath}. Every directory
     * walked so far is a real one, so the target resolves as text; whatever the link says, only a target inside
     * the home is walked, and only through handles.
     */
    private static Deque<String> afterLink(Path realHome, Path dirPath, String segment, Deque<String> rest,
                                           Path shown) throws IOException {
        Path target = dirPath.resolve(Files.readSymbolicLink(dirPath.resolve(segment))).normalize();
        if (!target.startsWith(realHome)) {
            throw new AccessDeniedException(shown.toString(), null, "link leads out of the home directory");
        }
        Deque<String> next = new ArrayDeque<>();
        for (Path part : realHome.relativize(target)) {
            if (!part.toString().isEmpty()) {
                next.add(part.toString());
            }
        }
        next.addAll(rest);
        return next;
    }

    private static JailedPath found(Handles handles, Deque<String> pending, Path shown) {
        String last = pending.isEmpty() ? "." : pending.peekFirst();
        return new AnchoredPath(handles, handles.current, shown.getFileSystem().getPath(last), shown, true);
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // a directory handle that fails to close has nothing left to tell
        }
    }
}
