package dev.ftpkit.server.command;

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

    /** The entry of a path a directory's iterator gave. */
    static DirectoryEntry of(Path child) {
        Path fileName = child.getFileName();
        String name = fileName == null ? "" : fileName.toString();
        // zip file systems end directory names with '/'
        return new DirectoryEntry(child, fileName, name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
    }
}
