package dev.ftpkit.server.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
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

    private static final LinkOption[] FOLLOW = {};
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** Reads the entry, following a final link. */
    static FileInfo read(Path path, String name) throws IOException {
        return read(path, name, hasPosix(path), FOLLOW);
    }

    /**
     * Reads the entry itself, not what a link points to: one {@code lstat} per entry, which is all a listing
     * needs unless the entry turns out to be a link.
     */
    static FileInfo readNoFollow(Path path, String name, boolean posix) throws IOException {
        return read(path, name, posix, NO_FOLLOW);
    }

    /** An entry known by its name alone (NLST shows nothing else). */
    static FileInfo nameOnly(String name) {
        return new FileInfo(name, false, false, false, 0, Instant.EPOCH, null, null);
    }

    /** Whether the file system of the path has POSIX attributes (asked once per listing, not per entry). */
    static boolean hasPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileInfo read(Path path, String name, boolean posix, LinkOption[] options) throws IOException {
        BasicFileAttributes attributes = posix
                ? Files.readAttributes(path, PosixFileAttributes.class, options)
                : Files.readAttributes(path, BasicFileAttributes.class, options);
        Set<PosixFilePermission> permissions = posix ? ((PosixFileAttributes) attributes).permissions() : null;
        return new FileInfo(name, attributes.isDirectory(), attributes.isRegularFile(), attributes.isSymbolicLink(),
                attributes.size(), attributes.lastModifiedTime().toInstant(), permissions, attributes.fileKey());
    }

    /** The MLSx {@code unique} fact (RFC 3659 §7.5.2): the file key as text, or null when there is none. */
    String uniqueKey() {
        return fileKey == null ? null : Integer.toHexString(fileKey.hashCode());
    }
}
