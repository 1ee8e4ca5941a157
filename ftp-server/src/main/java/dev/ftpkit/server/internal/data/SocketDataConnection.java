package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.DataConnection;
import dev.ftpkit.server.RateLimit;
import dev.ftpkit.server.internal.files.StorageErrors;
import dev.ftpkit.server.internal.limits.Throttled;
import dev.ftpkit.server.internal.limits.TokenBucket;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSocket;

/**
 * A data connection over a socket. Its streams count the bytes and turn socket failures into
 * {@link DataConnectionException} (426), so they are told apart from file system failures.
 */
final class SocketDataConnection implements DataConnection {

    static final int BUFFER_SIZE = 64 * 1024;
    /**
     * The writes of a download over TLS: four full TLS 1.3 records. JSSE puts 2^14 - 17 bytes of plaintext in each
     * (room for the content-type byte and 16 bytes of padding, OpenJDK's OutputRecord.calculateFragmentSize) and
     * sends what is left of a write as a record of its own: a 64 KiB write went out as four records and one of 68
     * bytes, a quarter more records for the client to receive. Four such records' worth is four records under
     * TLS 1.2 too.
     */
    static final int TLS_WRITE_SIZE = 4 * (16_384 - 17);
    /** The buffer of a fast plain binary upload. */
    static final int LARGE_UPLOAD_BUFFER = 256 * 1024;

    private final Socket socket;
    private final Socket raw;
    private final boolean ascii;
    private final AtomicLong bytes = new AtomicLong();
    private final InputStream input;
    private final OutputStream unbuffered;
    /**
     * Made on first use: a plain binary transfer goes through the channel and never writes to it, and its 64 KiB
     * buffer was heap garbage per transfer that made the heap of a server with 1,000 busy sessions grow to 2 GiB
     * (issue 21). MODE Z makes it at once (its stream ends with the zlib trailer even when nothing was written).
     */
    private OutputStream output;
    private final int modeZLevel;
    private final boolean deflated;
    private final boolean downloadThrottled;
    private final SendWays sendWays;
    private final DirectBuffers buffers;

    /**
     * @param socket the data socket, TLS or not
     * @param raw    the TCP socket under it, which ABOR closes (closing the TLS socket could block on a write)
     * @param ascii  whether TYPE A is in effect
     * @param limit  the session's rate limit: a limited direction's stream is wrapped once, here (issue 19)
     * @param modeZLevel the MODE Z compression level, or -1 for MODE S
     * @param sendWays how binary downloads over plain TCP move their bytes, per file store
     * @param buffers  the server's direct buffers, lent to each plain binary transfer
     */
    SocketDataConnection(Socket socket, Socket raw, boolean ascii, RateLimit limit, int modeZLevel,
                         SendWays sendWays, DirectBuffers buffers) throws IOException {
        this.socket = socket;
        this.raw = raw;
        this.ascii = ascii;
        this.deflated = modeZLevel >= 0;
        this.downloadThrottled = limit.downloadBytesPerSecond() > 0;
        this.sendWays = sendWays;
        this.buffers = buffers;
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        InputStream counted = new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = in.read(b, off, len);
                } catch (IOException e) {
                    throw new DataConnectionException("data connection failed", e);
                }
                if (n > 0) {
                    bytes.addAndGet(n);
                } else if (n < 0) {
                    checkCloseNotify();
                }
                return n;
            }
        };
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                    bytes.addAndGet(len);
                } catch (IOException e) {
                    throw new DataConnectionException("data connection failed", e);
                }
            }
        };
        // the rate limit counts the bytes on the wire, so MODE Z's (de)compression sits above it
        InputStream limitedInput = Throttled.input(counted, limit.uploadBytesPerSecond(), System::nanoTime,
                TokenBucket.Pause.SLEEP);
        this.unbuffered = Throttled.output(counting, limit.downloadBytesPerSecond(), System::nanoTime,
                TokenBucket.Pause.SLEEP);
        this.modeZLevel = modeZLevel;
        this.input = deflated ? new ModeZStreams.Inflating(limitedInput) : limitedInput;
        if (deflated) {
            output();
        }
    }

    /**
     * RFC 4217 §10, RFC 8446 §6.1: over TLS only close_notify ends the data; a TCP end without it is a truncation
     * (an injected FIN, a crashed client), so the upload failed. JSSE returns end of stream in both cases, but
     * without close_notify it has also shut the socket's input down.
     */
    private void checkCloseNotify() throws DataConnectionException {
        if (socket instanceof SSLSocket && socket.isInputShutdown()) {
            throw new DataConnectionException("TLS data connection ended without close_notify", null);
        }
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public synchronized OutputStream output() {
        if (output == null) {
            OutputStream buffered = new BufferedOutputStream(unbuffered, writeSize());
            output = deflated ? new ModeZStreams.Deflating(buffered, modeZLevel) : buffered;
        }
        return output;
    }

    /** How many bytes each write to the socket should carry. */
    private int writeSize() {
        return plainTcp() ? BUFFER_SIZE : TLS_WRITE_SIZE;
    }

    /**
     * Whether the socket is the TCP connection itself: a TLS socket (JSSE's, or any layer over the TCP socket) may
     * report the channel under it, which carries TLS records.
     */
    private boolean plainTcp() {
        return socket == raw && !(socket instanceof SSLSocket);
    }

    /** The output stream if a transfer made it, else one that takes nothing (nothing was written or buffered). */
    private synchronized OutputStream outputIfMade() {
        return output != null ? output : OutputStream.nullOutputStream();
    }

    /** Whether uploads go through the rate limit (and so through {@link #input()}, not the channel). */
    boolean throttled() {
        return Throttled.isThrottled(input);
    }

    long bytes() {
        return bytes.get();
    }

    @Override
    public long sendFile(SeekableByteChannel file) throws IOException {
        return send(file, Optional::empty);
    }

    @Override
    public long sendFile(SeekableByteChannel file, Path source) throws IOException {
        return send(file, () -> SendWays.storeOf(source));
    }

    /**
     * A binary MODE S download without a rate limit over plain TCP goes through the channels (sendfile or a direct
     * buffer, {@link ChannelSend}); TYPE A, MODE Z, TLS and a rate limit need the bytes in hand, so they go through
     * the streams.
     */
    private long send(SeekableByteChannel file, Supplier<Optional<Object>> store) throws IOException {
        SocketChannel channel = plainChannel();
        if (ascii || deflated || downloadThrottled || channel == null) {
            return TransferIo.send(file, output(), ascii, writeSize());
        }
        outputIfMade().flush(); // nothing is buffered before a download; kept in order if something ever is
        return new ChannelSend(file, channel, bytes, buffers).send(sendWays, store);
    }

    /** The socket's channel, blocking, when the socket is plain TCP; else null. */
    private SocketChannel plainChannel() {
        SocketChannel channel = plainTcp() ? socket.getChannel() : null;
        return channel != null && channel.isBlocking() ? channel : null;
    }

    /**
     * {@inheritDoc} A failure of the data connection is a {@link DataConnectionException}; any other failure is the
     * file's, and a full disk or an exceeded quota get their type here ({@link StorageErrors}).
     */
    @Override
    public long receiveFile(SeekableByteChannel file) throws IOException {
        try {
            if (ascii || deflated || throttled()) {
                long stored = TransferIo.receive(input, file, ascii);
                return deflated ? stored : bytes();
            }
            receiveInto(file);
        } catch (IOException e) {
            throw StorageErrors.typed(e);
        }
        return bytes();
    }

    /**
     * Copies the whole upload into the file through one direct buffer (no copies through the heap), lent by the
     * server's {@link DirectBuffers} for the upload, when the socket has a channel; else through {@link #input()}.
     * The buffer starts at 64 KiB and grows once to {@link #LARGE_UPLOAD_BUFFER} when a read fills it (the client
     * sends faster than the file takes it): a fast upload then costs a quarter of the system calls (vsftpd reads and
     * writes 64 KiB at a time), and every {@code write} into an ext4 file pays a fixed cost (inode lock, time stamp,
     * journal handle) that bigger writes share out; a small or slow upload never holds more than 64 KiB.
     *
     * @param file the file to write
     * @return the bytes written
     * @throws DataConnectionException if the data connection fails (426)
     * @throws IOException             if the file cannot be written
     */
    long receiveInto(SeekableByteChannel file) throws IOException {
        SocketChannel channel = plainChannel();
        if (channel == null) {
            return TransferIo.receive(input, file, false);
        }
        ByteBuffer buffer = buffers.standard();
        try {
            long total = 0;
            while (true) {
                int n;
                try {
                    n = channel.read(buffer);
                } catch (IOException e) {
                    throw new DataConnectionException("data connection failed", e);
                }
                if (n < 0) {
                    return total;
                }
                bytes.addAndGet(n);
                boolean full = !buffer.hasRemaining();
                buffer.flip();
                while (buffer.hasRemaining()) {
                    total += file.write(buffer);
                }
                buffer.clear();
                if (full && buffer.capacity() < LARGE_UPLOAD_BUFFER) {
                    buffers.give(buffer);
                    buffer = null; // given back: never twice, even if the next allocation fails
                    buffer = buffers.large();
                }
            }
        } finally {
            buffers.give(buffer);
        }
    }

    /**
     * Ends the data connection with a reset instead of a clean end, when what was sent is not all there is (a
     * listing that failed midway): a client that reads to the end must not take the end for success.
     */
    @Override
    public void abort() {
        try {
            raw.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed
        }
        DataSetup.closeQuietly(raw);
    }

    /** The TCP socket, for ABOR to close. */
    Socket rawSocket() {
        return raw;
    }

    @Override
    public void close() throws IOException {
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                OutputStream written = outputIfMade();
                if (written instanceof ModeZStreams.Deflating deflating) {
                    deflating.end(); // MODE Z: the end of the zlib stream, then the end of the connection
                }
                written.flush();
                if (socket instanceof SSLSocket) {
                    // close_notify alone (RFC 8446 §6.1): a plain close of a TLS 1.3 socket makes JSSE send
                    // user_canceled first, which GnuTLS (lftp) reports as a fatal alert
                    socket.shutdownOutput();
                }
            }
        } finally {
            if (input instanceof ModeZStreams.Inflating inflating) {
                inflating.end();
            }
            socket.close();
        }
    }
}
