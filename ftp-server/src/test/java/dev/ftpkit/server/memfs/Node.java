package dev.ftpkit.server.memfs;

import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicLong;

/** A file or directory in the tree: what an inode is on Unix. Guarded by the tree's lock. */
abstract sealed class Node permits FileNode, DirectoryNode {

    private static final AtomicLong KEYS = new AtomicLong();

    /** Unique per node, like an inode number; {@link java.nio.file.Files#isSameFile} compares nodes. */
    final long key = KEYS.incrementAndGet();
    FileTime created;
    FileTime modified;
    FileTime accessed;

    Node(FileTime now) {
        this.created = now;
        this.modified = now;
        this.accessed = now;
    }

    abstract long size();
}
