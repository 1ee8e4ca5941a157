package dev.ftpkit.testing.internal.memfs;

import java.nio.ByteBuffer;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;

/** A regular file's bytes, growing like an array list. Guarded by the tree's lock. */
final class FileNode extends Node {

    /** The largest file: what one array holds. */
    static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    /** Whether a directory holds it; only linked files count against the capacity. */
    boolean linked;
    private byte[] bytes = new byte[0];
    private int size;

    FileNode(long key, FileTime now) {
        super(key, now);
    }

    @Override
    long size() {
        return size;
    }

    /** Copies from {@code position} into {@code dst}; -1 at or past the end. */
    int read(long position, ByteBuffer dst) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(dst.remaining(), size - position);
        dst.put(bytes, (int) position, n);
        return n;
    }

    /** Writes all of {@code src} at {@code position}; a gap after the old end reads as zeros. */
    int write(long position, ByteBuffer src) {
        int n = src.remaining();
        long end = position + n; // the tree checked that it stays below MAX_SIZE
        if (end > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_SIZE, Math.max(end, 2L * bytes.length)));
        }
        if (position > size) {
            Arrays.fill(bytes, size, (int) position, (byte) 0);
        }
        src.get(bytes, (int) position, n);
        size = (int) Math.max(size, end);
        return n;
    }

    void truncate(long newSize) {
        if (newSize < size) {
            size = (int) newSize;
        }
    }

    byte[] content() {
        return Arrays.copyOf(bytes, size);
    }

    void content(byte[] newContent) {
        bytes = newContent.clone();
        size = newContent.length;
    }
}
