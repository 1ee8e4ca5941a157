package dev.ftpkit.server.internal.data;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * The direct buffers of a server's plain binary transfers ({@link ChannelSend}'s copy, an upload's read), lent
 * out per transfer and taken back at its end. A direct buffer's memory is outside the heap and is freed only when a
 * garbage collection finds the buffer unreachable; a server whose heap is mostly idle collects rarely, so buffers
 * allocated anew for every transfer piled up: with 1,000 sessions each moving 20 small files, about 1.1 GiB of
 * freed-but-not-collected buffers beside a 74 MiB heap (issue 21, table 7b). Reused, the buffers in existence are
 * about as many as transfers run at once.
 *
 * <p>At most {@code keep} idle buffers of each size are kept; one given back beyond them is dropped (the garbage
 * collector frees it), so the memory held while the server is idle stays bounded. Shared by all sessions of one
 * server, so there is no static state.
 */
public final class DirectBuffers {

    /** Idle 64 KiB buffers kept at most: 16 MiB. */
    static final int KEEP_STANDARD = 256;
    /** Idle 256 KiB buffers kept at most: 8 MiB. */
    static final int KEEP_LARGE = 32;

    private final Size standard;
    private final Size large;

    /** A pool with the default bounds. */
    public DirectBuffers() {
        this(KEEP_STANDARD, KEEP_LARGE);
    }

    DirectBuffers(int keepStandard, int keepLarge) {
        this.standard = new Size(SocketDataConnection.BUFFER_SIZE, keepStandard);
        this.large = new Size(SocketDataConnection.LARGE_UPLOAD_BUFFER, keepLarge);
    }

    /** A cleared buffer of {@link SocketDataConnection#BUFFER_SIZE} bytes; give it back when done. */
    ByteBuffer standard() {
        return standard.take();
    }

    /** A cleared buffer of {@link SocketDataConnection#LARGE_UPLOAD_BUFFER} bytes; give it back when done. */
    ByteBuffer large() {
        return large.take();
    }

    /**
     * Takes a buffer back for the next transfer. The caller must not use it afterwards.
     *
     * @param buffer one of this pool's buffers, or null (nothing was taken)
     */
    void give(ByteBuffer buffer) {
        if (buffer == null) {
            return;
        }
        if (buffer.capacity() == standard.capacity) {
            standard.give(buffer);
        } else if (buffer.capacity() == large.capacity) {
            large.give(buffer);
        }
    }

    /** Idle buffers held now (for tests). */
    int idle() {
        return standard.idle.size() + large.idle.size();
    }

    /** The buffers of one capacity. */
    private static final class Size {
        private final int capacity;
        private final ArrayBlockingQueue<ByteBuffer> idle;

        Size(int capacity, int keep) {
            this.capacity = capacity;
            this.idle = new ArrayBlockingQueue<>(keep);
        }

        ByteBuffer take() {
            ByteBuffer buffer = idle.poll();
            return buffer != null ? buffer : ByteBuffer.allocateDirect(capacity);
        }

        void give(ByteBuffer buffer) {
            buffer.clear();
            idle.offer(buffer); // full: dropped, for the garbage collector
        }
    }
}
