package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.internal.data.SendWays.Way;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.FileChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One binary download over a plain TCP data connection, through channels (no heap copies): {@code sendfile} or a
 * copy through one direct buffer, as {@link SendWays} chose for the file's store, or both in alternating slices
 * while it measures them. Starts at the file's position and ends at its end (as the file is then: a file that grows
 * while it is sent is sent as far as it grew).
 *
 * <p>ABOR, QUIT, a lost control connection and the stall watchdog stop a download by shutting the socket's output
 * down before closing it ({@link Transfer#abort()}): on Java 17 closing the socket alone does not wake a thread
 * blocked in a blocking sendfile, because the JDK registers that thread with the file channel only, so the socket's
 * close neither signals it nor shuts the connection down. sendfile runs on the socket in non-blocking mode besides
 * (see {@link #sendfile}), so the byte counter, which the stall watchdog reads, moves as the client reads.
 */
final class ChannelSend {

    /** Bytes per sendfile call. */
    static final long SENDFILE_CHUNK = 4L * 1024 * 1024;
    /**
     * The order of a probe's slices: one of each way unmeasured first (the copy loop is Java code, interpreted
     * until the JIT compiles it, while sendfile is one call per chunk: a cold copy would lose for the wrong reason),
     * then ABBA twice, so a trend (TCP ramping up, load coming or going) hits both ways alike. sendfile goes first,
     * so a client that stops reading at once leaves the thread in sendfile (what the abort tests need to reach).
     */
    private static final Way[] PROBE_ORDER = {Way.SENDFILE, Way.COPY,
            Way.SENDFILE, Way.COPY, Way.COPY, Way.SENDFILE, Way.SENDFILE, Way.COPY, Way.COPY, Way.SENDFILE};
    private static final int PROBE_WARM_UP = 2;
    /** How long a wait for the socket's buffer goes before it checks again that the socket is still open. */
    private static final long ABORT_CHECK_MILLIS = 500;
    private static final System.Logger LOG = System.getLogger(ChannelSend.class.getName());

    private final SeekableByteChannel file;
    private final SocketChannel socket;
    private final AtomicLong counter;
    private final DirectBuffers buffers;
    private ByteBuffer buffer;
    private long position;
    private boolean ended;

    /**
     * @param file    the file, positioned where the download starts
     * @param socket  the data connection's channel, blocking
     * @param counter counts the bytes sent (the transfer's progress)
     * @param buffers lends the copy's buffer, taken back when the send ends
     */
    ChannelSend(SeekableByteChannel file, SocketChannel socket, AtomicLong counter, DirectBuffers buffers)
            throws IOException {
        this.file = file;
        this.socket = socket;
        this.counter = counter;
        this.buffers = buffers;
        this.position = file.position();
    }

    /**
     * Sends the rest of the file.
     *
     * @param ways  the server's choices per store
     * @param store the key of the file's store, asked only when the choice matters (a big file channel)
     * @return the bytes sent
     * @throws DataConnectionException if the data connection fails
     * @throws IOException             if the file cannot be read
     */
    long send(SendWays ways, Supplier<Optional<Object>> store) throws IOException {
        long start = position;
        long remaining = file.size() - position;
        Optional<Object> key = file instanceof FileChannel && remaining >= SendWays.SENDFILE_MIN_BYTES
                ? store.get() : Optional.empty();
        Optional<Way> way = key.flatMap(ways::decided);
        try {
            if (way.isEmpty() && key.isPresent() && remaining >= ways.probeMinBytes() && ways.startProbe(key.get())) {
                way = probe(ways, key.get());
            }
            slice(way.orElse(Way.COPY), Long.MAX_VALUE);
        } finally {
            buffers.give(buffer);
            buffer = null;
        }
        return position - start;
    }

    /** Sends the probe's slices and returns the way chosen for the rest, if the probe chose one. */
    private Optional<Way> probe(SendWays ways, Object store) throws IOException {
        long[] nanos = new long[Way.values().length];
        boolean measured = false;
        try {
            for (int i = 0; i < PROBE_ORDER.length; i++) {
                Way way = PROBE_ORDER[i];
                long started = System.nanoTime();
                long sent = slice(way, ways.probeSlice());
                if (i >= PROBE_WARM_UP) {
                    nanos[way.ordinal()] += System.nanoTime() - started;
                }
                if (sent < ways.probeSlice()) {
                    return Optional.empty(); // the file ended early (it shrank): nothing measured
                }
            }
            measured = true;
        } finally {
            Optional<Way> chosen = ways.probed(store, measured ? nanos[Way.SENDFILE.ordinal()] : 0,
                    measured ? nanos[Way.COPY.ordinal()] : 0);
            if (measured) {
                LOG.log(System.Logger.Level.DEBUG, () -> "store " + store + ": sendfile "
                        + nanos[Way.SENDFILE.ordinal()] / 1_000_000 + " ms, copy " + nanos[Way.COPY.ordinal()] / 1_000_000
                        + " ms for " + 4 * ways.probeSlice() / 1024 + " KiB each: "
                        + chosen.map(Way::name).orElse("no clear winner, measured again later"));
            }
        }
        return ways.decided(store);
    }

    /** Sends up to {@code limit} bytes one way; returns what was sent (less only at the file's end). */
    private long slice(Way way, long limit) throws IOException {
        if (ended) {
            return 0;
        }
        long sent = way == Way.SENDFILE ? sendfile(limit) : copy(limit);
        if (sent < limit) {
            ended = true;
        }
        return sent;
    }

    /**
     * sendfile on the socket in non-blocking mode: each call moves what the socket's buffer takes and the counter
     * moves with it, so a slow client is never taken for a stalled one (a blocking call would report nothing until
     * its whole chunk went out, and the stall watchdog would abort a client slower than a chunk per data timeout).
     * In between it waits for the socket to take more; an abort's shutdown of the output wakes that wait.
     */
    private long sendfile(long limit) throws IOException {
        FileChannel channel = (FileChannel) file;
        long sent = 0;
        socket.configureBlocking(false);
        try (Selector writable = Selector.open()) {
            SelectionKey key = socket.register(writable, SelectionKey.OP_WRITE);
            while (sent < limit) {
                long n = transferTo(channel, Math.min(SENDFILE_CHUNK, limit - sent));
                if (n > 0) {
                    sent += n;
                    position += n;
                    counter.addAndGet(n);
                } else if (position >= channel.size()) {
                    break; // the end of the file
                } else {
                    awaitWritable(writable, key); // the socket's buffer is full
                }
            }
        } finally {
            channel.position(position);
            blockingAgain();
        }
        return sent;
    }

    /**
     * Waits until the socket takes more bytes, or the transfer is aborted. An abort shuts the output down, which
     * wakes the wait, then closes the socket, which cancels its key. A key cancelled before the wait begins is
     * taken out of the selector by the wait itself, which would then wait on nothing, forever: the wait is timed
     * so that it looks at the key again.
     *
     * @throws DataConnectionException if the socket was closed
     */
    static void awaitWritable(Selector writable, SelectionKey key) throws IOException {
        while (key.isValid() && writable.select(ABORT_CHECK_MILLIS) == 0) {
            // nothing ready yet: look at the key again
        }
        writable.selectedKeys().clear();
        if (!key.isValid()) {
            throw new DataConnectionException("data connection closed", new AsynchronousCloseException());
        }
    }

    /** The streams of the data connection (its close) need blocking mode; the selector let go of the socket. */
    private void blockingAgain() {
        try {
            if (socket.isOpen()) {
                socket.configureBlocking(true);
            }
        } catch (IOException closedMeanwhile) {
            // an abort closed it: nothing will use it again
        }
    }

    private long transferTo(FileChannel channel, long count) throws IOException {
        try {
            return channel.transferTo(position, count, socket);
        } catch (IOException e) {
            throw failureOf(channel, e);
        }
    }

    /**
     * sendfile fails for the file and for the socket alike: if the file can still be read where the transfer
     * stood, the data connection failed (426), else the file did (its own reply).
     */
    private IOException failureOf(FileChannel channel, IOException e) {
        try {
            channel.read(ByteBuffer.allocate(1), position);
            return new DataConnectionException("data connection failed", e);
        } catch (IOException fileFailed) {
            return e;
        }
    }

    private long copy(long limit) throws IOException {
        if (buffer == null) {
            buffer = buffers.standard();
        }
        long sent = 0;
        while (sent < limit) {
            buffer.clear();
            buffer.limit((int) Math.min(buffer.capacity(), limit - sent));
            int n = file.read(buffer);
            if (n < 0) {
                break;
            }
            buffer.flip();
            write(buffer);
            sent += n;
            position += n;
        }
        return sent;
    }

    private void write(ByteBuffer bytes) throws DataConnectionException {
        try {
            while (bytes.hasRemaining()) {
                counter.addAndGet(socket.write(bytes));
            }
        } catch (IOException e) {
            throw new DataConnectionException("data connection failed", e);
        }
    }
}
