package dev.ftpkit.testing.internal.memfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory tree and the bytes of every file, behind one lock (every method is synchronized): operations are
 * atomic with respect to each other, which makes a rename atomic as POSIX rename(2) is. Errors are the exceptions
 * the JDK's Unix provider throws for the same errno.
 */
final class MemoryTree {

    /** The text of ENOTDIR. */
    private static final String NOT_A_DIRECTORY = "Not a directory";

    private long capacity;
    private long nextKey = 1;
    private final DirectoryNode root = new DirectoryNode(nextKey++, now());
    private long used;

    MemoryTree(long capacity) {
        this.capacity = capacity;
    }

    /** Changes the capacity; content already held stays even if it is more. */
    synchronized void capacity(long bytes) {
        capacity = bytes;
    }

    /** The bytes of file content held now. */
    synchronized long used() {
        return used;
    }

    private static FileTime now() {
        return FileTime.from(Instant.now());
    }

    /**
     * The node at {@code path}. A path through a regular file is missing (NoSuchFileException), as JDK 25 reports
     * ENOTDIR from stat(2); JDK 17 reported FileSystemException "Not a directory".
     */
    synchronized Node require(MemoryPath path) throws IOException {
        try {
            return walk(path);
        } catch (FileSystemException e) {
            if (NOT_A_DIRECTORY.equals(e.getReason())) {
                throw new NoSuchFileException(path.toString());
            }
            throw e;
        }
    }

    /** The node at {@code path}; a regular file where a directory should be is ENOTDIR. */
    private Node walk(MemoryPath path) throws IOException {
        Node node = root;
        for (String name : path.keys()) {
            if (!(node instanceof DirectoryNode directory)) {
                throw new FileSystemException(path.toString(), null, NOT_A_DIRECTORY);
            }
            node = directory.entries.get(name);
            if (node == null) {
                throw new NoSuchFileException(path.toString());
            }
        }
        return node;
    }

    /** The directory that holds (or would hold) {@code path}; the root has none. */
    private DirectoryNode parentOf(MemoryPath path) throws IOException {
        List<String> keys = path.keys();
        if (keys.isEmpty()) {
            throw new FileSystemException(path.toString(), null, "Device or resource busy");
        }
        Node node = root;
        for (String name : keys.subList(0, keys.size() - 1)) {
            node = ((DirectoryNode) node).entries.get(name);
            if (node == null) {
                throw new NoSuchFileException(path.toString());
            }
            if (!(node instanceof DirectoryNode)) {
                throw new FileSystemException(path.toString(), null, NOT_A_DIRECTORY);
            }
        }
        return (DirectoryNode) node;
    }

    private static String nameOf(MemoryPath path) {
        List<String> keys = path.keys();
        return keys.get(keys.size() - 1);
    }

    synchronized void createDirectory(MemoryPath path) throws IOException {
        if (path.keys().isEmpty()) {
            throw new FileAlreadyExistsException(path.toString());
        }
        DirectoryNode parent = parentOf(path);
        if (parent.entries.containsKey(nameOf(path))) {
            throw new FileAlreadyExistsException(path.toString());
        }
        link(parent, nameOf(path), new DirectoryNode(nextKey++, now()));
    }

    synchronized void delete(MemoryPath path) throws IOException {
        DirectoryNode parent = parentOf(path);
        Node node = parent.entries.get(nameOf(path));
        if (node == null) {
            throw new NoSuchFileException(path.toString());
        }
        if (node instanceof DirectoryNode directory && !directory.entries.isEmpty()) {
            throw new DirectoryNotEmptyException(path.toString());
        }
        unlink(parent, nameOf(path));
    }

    /** The entry names of a directory, a snapshot; ENOTDIR anywhere on the path is NotDirectoryException. */
    synchronized List<String> list(MemoryPath path) throws IOException {
        Node node;
        try {
            node = walk(path);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (FileSystemException e) {
            if (NOT_A_DIRECTORY.equals(e.getReason())) {
                throw new NotDirectoryException(path.toString());
            }
            throw e;
        }
        if (!(node instanceof DirectoryNode directory)) {
            throw new NotDirectoryException(path.toString());
        }
        return new ArrayList<>(directory.entries.keySet());
    }

    /** Opens (creating or truncating as asked) the regular file at {@code path}. */
    synchronized FileNode open(MemoryPath path, OpenMode mode) throws IOException {
        if (path.keys().isEmpty()) {
            throw new FileSystemException(path.toString(), null, "Is a directory");
        }
        DirectoryNode parent = parentOf(path);
        Node node = parent.entries.get(nameOf(path));
        if (node == null) {
            if (!mode.write() || !(mode.create() || mode.createNew())) {
                throw new NoSuchFileException(path.toString());
            }
            FileNode file = new FileNode(nextKey++, now());
            link(parent, nameOf(path), file);
            return file;
        }
        if (mode.createNew()) {
            throw new FileAlreadyExistsException(path.toString());
        }
        if (!(node instanceof FileNode file)) {
            throw new FileSystemException(path.toString(), null, "Is a directory");
        }
        if (mode.write() && mode.truncate()) {
            truncate(file, 0);
        }
        return file;
    }

    /**
     * Moves as the JDK's Unix provider does: with {@code atomic} as rename(2) alone (an existing target of the same
     * type is replaced), else by removing an existing target first if {@code replace}, then renaming.
     */
    synchronized void move(MemoryPath source, MemoryPath target, boolean replace, boolean atomic)
            throws IOException {
        DirectoryNode from = parentOf(source);
        DirectoryNode to = atomic ? parentOf(target) : null; // rename(2) looks both parents up first
        Node node = from.entries.get(nameOf(source));
        if (node == null) {
            throw new NoSuchFileException(source.toString());
        }
        if (source.keys().equals(target.keys())) {
            return;
        }
        to = to != null ? to : parentOf(target);
        boolean intoItself = node instanceof DirectoryNode && target.keys().size() > source.keys().size()
                && target.keys().subList(0, source.keys().size()).equals(source.keys());
        if (atomic && intoItself) {
            throw new FileSystemException(source.toString(), target.toString(), "Invalid argument");
        }
        clearTarget(source, target, to, replace || atomic, atomic, node instanceof DirectoryNode);
        if (intoItself) {
            throw new FileSystemException(source.toString(), target.toString(), "Invalid argument");
        }
        from.entries.remove(nameOf(source));
        from.modified = now();
        to.entries.put(nameOf(target), node);
        to.modified = now();
    }

    /** Copies a file's bytes, or makes an empty directory for a directory (as {@code Files.copy} does). */
    synchronized void copy(MemoryPath source, MemoryPath target, boolean replace, boolean copyTimes)
            throws IOException {
        Node node = require(source);
        if (source.keys().equals(target.keys())) {
            return;
        }
        DirectoryNode to = parentOf(target);
        clearTarget(source, target, to, replace, false, node instanceof DirectoryNode);
        Node copy;
        if (node instanceof FileNode file) {
            reserve(file.size());
            FileNode fileCopy = new FileNode(nextKey++, now());
            fileCopy.content(file.content());
            copy = fileCopy;
        } else {
            copy = new DirectoryNode(nextKey++, now());
        }
        if (copyTimes) {
            copy.created = node.created;
            copy.modified = node.modified;
            copy.accessed = node.accessed;
        }
        link(to, nameOf(target), copy);
    }

    /**
     * Removes what is at {@code target} so that a node may take its name, or says why not. As rename(2) (when
     * {@code atomic}) a directory only replaces an empty directory and a file only a file, and the errors are the
     * plain errno texts; otherwise any file or empty directory is removed first, as the JDK's Unix provider does.
     */
    private void clearTarget(MemoryPath source, MemoryPath target, DirectoryNode to, boolean replace,
                             boolean atomic, boolean sourceIsDirectory) throws IOException {
        Node existing = to.entries.get(nameOf(target));
        if (existing == null) {
            return;
        }
        if (!replace) {
            throw new FileAlreadyExistsException(target.toString());
        }
        if (existing instanceof DirectoryNode directory) {
            if (atomic && !sourceIsDirectory) {
                throw new FileSystemException(source.toString(), target.toString(), "Is a directory");
            }
            if (!directory.entries.isEmpty()) {
                throw atomic ? new FileSystemException(source.toString(), target.toString(), "Directory not empty")
                        : new DirectoryNotEmptyException(target.toString());
            }
        } else if (atomic && sourceIsDirectory) {
            throw new FileSystemException(source.toString(), target.toString(), NOT_A_DIRECTORY);
        }
        unlink(to, nameOf(target));
    }

    private void link(DirectoryNode parent, String name, Node node) {
        parent.entries.put(name, node);
        parent.modified = node.modified;
        if (node instanceof FileNode file) {
            file.linked = true;
            used += file.size();
        }
    }

    private void unlink(DirectoryNode parent, String name) {
        Node node = parent.entries.remove(name);
        parent.modified = now();
        if (node instanceof FileNode file && file.linked) {
            file.linked = false;
            used -= file.size();
        }
    }

    private void reserve(long bytes) throws IOException {
        if (bytes > capacity - used) {
            throw new IOException("No space left on device");
        }
    }

    synchronized MemoryAttributes attributes(MemoryPath path) throws IOException {
        Node node = require(path);
        return new MemoryAttributes(node.modified, node.accessed, node.created, node instanceof DirectoryNode,
                node.size(), node.key);
    }

    /** Sets the times that are not null. */
    synchronized void setTimes(MemoryPath path, FileTime modified, FileTime accessed, FileTime created)
            throws IOException {
        Node node = require(path);
        node.modified = modified != null ? modified : node.modified;
        node.accessed = accessed != null ? accessed : node.accessed;
        node.created = created != null ? created : node.created;
    }

    synchronized int read(FileNode file, long position, ByteBuffer dst) {
        return file.read(position, dst);
    }

    synchronized int write(FileNode file, long position, ByteBuffer src) throws IOException {
        long end = position + src.remaining();
        if (end > FileNode.MAX_SIZE) {
            throw new IOException("File too large");
        }
        long growth = Math.max(0, end - file.size());
        if (file.linked) {
            reserve(growth);
            used += growth;
        }
        file.modified = now();
        return file.write(position, src);
    }

    synchronized void truncate(FileNode file, long size) {
        if (size < file.size()) {
            if (file.linked) {
                used -= file.size() - size;
            }
            file.truncate(size);
            file.modified = now();
        }
    }

    synchronized long size(FileNode file) {
        return file.size();
    }
}
