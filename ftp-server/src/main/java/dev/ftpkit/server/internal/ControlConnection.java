package dev.ftpkit.server.internal;

import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.LineDecoder;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.internal.data.ClientWatch;
import dev.ftpkit.server.internal.data.DataSetup;
import dev.ftpkit.server.internal.tls.TlsConfig;
import dev.ftpkit.server.internal.tls.TlsSockets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The control connection: bounded command lines read through a buffer (never byte by byte from the socket),
 * with an idle timeout before a line starts and a deadline for the whole line once it started (slowloris), and
 * replies written whole, each in one write, one at a time.
 *
 * <p>The bytes read are also watched for an abort ({@link AbortSignal}) as soon as they arrive, and an end of
 * stream or a reset is remembered: an upload about to be committed asks {@link #clientGaveUp(Duration)}.
 */
public final class ControlConnection implements Closeable, ClientWatch {

    private final Socket raw;
    /** Who the transcript names: the client, also behind a load balancer (PROXY protocol). */
    private final InetSocketAddress client;
    private final int maxLineBytes;
    // replaced by AUTH TLS / CCC, always on the session thread while no reply is being written
    private volatile Socket socket;
    private volatile Consumer<Reply> sent = reply -> { };
    private volatile InputStream in;
    private volatile OutputStream out;
    private LineDecoder decoder;
    /** Whether the line being discarded was already answered as too long, before its end. */
    private boolean tooLongAnswered;
    private volatile SSLSocket tls;
    /** Command lines are short; a longer one is gathered by the decoder over several reads. */
    private static final int READ_BUFFER_BYTES = 2048;
    private byte[] buffer;
    private int position;
    private int limit;
    private volatile long writeStarted;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AbortSignal abortSignal = new AbortSignal();
    private volatile boolean peerClosed;
    private volatile Charset charset = StandardCharsets.UTF_8;
    /** Whether the session thread waits for the transfer to end, so it reads nothing until then. */
    private volatile boolean readerWaitsForTransfer;
    private final ReentrantLock readLock = new ReentrantLock();
    private final Condition bytesRead = readLock.newCondition();

    /**
     * Wraps an accepted connection. Nothing is set up here: the acceptor thread creates this, and everything that
     * costs a system call or an allocation waits for {@link #open()} on the session's own thread, so the single
     * acceptor is not what limits how fast sessions start.
     */
    public ControlConnection(Socket socket, InetSocketAddress client, int maxLineBytes) {
        this.raw = socket;
        this.client = client;
        this.socket = socket;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Sets the connection up, on the session thread before the greeting.
     *
     * @throws IOException if the connection already failed
     */
    public void open() throws IOException {
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
     * @throws FtpProtocolException   as soon as the line passed the limit, before its end (the rest of it is
     *                                discarded by the next calls; the next line can be read)
     * @throws IOException            if the connection failed
     */
    public byte[] readLine(Duration idle, Duration deadline) throws IOException {
        long lineStarted = decoder.hasPartialLine() ? System.nanoTime() : -1;
        while (true) {
            if (position < limit) {
                int consumed = decoder.feed(buffer, position, limit - position);
                position += consumed;
                if (decoder.hasLine()) {
                    if (tooLongAnswered) {
                        tooLongAnswered = false;
                        discardTooLongLine();
                        continue;
                    }
                    return decoder.takeLine();
                }
                if (decoder.tooLong() && !tooLongAnswered) {
                    // refused at once (vsftpd does too): the rest of the line is discarded up to its LF
                    tooLongAnswered = true;
                    throw new FtpProtocolException("line longer than " + maxLineBytes + " bytes");
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
            int n = readWatched();
            if (n < 0) {
                return null;
            }
            position = 0;
            limit = n;
        }
    }

    /** Reads into the buffer, scanning the bytes for an abort and noting the end of the connection. */
    private void discardTooLongLine() {
        try {
            decoder.takeLine();
        } catch (FtpProtocolException alreadyAnswered) {
            // the 500 went out when the line passed the limit
        }
    }

    /**
     * Reads what has arrived and scans it for an abort sign. The first byte is read alone (it may block); the rest
     * is read and scanned under the read lock. So while {@link #clientGaveUp} holds that lock, the session thread
     * holds at most one byte it has read and not scanned, and every abort sign is longer than one byte: the rest
     * of it is still in the socket, where the check sees it and waits for the scan.
     */
    private int readWatched() throws IOException {
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            peerClosed = true; // reset, or TLS failed: the session ends
            signalRead();
            throw e;
        }
        if (first < 0) {
            peerClosed = true;
            signalRead();
            return -1;
        }
        readLock.lock();
        try {
            buffer[0] = (byte) first;
            int n = 1;
            int waiting = Math.min(in.available(), buffer.length - 1);
            if (waiting > 0) {
                n += Math.max(0, in.read(buffer, 1, waiting)); // available: does not block
            }
            abortSignal.scan(buffer, 0, n);
            bytesRead.signalAll();
            return n;
        } catch (IOException e) {
            peerClosed = true;
            bytesRead.signalAll();
            throw e;
        } finally {
            readLock.unlock();
        }
    }

    private void signalRead() {
        readLock.lock();
        try {
            bytesRead.signalAll();
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Starts watching for the abort of a new transfer: earlier signs are forgotten, bytes already buffered after the
     * transfer's command are looked at again. Called on the session thread before the transfer starts.
     */
    @Override
    public void watchForAbort() {
        abortSignal.reset();
        abortSignal.scan(buffer, position, limit - position);
    }

    /**
     * Whether the client gave up on the running transfer: an abort sign (IAC IP, IAC DM, an ABOR line) was read
     * since {@link #watchForAbort()}, or the client closed or reset the control connection. Bytes still waiting in
     * the socket are given up to {@code grace} to be read and scanned (unless the session thread waits for this
     * transfer to end before it reads on, see {@link #readerWaitsForTransfer(boolean)}). Called by the
     * transfer thread before an upload is committed. On a plain control connection no sign can hide between a read
     * and its scan ({@link #readWatched()}); under TLS a whole record is decrypted at once, so a sign in a record
     * read but not yet scanned can be missed in that instant. The ftpkit client resets the data connection of an
     * abandoned upload, which never commits, so this check is a second line for other clients.
     *
     * @param grace how long to wait for bytes already in the socket to be read
     * @return true if the upload must not be committed
     */
    @Override
    public boolean clientGaveUp(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        readLock.lock();
        try {
            // Bounded by the grace period.
            while (!abortSignal.seen() && !peerClosed && !readerWaitsForTransfer && unreadBytes() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                bytesRead.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true; // the server is stopping this transfer: do not commit
        } finally {
            readLock.unlock();
        }
        return abortSignal.seen() || peerClosed;
    }

    /**
     * Tells whether the session thread stopped reading until the running transfer ends (a command that must wait
     * for it), so an upload does not wait for it to read.
     *
     * @param waiting true before the wait, false after it
     */
    @Override
    public void readerWaitsForTransfer(boolean waiting) {
        readerWaitsForTransfer = waiting;
    }

    /** Bytes received on the TCP connection and not read yet (encrypted ones under TLS); 0 if unknown. */
    private int unreadBytes() {
        try {
            // available() takes no read lock (the session thread may be blocked in a read)
            return raw.getInputStream().available();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Whether part of a command line has arrived. */
    public boolean midLine() {
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
    public SSLSession upgrade(TlsConfig config, SSLContext context, Duration timeout) throws IOException {
        discardBuffered();
        writeLock.lock();
        try {
            SSLSocket secure = TlsSockets.handshakeControl(config, context, raw, TlsSockets.newControlTag(),
                    timeout);
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
    public void clear(Duration timeout) throws IOException {
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
    public boolean secure() {
        return tls != null;
    }

    private void discardBuffered() {
        position = 0;
        limit = 0;
        decoder = new LineDecoder(maxLineBytes);
        tooLongAnswered = false;
    }

    /**
     * Sets the charset replies are encoded in: UTF-8 unless the server speaks another to older clients.
     *
     * @param names the charset of names in replies
     */
    public void charset(Charset names) {
        this.charset = names;
    }

    /**
     * Sends one reply.
     *
     * @param reply the reply
     * @throws IOException if the connection failed
     */
    public void send(Reply reply) throws IOException {
        write(reply.encode().getBytes(charset));
        ProtocolLog.sent(client, reply);
        sent.accept(reply);
    }

    /**
     * Tells {@code observer} every reply sent from now on (ServerListener#replySent).
     *
     * @param observer gets each reply after it was written
     */
    public void onSent(Consumer<Reply> observer) {
        this.sent = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Sends bytes as they are, outside the reply encoding (CommandContext#sendRaw).
     *
     * @param bytes the bytes
     * @throws IOException if the connection failed
     */
    public void sendRaw(byte[] bytes) throws IOException {
        write(bytes.clone());
    }

    private void write(byte[] bytes) throws IOException {
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
    public long blockedWriteNanos() {
        long started = writeStarted;
        return started == 0 ? 0 : System.nanoTime() - started;
    }

    /** Sends a reply, ignoring a failed connection (used while closing). */
    public void sendQuietly(Reply reply) {
        try {
            send(reply);
        } catch (IOException ignored) {
            // the client is gone
        }
    }

    /** Closes the TCP connection with a reset (SO_LINGER 0) rather than an orderly end (CommandContext#resetControlConnection). */
    public void reset() {
        try {
            raw.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // already closed: nothing left to reset
        }
        close();
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
