package dev.ftpkit.server.command;

import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;

/**
 * One entry of a directory being listed, its name taken apart once: a listing needs the name as text (to filter and
 * show it) and as a one-element path (to read the entry relative to the open directory), and on the default file
 * system each {@link Path#getFileName()} scans the whole absolute path again.
 *
 * @param path     the entry as the directory's iterator gave it
 * @param fileName its last element, relative (what a {@link java.nio.file.SecureDirectoryStream} reads by)
 * @param name     its name as text
 */
record DirectoryEntry(Path path, Path fileName, String name) {

    private static final FileSystem DEFAULT_FILE_SYSTEM = FileSystems.getDefault();
    /** Whether names on the default file system are what follows the last {@code /} of a path's text (Unix). */
    private static final boolean SLASH_SEPARATED = "/".equals(DEFAULT_FILE_SYSTEM.getSeparator());

    /**
     * The name of an entry a directory's iterator gave, when the name is all a listing needs (NLST). On the default
     * file system of Unix it is cut from the path's text: {@link Path#getFileName()} would scan the path for its
     * elements and copy the last one into a new path before the name is decoded, a third of NLST's time per entry
     * once the links are known ({@link LinkNames}). A Unix name cannot hold {@code /}, and the default provider
     * keeps no trailing one.
     */
    static String nameOf(Path child) {
        if (SLASH_SEPARATED && child.getFileSystem() == DEFAULT_FILE_SYSTEM) {
            String path = child.toString();
            return path.substring(path.lastIndexOf('/') + 1);
        }
        return of(child).name();
    }

    /** The entry of a path a directory's iterator gave. */
    static DirectoryEntry of(Path child) {
        Path fileName = child.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        // zip file systems end directory names with '/'
        return new DirectoryEntry(child, fileName, name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
    }
}
