package dev.ftpkit.server.internal;

import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.LineDecoder;
import dev.ftpkit.core.Reply;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
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
 * replies written whole, each in one write, one at a time.
 */
final class ControlConnection implements Closeable {

    private final Socket raw;
    private final int maxLineBytes;
    // replaced by AUTH TLS / CCC, always on the session thread while no reply is being written
    private volatile Socket socket;
    private volatile InputStream in;
    private volatile OutputStream out;
    private LineDecoder decoder;
    private volatile SSLSocket tls;
    /** Command lines are short; a longer one is gathered by the decoder over several reads. */
    private static final int READ_BUFFER_BYTES = 2048;
    private byte[] buffer;
    private int position;
    private int limit;
    private volatile long writeStarted;
    private final ReentrantLock writeLock = new ReentrantLock();

    /**
     * Wraps an accepted connection. Nothing is set up here: the acceptor thread creates this, and everything that
     * costs a system call or an allocation waits for {@link #open()} on the session's own thread, so the single
     * acceptor is not what limits how fast sessions start.
     */
    ControlConnection(Socket socket, int maxLineBytes) {
        this.raw = socket;
        this.socket = socket;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Sets the connection up, on the session thread before the greeting.
     *
     * @throws IOException if the connection already failed
     */
    void open() throws IOException {
        raw.setTcpNoDelay(true);
        raw.setKeepAlive(true);
        // ftplib sends ABOR as TCP urgent data; without OOBINLINE the JDK silently drops the urgent byte
        raw.setOOBInline(true);
        this.buffer = new byte[READ_BUFFER_BYTES];
        this.in = raw.getInputStream();
        this.out = raw.getOutputStream();
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
     * Turns the connection into TLS (after {@code 234} to AUTH TLS, or at once on the implicit listener). Whatever
     * the client sent in plaintext after the AUTH line and before the handshake is dropped unread: executing it
     * as if it had come over TLS is the STARTTLS command injection (CVE-2011-0411, CVE-2011-1575).
     *
     * @param config  the TLS options
     * @param timeout how long the handshake may take
     * @return the control connection's TLS session
     * @throws IOException if the handshake failed (the connection is then unusable)
     */
    SSLSession upgrade(TlsConfig config, Duration timeout) throws IOException {
        discardBuffered();
        writeLock.lock();
        try {
            SSLSocket secure = TlsSockets.handshake(config, raw, false, timeout);
            this.tls = secure;
            this.socket = secure;
            this.in = secure.getInputStream();
            this.out = secure.getOutputStream();
            return secure.getSession();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * CCC (RFC 4217 §12.3): ends TLS on the control connection with a close_notify exchange and goes on in
     * plaintext on the same TCP connection.
     *
     * @param timeout how long to wait for the client's close_notify
     * @throws IOException if the TLS layer could not be closed cleanly
     */
    void clear(Duration timeout) throws IOException {
        SSLSocket secure = tls;
        if (secure == null) {
            return;
        }
        discardBuffered();
        writeLock.lock();
        try {
            // the client sends close_notify after our 200; read up to it, so no TLS record is left for the
            // plaintext reader (anything sent before it over TLS after CCC is dropped)
            raw.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            byte[] drop = new byte[512];
            InputStream secureIn = secure.getInputStream();
            boolean closeNotify = false;
            for (int i = 0; i < 64 && !closeNotify; i++) {
                closeNotify = secureIn.read(drop) < 0;
            }
            if (!closeNotify) {
                throw new IOException("the client kept sending over TLS after CCC");
            }
            // JSSE answers with our close_notify and, with autoClose off, leaves the TCP connection open
            secure.close();
            this.tls = null;
            this.socket = raw;
            this.in = raw.getInputStream();
            this.out = raw.getOutputStream();
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether the control connection runs over TLS. */
    boolean secure() {
        return tls != null;
    }

    private void discardBuffered() {
        position = 0;
        limit = 0;
        decoder = new LineDecoder(maxLineBytes);
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
            OutputStream stream = out;
            if (stream == null) {
                // a 421 from the shutdown or the watchdog before the session thread opened the connection
                stream = raw.getOutputStream();
            }
            stream.write(bytes); // the whole reply in one write: one segment, no buffer to flush
            ProtocolLog.sent(raw.getRemoteSocketAddress(), reply);
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
        // the TCP connection first: closing TLS first would write a close_notify, which can block behind a
        // stuck reply write (the watchdog closes such sessions from another thread)
        try {
            raw.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
        SSLSocket secure = tls;
        if (secure != null) {
            DataSetup.closeQuietly(secure);
        }
    }
}
