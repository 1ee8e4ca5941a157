package dev.ftpkit.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFileAttributes;
import java.time.Instant;
import java.util.Set;

/**
 * What a listing shows of one directory entry, read once with the attributes following links (links that lead
 * out of the home are filtered before).
 *
 * @param name        the entry name
 * @param directory   whether it is a directory
 * @param regularFile whether it is a regular file
 * @param size        the size in bytes
 * @param modified    the modification time
 * @param permissions the POSIX permissions, or null when the file system has none
 * @param uniqueKey   the file key (inode) as text, or null
 */
record FileInfo(String name, boolean directory, boolean regularFile, long size, Instant modified,
                Set<PosixFilePermission> permissions, String uniqueKey) {

    static FileInfo read(Path path, String name) throws IOException {
        BasicFileAttributes attributes;
        Set<PosixFilePermission> permissions = null;
        PosixFileAttributeView posix = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (posix != null) {
            PosixFileAttributes p = posix.readAttributes();
            attributes = p;
            permissions = p.permissions();
        } else {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        }
        Object key = attributes.fileKey();
        return new FileInfo(name, attributes.isDirectory(), attributes.isRegularFile(), attributes.size(),
                attributes.lastModifiedTime().toInstant(), permissions,
                key == null ? null : Integer.toHexString(key.hashCode()));
    }
}
