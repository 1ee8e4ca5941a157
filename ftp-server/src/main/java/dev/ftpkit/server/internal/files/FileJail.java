package dev.ftpkit.server.internal.files;

import dev.ftpkit.server.JailedPath;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Maps client paths to paths of the root's file system, inside one home directory that can never be left.
 *
 * <p>Client paths are FTP paths ({@code /} separated, absolute ones start at the home). They are normalized as
 * text first: {@code .} is dropped and {@code ..} pops a segment, and popping above the home is refused, so no
 * path with {@code ..} ever reaches the file system. Each segment is resolved on its own, so a segment holding
 * the file system's own separator (e.g. {@code \} on Windows) is refused. Finally the real path of the deepest
 * existing ancestor must lie inside the home's real path: a symbolic link leading out is refused (the
 * CVE-2010-4221 / CVE-2015-3306 class). Works on any {@link java.nio.file.FileSystem}; never uses
 * {@code toFile()}.
 */
public final class FileJail {

    private final Path home;
    private final Path realHome;
    // whether the provider opens directories as handles (SecureDirectoryStream): then paths are used through them
    private final boolean anchored;

    /**
     * Creates a jail at {@code home}, which must exist.
     *
     * @param home the home directory
     * @throws IOException if it does not exist
     */
    public FileJail(Path home) throws IOException {
        this.home = home.toAbsolutePath().normalize();
        this.realHome = this.home.toRealPath();
        try (DirectoryStream<Path> probe = Files.newDirectoryStream(realHome)) {
            this.anchored = probe instanceof SecureDirectoryStream;
        }
    }

    /** The home directory. */
    public Path home() {
        return home;
    }

    /**
     * Normalizes a client path against the working directory, as text.
     *
     * @param cwd     the working directory, an absolute FTP path
     * @param ftpPath the client's path, absolute or relative
     * @return the absolute FTP path, e.g. {@code "/a/b"}, {@code "/"} for the home
     * @throws AccessDeniedException if {@code ..} would leave the home or a segment is not acceptable
     */
    public String normalize(String cwd, String ftpPath) throws AccessDeniedException {
        return normalize(cwd, ftpPath, false);
    }

    /**
     * Normalizes a client path like {@link #normalize}, except that {@code ..} at the home stays at the home, as
     * {@code cd ..} does at a Unix root: for CWD and CDUP, where vsftpd, proftpd and pure-ftpd answer {@code 250}
     * and stay at {@code /}. The result is still inside the home.
     *
     * @param cwd     the working directory, an absolute FTP path
     * @param ftpPath the client's path, absolute or relative
     * @return the absolute FTP path
     * @throws AccessDeniedException if a segment is not acceptable
     */
    public String normalizeClamped(String cwd, String ftpPath) throws AccessDeniedException {
        return normalize(cwd, ftpPath, true);
    }

    private String normalize(String cwd, String ftpPath, boolean clamp) throws AccessDeniedException {
        Deque<String> segments = new ArrayDeque<>();
        String path = ftpPath.isEmpty() ? cwd : ftpPath;
        if (!path.startsWith("/")) {
            push(segments, cwd, ftpPath, clamp);
        }
        push(segments, path, ftpPath, clamp);
        if (segments.isEmpty()) {
            return "/";
        }
        StringBuilder b = new StringBuilder();
        for (String segment : segments) {
            b.append('/').append(segment);
        }
        return b.toString();
    }

    private void push(Deque<String> segments, String path, String original, boolean clamp)
            throws AccessDeniedException {
        String separator = home.getFileSystem().getSeparator();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty() && clamp) {
                    continue;
                }
                if (segments.isEmpty()) {
                    throw new AccessDeniedException(original, null, "path leaves the home directory");
                }
                segments.removeLast();
                continue;
            }
            if (!separator.equals("/") && segment.contains(separator)) {
                throw new AccessDeniedException(original, null, "path segment holds a separator");
            }
            segments.addLast(segment);
        }
    }

    /**
     * The file system path for an absolute, normalized FTP path (as returned by {@link #normalize}).
     *
     * @param normalized e.g. {@code "/a/b"}
     * @return the path under the home; not checked for links
     * @throws AccessDeniedException if a segment resolves out of the home
     */
    public Path toPath(String normalized) throws AccessDeniedException {
        Path p = home;
        for (String segment : normalized.split("/")) {
            if (!segment.isEmpty()) {
                p = p.resolve(segment);
            }
        }
        if (!p.normalize().startsWith(home)) {
            throw new AccessDeniedException(normalized, null, "path leaves the home directory");
        }
        return p;
    }

    /**
     * Resolves a client path and checks that following links keeps it inside the home.
     *
     * @param cwd     the working directory
     * @param ftpPath the client's path
     * @return the path (it may not exist; its parent chain is inside the home)
     * @throws AccessDeniedException if the path or a link on it leads out of the home
     * @throws IOException           if the file system fails
     */
    public Path resolve(String cwd, String ftpPath) throws IOException {
        return checkLinks(toPath(normalize(cwd, ftpPath)));
    }

    /**
     * Resolves a client path for an operation: checked like {@link #resolve}, then, where the file system has
     * directory handles, found again through them ({@link DirectoryWalk}) so that the operation uses what was
     * checked even if a directory on the way is swapped for a link meanwhile (issue 13, attack 3).
     *
     * @param cwd             the working directory
     * @param ftpPath         the client's path
     * @param followFinalLink whether a link as the last segment is followed (reading) or is itself the object
     *                        (deleting, renaming, creating)
     * @return the path; the caller closes it
     * @throws AccessDeniedException if the path or a link on it leads out of the home
     * @throws IOException           if the file system fails
     */
    public JailedPath locate(String cwd, String ftpPath, boolean followFinalLink) throws IOException {
        String normalized = normalize(cwd, ftpPath);
        Path path = checkLinks(toPath(normalized));
        if (anchored) {
            List<String> segments = new ArrayList<>();
            for (String segment : normalized.split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment);
                }
            }
            Optional<JailedPath> found = DirectoryWalk.walk(realHome, segments, followFinalLink, path);
            if (found.isPresent()) {
                return found.get();
            }
        }
        return new PlainJailedPath(path, followFinalLink);
    }

    /**
     * Checks that the real path of {@code path} (or of its deepest existing ancestor) is inside the home.
     *
     * @param path a path under the home
     * @return the same path
     * @throws AccessDeniedException if it leads out, or is a dangling link (writing through it could escape)
     * @throws IOException           if the file system fails
     */
    public Path checkLinks(Path path) throws IOException {
        Path probe = path;
        while (probe != null) {
            try {
                Path real = probe.toRealPath();
                if (!real.startsWith(realHome)) {
                    throw new AccessDeniedException(path.toString(), null, "link leads out of the home directory");
                }
                return path;
            } catch (NoSuchFileException missing) {
                if (Files.isSymbolicLink(probe)) {
                    throw new AccessDeniedException(path.toString(), null, "dangling symbolic link");
                }
                probe = probe.getParent();
            }
        }
        throw new AccessDeniedException(path.toString(), null, "outside the home directory");
    }

    /**
     * Whether a directory entry that is a symbolic link may be shown: its target exists inside the home. (A
     * listing already knows which entries are links from the one attribute read it does per entry.)
     *
     * @param link a directory entry that is a symbolic link
     * @return true if the link resolves to something inside the home
     */
    public boolean linkStaysInside(Path link) {
        try {
            return link.toRealPath().startsWith(realHome);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the path exists without following a final link.
     *
     * @param path the path
     * @return true if it exists
     */
    static boolean existsNoFollow(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }
}
