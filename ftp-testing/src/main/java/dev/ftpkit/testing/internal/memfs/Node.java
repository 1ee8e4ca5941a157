package dev.ftpkit.testing.internal.memfs;

import java.nio.file.attribute.FileTime;

/** A file or directory in the tree: what an inode is on Unix. Guarded by the tree's lock. */
abstract sealed class Node permits FileNode, DirectoryNode {

    /** Unique in its tree, like an inode number; listings show it as the MLSx "unique" fact. */
    final long key;
    FileTime created;
    FileTime modified;
    FileTime accessed;

    Node(long key, FileTime now) {
        this.key = key;
        this.created = now;
        this.modified = now;
        this.accessed = now;
    }

    abstract long size();
}
