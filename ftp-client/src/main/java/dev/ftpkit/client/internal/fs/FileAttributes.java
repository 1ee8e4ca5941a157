package dev.ftpkit.client.internal.fs;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code basic} attribute view of FTP paths, and access checks from the MLSx {@code perm} fact. */
final class FileAttributes {

    private FileAttributes() {
    }

    static RemoteAttributes read(FtpPath path) throws IOException {
        RemoteFiles files = path.getFileSystem().files();
        return files.withClient(client -> files.attributes(client, path));
    }

    static <A extends BasicFileAttributes> A read(FtpPath path, Class<A> type) throws IOException {
        if (type != BasicFileAttributes.class) {
            throw new UnsupportedOperationException("FTP offers basic attributes only, not " + type.getName());
        }
        return type.cast(read(path));
    }

    /** {@code Files.readAttributes(path, "basic:size,lastModifiedTime")} and {@code "*"}. */
    static Map<String, Object> read(FtpPath path, String attributes) throws IOException {
        int colon = attributes.indexOf(':');
        String view = colon < 0 ? "basic" : attributes.substring(0, colon);
        if (!view.equals("basic")) {
            throw new UnsupportedOperationException("FTP offers the basic attribute view only, not " + view);
        }
        Map<String, Object> all = read(path).asMap();
        Map<String, Object> wanted = new LinkedHashMap<>();
        for (String name : attributes.substring(colon + 1).split(",")) {
            if (name.equals("*")) {
                wanted.putAll(all);
            } else if (all.containsKey(name)) {
                wanted.put(name, all.get(name));
            } else {
                throw new IllegalArgumentException("no basic attribute '" + name + "'");
            }
        }
        return wanted;
    }

    /** Only the modification time can be set (MFMT). */
    static void set(FtpPath path, String attribute, Object value) throws IOException {
        String name = attribute.startsWith("basic:") ? attribute.substring("basic:".length()) : attribute;
        if (!name.equals("lastModifiedTime") || !(value instanceof FileTime time)) {
            throw new UnsupportedOperationException("FTP can set lastModifiedTime (MFMT) only, not " + attribute);
        }
        path.getFileSystem().files().setModified(path, time.toInstant());
    }

    static <V extends FileAttributeView> V view(FtpPath path, Class<V> type) {
        if (type != BasicFileAttributeView.class) {
            return null;
        }
        return type.cast(new BasicFileAttributeView() {
            @Override
            public String name() {
                return "basic";
            }

            @Override
            public BasicFileAttributes readAttributes() throws IOException {
                return read(path);
            }

            @Override
            public void setTimes(FileTime lastModified, FileTime lastAccess, FileTime create) throws IOException {
                if (lastModified != null) {
                    path.getFileSystem().files().setModified(path, lastModified.toInstant());
                }
            }
        });
    }

    /**
     * Exists, and the MLSx {@code perm} fact (RFC 3659 §7.5.5) allows the modes when the server sends it; without
     * it, reading and writing are assumed allowed and executing only for directories (entering them).
     */
    static void checkAccess(FtpPath path, AccessMode... modes) throws IOException {
        RemoteAttributes attributes = read(path);
        for (AccessMode mode : modes) {
            String allowing = switch (mode) {
                case READ -> attributes.isDirectory() ? "el" : "r";
                case WRITE -> attributes.isDirectory() ? "cmp" : "wa";
                case EXECUTE -> attributes.isDirectory() ? "e" : "";
            };
            String perm = attributes.perm().orElse(allowing).toLowerCase(Locale.ROOT);
            if (allowing.chars().noneMatch(c -> perm.indexOf(c) >= 0)) {
                throw new AccessDeniedException(path.toString(), null, mode + " not allowed");
            }
        }
    }
}
