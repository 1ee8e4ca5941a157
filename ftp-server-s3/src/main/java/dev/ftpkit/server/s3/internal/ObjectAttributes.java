package dev.ftpkit.server.s3.internal;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What the store tells about an object or a prefix, copied once: a file has the object's size and last
 * modification; a directory (a prefix, or its marker object {@code name/}) has neither, so it shows time 0.
 *
 * @param key       the object key, which identifies it
 * @param directory whether it is a prefix
 * @param size      the object's size, 0 for a directory
 * @param modified  the object's last modification
 */
record ObjectAttributes(String key, boolean directory, long size, FileTime modified) implements BasicFileAttributes {

    private static final FileTime NONE = FileTime.fromMillis(0);

    static ObjectAttributes ofDirectory(String key) {
        return new ObjectAttributes(key, true, 0, NONE);
    }

    static ObjectAttributes ofFile(String key, BasicFileAttributes stored) {
        return new ObjectAttributes(key, false, stored.size(), stored.lastModifiedTime());
    }

    @Override
    public FileTime lastModifiedTime() {
        return modified;
    }

    @Override
    public FileTime lastAccessTime() {
        return modified;
    }

    @Override
    public FileTime creationTime() {
        return modified;
    }

    @Override
    public boolean isRegularFile() {
        return !directory;
    }

    @Override
    public boolean isDirectory() {
        return directory;
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
