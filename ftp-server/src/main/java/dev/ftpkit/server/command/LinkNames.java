package dev.ftpkit.server.command;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which entries of a directory are symbolic links, remembered per directory (one per server) while the directory
 * is unchanged, so that NLST can show names without an {@code lstat} per entry.
 *
 * <p>Why: NLST needs names only, but the jail hides links that lead out of the home, and Java reports no entry
 * type from {@code readdir}, so each name cost an {@code lstat}; on the virtual machines this library is measured
 * on that made NLST of 10,000 entries twice vsftpd's time (issue 21). Adding, removing or renaming an entry (a
 * file swapped for a link included) changes the directory's modification time, so the links found by one full
 * scan stay right while the directory keeps its identity ({@link BasicFileAttributes#fileKey()}: device and
 * inode) and its modification time. A scan is remembered only if the directory was last changed well before the
 * scan began and not during it (the "racily clean" rule of git's index), since a change within the file system's
 * timestamp granularity could otherwise keep the same time. How long "well before" is depends on that granularity
 * (see {@link #settleMillis(FileTime)}). The worst a stale entry could do is show a link's own name, which lies
 * inside the home; its target is never read here.
 */
final class LinkNames {

    /** Directories remembered at once; the least recently used is forgotten first. */
    static final int MAX_DIRECTORIES = 256;
    /**
     * A directory changed more recently than this before a scan began is not remembered, where the file system keeps
     * whole seconds or coarser (FAT keeps two).
     */
    static final long SETTLED_MILLIS_COARSE = 2_000;
    /**
     * The same where it keeps times finer than a millisecond (ext4, XFS, Btrfs, tmpfs): the kernel stamps a change
     * with its coarse clock, at most one scheduler tick (10 ms at 100 Hz) behind the time this process reads, so a
     * tenth of a second is ample. With two seconds, a directory filled just before it was listed (a benchmark's, or
     * an upload batch's) was scanned again, an {@code lstat} per entry, by every NLST of its first two seconds.
     */
    static final long SETTLED_MILLIS_FINE = 100;

    private final Map<Object, Known> directories = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Object, Known> eldest) {
            return size() > MAX_DIRECTORIES;
        }
    };

    /**
     * A remembered scan. Compared field by field, not through a record of both fields: a record's generated
     * {@code equals} bootstraps method handles on its first call, which spun some fifty classes during a fresh
     * server's first NLST.
     */
    private record Known(Object fileKey, FileTime modified, Set<String> links) {
        boolean matches(BasicFileAttributes directory) {
            return sameStamp(fileKey, modified, directory);
        }
    }

    /**
     * The link names of a directory, if a scan of it is remembered and it has not changed since.
     *
     * @param directory the directory's attributes, read now
     */
    synchronized Optional<Set<String>> known(BasicFileAttributes directory) {
        Object key = directory.fileKey();
        Known known = key == null ? null : directories.get(key);
        if (known == null || !known.matches(directory)) {
            return Optional.empty();
        }
        return Optional.of(known.links());
    }

    /**
     * Remembers a complete scan, if it can be trusted.
     *
     * @param before          the directory's attributes read before the scan
     * @param after           the directory's attributes read after it
     * @param scanStartMillis when the scan began, in milliseconds since the epoch
     * @param links           the names of every entry that was a link (hidden ones too)
     */
    synchronized void remember(BasicFileAttributes before, BasicFileAttributes after, long scanStartMillis,
                               Set<String> links) {
        Object key = before.fileKey();
        FileTime modified = before.lastModifiedTime();
        boolean settled = modified.toMillis() < scanStartMillis - settleMillis(modified);
        if (key != null && settled && sameStamp(key, modified, after)) {
            directories.put(key, new Known(key, modified, Set.copyOf(links)));
        }
    }

    /**
     * How long a change must lie before a scan for the scan to be remembered. A time with a part below the
     * millisecond comes from a file system with fine times; one without (a chance of one in a million on a fine
     * one, which then only waits longer) may come from a coarse one.
     */
    static long settleMillis(FileTime modified) {
        return modified.toInstant().getNano() % 1_000_000 != 0 ? SETTLED_MILLIS_FINE : SETTLED_MILLIS_COARSE;
    }

    /** Whether the directory still has this identity (device and inode) and modification time. */
    private static boolean sameStamp(Object fileKey, FileTime modified, BasicFileAttributes directory) {
        return fileKey.equals(directory.fileKey()) && modified.equals(directory.lastModifiedTime());
    }
}
