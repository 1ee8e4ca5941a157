package dev.ftpkit.server.command;

import dev.ftpkit.server.JailedPath;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a listing shows of one directory entry, read with one attribute call (links that lead out of the home
 * are filtered before they are followed).
 *
 * @param name         the entry name
 * @param directory    whether it is a directory
 * @param regularFile  whether it is a regular file
 * @param symbolicLink whether it is a symbolic link (only when read without following links)
 * @param size         the size in bytes
 * @param modified     the modification time
 * @param permissions  the POSIX permissions, or null when the file system has none
 * @param fileKey      the file key (device and inode on Unix), or null
 */
record FileInfo(String name, boolean directory, boolean regularFile, boolean symbolicLink, long size,
                Instant modified, Set<PosixFilePermission> permissions, Object fileKey) {

    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;
    private static final PosixFilePermission[] PERMISSIONS = PosixFilePermission.values();
    /**
     * Every permission set there is, indexed by its bits (bit i = the constant of ordinal i), shared by all infos:
     * the file system's own set is a new hash set per entry, which a listing would keep for a whole batch.
     */
    private static final List<Set<PosixFilePermission>> SHARED_PERMISSIONS = sharedPermissions();

    /**
     * Reads a checked path (a final link the caller asked to follow was followed, inside the home, when the path
     * was found): through its directory handle where it has one.
     */
    static FileInfo read(JailedPath path, String name) throws IOException {
        PosixFileAttributeView posix = path.attributeView(PosixFileAttributeView.class);
        return of(name, posix != null ? posix.readAttributes() : path.attributes());
    }

    /**
     * Reads a directory entry itself, not what a link points to: one {@code lstat} per entry, which is all a
     * listing needs unless the entry turns out to be a link. Where the directory is a
     * {@link SecureDirectoryStream} the entry is read relative to its handle ({@code fstatat}), so what is read
     * lies in the directory that was checked, whatever has been swapped for a link on its path since.
     *
     * @param directory the open directory the entry came from
     * @param entry     the entry, as the directory's iterator gave it, and its name
     * @param posix     whether to read POSIX attributes ({@link #hasPosix}, asked once per listing)
     */
    static FileInfo readEntry(DirectoryStream<Path> directory, DirectoryEntry entry, boolean posix)
            throws IOException {
        Class<? extends BasicFileAttributes> type = posix ? PosixFileAttributes.class : BasicFileAttributes.class;
        if (directory instanceof SecureDirectoryStream<Path> handle) {
            // relative to the handle: an absolute path would make fstatat ignore it
            Path relative = entry.fileName();
            BasicFileAttributes attributes = posix
                    ? handle.getFileAttributeView(relative, PosixFileAttributeView.class, NO_FOLLOW).readAttributes()
                    : handle.getFileAttributeView(relative, BasicFileAttributeView.class, NO_FOLLOW)
                            .readAttributes();
            return of(entry.name(), attributes);
        }
        return of(entry.name(), Files.readAttributes(entry.path(), type, NO_FOLLOW));
    }

    /** An entry known by its name alone (NLST shows nothing else). */
    static FileInfo nameOnly(String name) {
        return new FileInfo(name, false, false, false, 0, Instant.EPOCH, null, null);
    }

    /** Whether the file system of the path has POSIX attributes (asked once per listing, not per entry). */
    static boolean hasPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileInfo of(String name, BasicFileAttributes attributes) {
        Set<PosixFilePermission> permissions = attributes instanceof PosixFileAttributes posix
                ? shared(posix.permissions()) : null;
        return new FileInfo(name, attributes.isDirectory(), attributes.isRegularFile(), attributes.isSymbolicLink(),
                attributes.size(), attributes.lastModifiedTime().toInstant(), permissions, attributes.fileKey());
    }

    private static Set<PosixFilePermission> shared(Set<PosixFilePermission> permissions) {
        int bits = 0;
        for (PosixFilePermission permission : permissions) {
            bits |= 1 << permission.ordinal();
        }
        return SHARED_PERMISSIONS.get(bits);
    }

    private static List<Set<PosixFilePermission>> sharedPermissions() {
        List<Set<PosixFilePermission>> sets = new ArrayList<>(1 << PERMISSIONS.length);
        for (int bits = 0; bits < 1 << PERMISSIONS.length; bits++) {
            Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission permission : PERMISSIONS) {
                if ((bits & (1 << permission.ordinal())) != 0) {
                    set.add(permission);
                }
            }
            sets.add(Collections.unmodifiableSet(set));
        }
        return List.copyOf(sets);
    }

    /** The MLSx {@code unique} fact (RFC 3659 §7.5.2): the file key as text, or null when there is none. */
    String uniqueKey() {
        return fileKey == null ? null : Integer.toHexString(fileKey.hashCode());
    }
}
