package dev.ftpkit.client.internal.fs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * Byte channels over FTP transfers. Reading is seekable: a new position ends the open RETR (ABOR) and the next read
 * starts one with {@code REST position}. Writing is sequential, as STOR and APPE are.
 */
final class RemoteChannels {

    private RemoteChannels() {
    }

    /** Opens transfers for a {@link Reading} channel. */
    @FunctionalInterface
    interface Download {
        InputStream from(long offset) throws IOException;
    }

    /** The open/closed state both channels share; {@link #release()} ends the transfer once. */
    private abstract static class Transferring implements SeekableByteChannel {
        private boolean open = true;

        abstract void release() throws IOException;

        @Override
        public final boolean isOpen() {
            return open;
        }

        @Override
        public final void close() throws IOException {
            if (open) {
                open = false;
                release();
            }
        }

        final void ensureOpen() throws ClosedChannelException {
            if (!open) {
                throw new ClosedChannelException();
            }
        }
    }

    /** A read channel; {@link #size()} is the size the server told when the channel was opened. */
    static final class Reading extends Transferring {
        private final Download download;
        private final long size;
        private InputStream current;
        private long position;

        Reading(Download download, long size) {
            this.download = download;
            this.size = size;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            ensureOpen();
            if (current == null) {
                if (position >= size) {
                    return -1;
                }
                current = download.from(position);
            }
            byte[] chunk = new byte[Math.min(dst.remaining(), 64 * 1024)];
            int n = current.read(chunk);
            if (n < 0) {
                return -1;
            }
            dst.put(chunk, 0, n);
            position += n;
            return n;
        }

        @Override
        public long position() throws IOException {
            ensureOpen();
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            ensureOpen();
            if (newPosition < 0) {
                throw new IllegalArgumentException("negative position: " + newPosition);
            }
            if (newPosition != position) {
                endTransfer();
                position = newPosition;
            }
            return this;
        }

        @Override
        public long size() throws IOException {
            ensureOpen();
            return size;
        }

        @Override
        public int write(ByteBuffer src) {
            throw new NonWritableChannelException();
        }

        @Override
        public SeekableByteChannel truncate(long newSize) {
            throw new NonWritableChannelException();
        }

        @Override
        void release() throws IOException {
            endTransfer();
        }

        private void endTransfer() throws IOException {
            InputStream transfer = current;
            current = null;
            if (transfer != null) {
                transfer.close();
            }
        }
    }

    /** A write channel over an upload; its position counts the bytes written through it. */
    static final class Writing extends Transferring {
        private final OutputStream out;
        private long written;

        Writing(OutputStream out) {
            this.out = out;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            ensureOpen();
            int n = src.remaining();
            byte[] chunk = new byte[n];
            src.get(chunk);
            out.write(chunk);
            written += n;
            return n;
        }

        @Override
        public long position() throws IOException {
            ensureOpen();
            return written;
        }

        @Override
        public SeekableByteChannel position(long newPosition) throws IOException {
            ensureOpen();
            if (newPosition != written) {
                throw new UnsupportedOperationException("FTP uploads are sequential: cannot move to " + newPosition);
            }
            return this;
        }

        @Override
        public long size() throws IOException {
            ensureOpen();
            return written;
        }

        @Override
        public SeekableByteChannel truncate(long size) throws IOException {
            ensureOpen();
            if (size < written) {
                throw new UnsupportedOperationException("FTP uploads cannot truncate what they sent");
            }
            return this;
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new NonReadableChannelException();
        }

        @Override
        void release() throws IOException {
            out.close();
        }
    }
}
