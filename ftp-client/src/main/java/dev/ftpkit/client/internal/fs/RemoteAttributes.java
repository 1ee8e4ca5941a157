package dev.ftpkit.client.internal.fs;

import dev.ftpkit.core.MlsxEntry;
import dev.ftpkit.core.list.EntryType;
import dev.ftpkit.core.list.ListEntry;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the server tells about a file: its kind, size and modification time, and the MLSx {@code perm} fact when
 * the server sends one (RFC 3659 §7.5.5). FTP knows no access or creation time: both are the modification time.
 *
 * @param type     the kind of object
 * @param size     the size in bytes (0 when the server does not say)
 * @param modified the modification time ({@link Instant#EPOCH} when the server does not say)
 * @param perm     the {@code perm} fact, if sent
 */
record RemoteAttributes(EntryType type, long size, Instant modified, Optional<String> perm)
        implements BasicFileAttributes {

    static final RemoteAttributes ROOT = directory(Instant.EPOCH);

    static RemoteAttributes directory(Instant modified) {
        return new RemoteAttributes(EntryType.DIRECTORY, 0, modified, Optional.empty());
    }

    static RemoteAttributes file(long size, Instant modified) {
        return new RemoteAttributes(EntryType.FILE, size, modified, Optional.empty());
    }

    static RemoteAttributes of(MlsxEntry entry) {
        EntryType type = ListEntry.fromMlsx(entry).type();
        return new RemoteAttributes(type, entry.size().orElse(0), entry.modified().orElse(Instant.EPOCH),
                entry.fact("perm"));
    }

    static RemoteAttributes of(ListEntry entry) {
        return new RemoteAttributes(entry.type(), entry.size().orElse(0), entry.modified().orElse(Instant.EPOCH),
                entry.format() == dev.ftpkit.core.list.ListFormat.MLSD ? entry.permissions() : Optional.empty());
    }

    /** The attributes by their {@code basic} view names, as {@code Files.readAttributes(path, "basic:*")} wants. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("lastModifiedTime", lastModifiedTime());
        map.put("lastAccessTime", lastAccessTime());
        map.put("creationTime", creationTime());
        map.put("size", size());
        map.put("isRegularFile", isRegularFile());
        map.put("isDirectory", isDirectory());
        map.put("isSymbolicLink", isSymbolicLink());
        map.put("isOther", isOther());
        map.put("fileKey", fileKey());
        return map;
    }

    @Override
    public FileTime lastModifiedTime() {
        return FileTime.from(modified);
    }

    @Override
    public FileTime lastAccessTime() {
        return lastModifiedTime();
    }

    @Override
    public FileTime creationTime() {
        return lastModifiedTime();
    }

    @Override
    public boolean isRegularFile() {
        return type == EntryType.FILE;
    }

    @Override
    public boolean isDirectory() {
        return type == EntryType.DIRECTORY;
    }

    @Override
    public boolean isSymbolicLink() {
        return type == EntryType.SYMBOLIC_LINK;
    }

    @Override
    public boolean isOther() {
        return !isRegularFile() && !isDirectory() && !isSymbolicLink();
    }

    @Override
    public Object fileKey() {
        return null;
    }
}
