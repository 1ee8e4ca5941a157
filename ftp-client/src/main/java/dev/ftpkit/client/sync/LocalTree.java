package dev.ftpkit.client.sync;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a local tree into {@link SyncEntry} values: links are reported, never followed; excluded entries and the
 * mirror's own temporary files are left out.
 */
final class LocalTree {

    /** Deeper trees are refused: a bound on the recursion (and on a link loop, were links followed). */
    static final int MAX_DEPTH = 256;
    /** The suffix of a download in progress (renamed onto its target when complete). */
    static final String PART_SUFFIX = ".ftpkit-part";

    private LocalTree() {
    }

    /** The tree under {@code root}; empty when {@code root} does not exist. */
    static Map<String, SyncEntry> read(Path root, List<Glob> excludes) throws IOException {
        Map<String, SyncEntry> entries = new TreeMap<>();
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            walk(root, "", 0, excludes, entries);
        } else if (Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + " is not a directory");
        }
        return entries;
    }

    private static void walk(Path dir, String prefix, int depth, List<Glob> excludes, Map<String, SyncEntry> entries)
            throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new IOException(dir + " is more than " + MAX_DEPTH + " levels deep");
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                String path = prefix + name;
                if (name.endsWith(PART_SUFFIX) || Glob.anyExcludes(excludes, path)) {
                    continue;
                }
                BasicFileAttributes attributes = Files.readAttributes(child, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (attributes.isDirectory()) {
                    entries.put(path, SyncEntry.of(path, SyncEntry.Kind.DIRECTORY));
                    walk(child, path + "/", depth + 1, excludes, entries);
                } else if (attributes.isRegularFile()) {
                    entries.put(path, SyncEntry.file(path, attributes.size(),
                            attributes.lastModifiedTime().toInstant()));
                } else {
                    entries.put(path, SyncEntry.of(path, attributes.isSymbolicLink()
                            ? SyncEntry.Kind.SYMBOLIC_LINK : SyncEntry.Kind.OTHER));
                }
            }
        }
    }
}
