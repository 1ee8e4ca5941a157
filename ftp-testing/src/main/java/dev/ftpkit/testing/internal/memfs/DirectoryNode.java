package dev.ftpkit.testing.internal.memfs;

import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;

/** A directory: its entries by name, in name order. Guarded by the tree's lock. */
final class DirectoryNode extends Node {

    final Map<String, Node> entries = new TreeMap<>();

    DirectoryNode(long key, FileTime now) {
        super(key, now);
    }

    @Override
    long size() {
        return 0;
    }
}
