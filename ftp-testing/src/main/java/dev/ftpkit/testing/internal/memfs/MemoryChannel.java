package dev.ftpkit.testing.internal.memfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A channel on one file node, like a Unix file descriptor on an inode: it keeps working on the same bytes after
 * the file is renamed or deleted. It counts as closed once its file system is closed.
 */
final class MemoryChannel implements SeekableByteChannel {

    /** Runs when the channel closes (DELETE_ON_CLOSE). */
    interface OnClose {
        void closed() throws IOException;
    }

    private final MemoryFileSystem fs;
    private final FileNode file;
    private final OpenMode mode;
    private final OnClose onClose;
    private long position;
    private boolean open = true;

    MemoryChannel(MemoryFileSystem fs, FileNode file, OpenMode mode, OnClose onClose) {
        this.fs = fs;
        this.file = file;
        this.mode = mode;
        this.onClose = onClose;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (!mode.read()) {
            throw new NonReadableChannelException();
        }
        int n = fs.tree().read(file, position, dst);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        ensureOpen();
        if (!mode.write()) {
            throw new NonWritableChannelException();
        }
        if (mode.append()) {
            position = fs.tree().size(file);
        }
        int n = fs.tree().write(file, position, src);
        position += n;
        return n;
    }

    @Override
    public synchronized long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public synchronized SeekableByteChannel position(long newPosition) throws IOException {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        ensureOpen();
        position = newPosition;
        return this;
    }

    @Override
    public synchronized long size() throws IOException {
        ensureOpen();
        return fs.tree().size(file);
    }

    @Override
    public synchronized SeekableByteChannel truncate(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        ensureOpen();
        if (!mode.write()) {
            throw new NonWritableChannelException();
        }
        fs.tree().truncate(file, size);
        position = Math.min(position, size);
        return this;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public synchronized boolean isOpen() {
        return open && fs.isOpen();
    }

    @Override
    public synchronized void close() throws IOException {
        if (open) {
            open = false;
            onClose.closed();
        }
    }
}
