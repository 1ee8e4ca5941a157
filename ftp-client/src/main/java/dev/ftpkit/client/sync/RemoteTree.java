package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FeatureSet;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.core.list.ListFormat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a remote tree into {@link SyncEntry} values with one listing per directory. Times come from MLSD's
 * {@code modify} fact when the server offers MLST; otherwise from MDTM per file (a LIST line shows minutes, or only
 * the day for older files: not enough to tell a change), or are unknown when MDTM is missing too.
 */
final class RemoteTree {

    private RemoteTree() {
    }

    /** The tree under {@code root} ({@code ""}: the login directory). */
    static Map<String, SyncEntry> read(FtpClient client, String root, List<Glob> excludes) throws IOException {
        FeatureSet features = client.features();
        boolean preciseListing = features.has("MLST");
        boolean mdtm = !preciseListing && features.has("MDTM");
        Map<String, SyncEntry> entries = new TreeMap<>();
        walk(client, root, "", 0, excludes, preciseListing, mdtm, entries);
        return entries;
    }

    /**
     * Tells whether {@code path} is a directory on the server: CWD there and back (a LIST of a missing directory is
     * an empty listing on some servers, vsftpd among them).
     */
    static boolean isDirectory(FtpClient client, String path) throws IOException {
        if (path.isEmpty()) {
            return true;
        }
        String home = client.workingDirectory();
        try {
            client.changeDirectory(path);
        } catch (FtpReplyException missing) {
            if (missing.reply().code().isPermanentNegative()) {
                return false;
            }
            throw missing;
        }
        client.changeDirectory(home);
        return true;
    }

    /**
     * The path to send for {@code relative} under {@code root}. A path starting with {@code -} gets {@code ./} in
     * front: vsftpd and others read a LIST argument starting with a dash as {@code ls} options.
     */
    static String remotePath(String root, String relative) {
        String path = root.isEmpty() ? relative
                : relative.isEmpty() ? root
                : root.endsWith("/") ? root + relative : root + "/" + relative;
        return path.startsWith("-") ? "./" + path : path;
    }

    private static void walk(FtpClient client, String root, String prefix, int depth, List<Glob> excludes,
                             boolean preciseListing, boolean mdtm, Map<String, SyncEntry> entries) throws IOException {
        if (depth >= LocalTree.MAX_DEPTH) {
            throw new IOException(remotePath(root, prefix) + " is more than " + LocalTree.MAX_DEPTH + " levels deep");
        }
        String dir = prefix.isEmpty() ? root : remotePath(root, prefix.substring(0, prefix.length() - 1));
        for (ListEntry listed : client.list(dir.isEmpty() ? "" : dir)) {
            if (!isChild(listed)) {
                continue;
            }
            String path = prefix + listed.name();
            if (Glob.anyExcludes(excludes, path)) {
                continue;
            }
            switch (listed.type()) {
                case DIRECTORY -> {
                    entries.put(path, SyncEntry.of(path, SyncEntry.Kind.DIRECTORY));
                    walk(client, root, path + "/", depth + 1, excludes, preciseListing, mdtm, entries);
                }
                case FILE -> entries.put(path, SyncEntry.file(path, listed.size().orElse(0),
                        modified(client, remotePath(root, path), listed, preciseListing, mdtm)));
                case SYMBOLIC_LINK -> entries.put(path, SyncEntry.of(path, SyncEntry.Kind.SYMBOLIC_LINK));
                default -> entries.put(path, SyncEntry.of(path, SyncEntry.Kind.OTHER));
            }
        }
    }

    /** RFC 3659 §7.5.1: {@code cdir} and {@code pdir} entries are not the directory's contents. */
    private static boolean isChild(ListEntry listed) {
        if (!listed.isParsed() || listed.name().equals(".") || listed.name().equals("..")
                || listed.name().contains("/")) {
            return false;
        }
        if (listed.format() == ListFormat.MLSD) {
            String raw = listed.rawLine().toLowerCase(Locale.ROOT);
            return !raw.contains("type=cdir;") && !raw.contains("type=pdir;");
        }
        return true;
    }

    private static Instant modified(FtpClient client, String path, ListEntry listed, boolean preciseListing,
                                    boolean mdtm) throws IOException {
        if (preciseListing) {
            return listed.modified().orElse(null);
        }
        return mdtm ? client.modificationTime(path) : null;
    }
}
