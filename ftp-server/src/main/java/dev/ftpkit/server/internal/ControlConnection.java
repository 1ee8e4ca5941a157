package dev.ftpkit.server.internal;

import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.LineDecoder;
import dev.ftpkit.core.Reply;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The control connection: bounded command lines read through a buffer (never byte by byte from the socket),
 * with an idle timeout before a line starts and a deadline for the whole line once it started (slowloris), and
 * replies written whole and flushed, one at a time.
 */
final class ControlConnection implements Closeable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final LineDecoder decoder;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;
    private volatile long writeStarted;
    private final ReentrantLock writeLock = new ReentrantLock();

    ControlConnection(Socket socket, int maxLineBytes) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        socket.setKeepAlive(true);
        // ftplib sends ABOR as TCP urgent data; without OOBINLINE the JDK silently drops the urgent byte
        socket.setOOBInline(true);
        this.in = socket.getInputStream();
        this.out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        this.decoder = new LineDecoder(maxLineBytes);
    }

    /**
     * Reads the next command line.
     *
     * @param idle     how long to wait for the first byte
     * @param deadline how long the line may take once its first byte arrived
     * @return the line without CRLF, or null at end of stream
     * @throws SocketTimeoutException if either limit passed
     * @throws FtpProtocolException   if the line was too long (it was discarded; the next line can be read)
     * @throws IOException            if the connection failed
     */
    byte[] readLine(Duration idle, Duration deadline) throws IOException {
        long lineStarted = decoder.hasPartialLine() ? System.nanoTime() : -1;
        while (true) {
            if (position < limit) {
                int consumed = decoder.feed(buffer, position, limit - position);
                position += consumed;
                if (decoder.hasLine()) {
                    return decoder.takeLine();
                }
                if (lineStarted < 0 && consumed > 0) {
                    lineStarted = System.nanoTime();
                }
                continue;
            }
            long timeoutMillis = lineStarted < 0 ? idle.toMillis()
                    : deadline.toMillis() - (System.nanoTime() - lineStarted) / 1_000_000;
            if (timeoutMillis <= 0) {
                throw new SocketTimeoutException("command line deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return null;
            }
            position = 0;
            limit = n;
        }
    }

    /** Whether part of a command line has arrived. */
    boolean midLine() {
        return decoder.hasPartialLine() || position < limit;
    }

    /**
     * Sends one reply.
     *
     * @param reply the reply
     * @throws IOException if the connection failed
     */
    void send(Reply reply) throws IOException {
        byte[] bytes = reply.encode().getBytes(StandardCharsets.UTF_8);
        // a lock rather than synchronized: a virtual thread blocked in the write does not pin its carrier
        writeLock.lock();
        try {
            writeStarted = System.nanoTime();
            out.write(bytes);
            out.flush();
        } finally {
            writeStarted = 0;
            writeLock.unlock();
        }
    }

    /**
     * How long the current reply write has been blocked (a client that stops reading), 0 if none runs.
     *
     * @return nanoseconds
     */
    long blockedWriteNanos() {
        long started = writeStarted;
        return started == 0 ? 0 : System.nanoTime() - started;
    }

    /** Sends a reply, ignoring a failed connection (used while closing). */
    void sendQuietly(Reply reply) {
        try {
            send(reply);
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
