package dev.ftpkit.testing.internal.memfs;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * A snapshot of a node's basic attributes (there are no links and no special files).
 *
 * @param lastModifiedTime the modification time
 * @param lastAccessTime   the access time
 * @param creationTime     the creation time
 * @param isDirectory      whether it is a directory (else a regular file)
 * @param size             the size in bytes, 0 for a directory
 * @param key              the node's unique key
 */
record MemoryAttributes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime creationTime,
                        boolean isDirectory, long size, long key) implements BasicFileAttributes {

    @Override
    public boolean isRegularFile() {
        return !isDirectory;
    }

    @Override
    public boolean isSymbolicLink() {
        return false;
    }

    @Override
    public boolean isOther() {
        return false;
    }

    @Override
    public Object fileKey() {
        return key;
    }
}
