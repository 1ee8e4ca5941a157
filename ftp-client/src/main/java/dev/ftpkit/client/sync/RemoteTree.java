package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FeatureSet;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.list.ListEntry;
import dev.ftpkit.core.list.ListFormat;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a remote tree into {@link SyncEntry} values with one listing per directory. Times come from MLSD's
 * {@code modify} fact when the server offers MLST. A LIST line shows minutes, or only the day for older files: not
 * enough to tell a change, so without MLST the times are left unknown here and asked with MDTM
 * ({@link #addTimes}) only where the plan needs them; a download asks for its file's time itself.
 */
final class RemoteTree {

    private static final System.Logger LOG = System.getLogger(RemoteTree.class.getName());

    private RemoteTree() {
    }

    /** The tree under {@code root} ({@code ""}: the login directory). */
    static Map<String, SyncEntry> read(FtpClient client, String root, List<Glob> excludes) throws IOException {
        FeatureSet features = client.features();
        boolean preciseListing = features.has("MLST");
        Map<String, SyncEntry> entries = new TreeMap<>();
        walk(client, root, "", 0, excludes, preciseListing, entries);
        return entries;
    }

    /**
     * Asks MDTM (RFC 3659 §3) for the remote files whose time the plan needs: those without one that have a local
     * file of the same size (any other difference decides without the time).
     */
    static void addTimes(FtpClient client, String root, Map<String, SyncEntry> remote, Map<String, SyncEntry> local)
            throws IOException {
        if (!client.features().has("MDTM")) {
            return;
        }
        for (SyncEntry file : List.copyOf(remote.values())) {
            SyncEntry other = local.get(file.path());
            if (file.kind() == SyncEntry.Kind.FILE && file.modified().isEmpty() && other != null
                    && other.kind() == SyncEntry.Kind.FILE && other.size() == file.size()) {
                remote.put(file.path(), new SyncEntry(file.path(), file.kind(), file.size(),
                        java.util.Optional.of(client.modificationTime(remotePath(root, file.path()))), file.hash()));
            }
        }
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
                             boolean preciseListing, Map<String, SyncEntry> entries) throws IOException {
        if (depth >= LocalTree.MAX_DEPTH) {
            throw new IOException(remotePath(root, prefix) + " is more than " + LocalTree.MAX_DEPTH + " levels deep");
        }
        String dir = prefix.isEmpty() ? root : remotePath(root, prefix.substring(0, prefix.length() - 1));
        for (ListEntry listed : client.list(dir.isEmpty() ? "" : dir)) {
            if (!listed.isParsed()) {
                // Never silently dropped: without a name it cannot be mirrored, but it is told.
                LOG.log(System.Logger.Level.WARNING, "mirror: a listing line of ''{0}'' was not understood: {1}",
                        dir, listed.rawLine());
                continue;
            }
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
                    walk(client, root, path + "/", depth + 1, excludes, preciseListing, entries);
                }
                case FILE -> entries.put(path, SyncEntry.file(path, listed.size().orElse(0),
                        preciseListing ? listed.modified().orElse(null) : null));
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
}
