package dev.ftpkit.client.sync;

import dev.ftpkit.client.FileHash;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a tree being mirrored, on either side.
 *
 * @param path     the path relative to the tree's root, segments separated by {@code /}, never empty
 * @param kind     what it is
 * @param size     the size in bytes (0 for anything but a file)
 * @param modified the modification time, whole seconds, when known
 * @param hash     the content's hash, when it was asked for (mirror with verification)
 */
public record SyncEntry(String path, Kind kind, long size, Optional<Instant> modified, Optional<FileHash> hash) {

    /** What an entry is. Only files and directories are mirrored. */
    public enum Kind {
        /** A regular file. */
        FILE,
        /** A directory. */
        DIRECTORY,
        /** A symbolic link: never followed, never transferred, reported. */
        SYMBOLIC_LINK,
        /** Anything else (a device, a pipe, a listing line that did not parse): skipped and reported. */
        OTHER
    }

    /**
     * Validates the values and truncates the time to whole seconds (the precision of MDTM and MLSx).
     *
     * @throws IllegalArgumentException if the path is empty or absolute, or the size negative
     */
    public SyncEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(modified, "modified");
        Objects.requireNonNull(hash, "hash");
        if (path.isEmpty() || path.startsWith("/")) {
            throw new IllegalArgumentException("path must be relative and not empty: '" + path + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        modified = modified.map(time -> time.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * A file.
     *
     * @param path     the relative path
     * @param size     the size
     * @param modified the modification time, or null when unknown
     * @return the entry
     */
    public static SyncEntry file(String path, long size, Instant modified) {
        return new SyncEntry(path, Kind.FILE, size, Optional.ofNullable(modified), Optional.empty());
    }

    /**
     * A directory, a symbolic link or another non-file.
     *
     * @param path the relative path
     * @param kind what it is
     * @return the entry
     */
    public static SyncEntry of(String path, Kind kind) {
        return new SyncEntry(path, kind, 0, Optional.empty(), Optional.empty());
    }

    /**
     * This entry with a hash.
     *
     * @param value the hash
     * @return a copy carrying it
     */
    public SyncEntry withHash(FileHash value) {
        return new SyncEntry(path, kind, size, modified, Optional.of(value));
    }

    /**
     * The last segment of the path.
     *
     * @return the name
     */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * How deep the entry is (0 for an entry at the root).
     *
     * @return the number of {@code /} in the path
     */
    public int depth() {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
