package dev.ftpkit.server.internal;

import dev.ftpkit.core.FtpProtocolException;
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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The control connection: bounded command lines read through a buffer (never byte by byte from the socket),
 * with an idle timeout before a line starts and a deadline for the whole line once it started (slowloris), and
 * replies written whole, each in one write, one at a time.
 *
 * <p>Reading, the watch for an abort and the answer an upload needs before it is committed
 * ({@link #clientGaveUp(Duration)}) are {@link ControlInput}'s.
 */
public final class ControlConnection implements Closeable, ClientWatch {

    private final Socket raw;
    /** Who the transcript names: the client, also behind a load balancer (PROXY protocol). */
    private final InetSocketAddress client;
    private final int maxLineBytes;
    // replaced by AUTH TLS / CCC, always on the session thread while no reply is being written
    private volatile Consumer<Reply> sent = reply -> { };
    private volatile OutputStream out;
    private volatile SSLSocket tls;
    /** Made by {@link #open()}: the command lines, the abort watch and the answer to "did the client give up?". */
    private ControlInput input;
    private volatile long writeStarted;
    private final ReentrantLock writeLock = new ReentrantLock();
    private volatile Charset charset = StandardCharsets.UTF_8;

    /**
     * Wraps an accepted connection. Nothing is set up here: the acceptor thread creates this, and everything that
     * costs a system call or an allocation waits for {@link #open()} on the session's own thread, so the single
     * acceptor is not what limits how fast sessions start.
     */
    public ControlConnection(Socket socket, InetSocketAddress client, int maxLineBytes) {
        this.raw = socket;
        this.client = client;
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
        this.input = new ControlInput(raw, maxLineBytes);
        this.out = raw.getOutputStream();
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
        return input.readLine(idle, deadline);
    }

    @Override
    public void watchForAbort(BooleanSupplier running) {
        input.watchForAbort(running);
    }

    @Override
    public boolean clientGaveUp(Duration patience) {
        return input.clientGaveUp(patience);
    }

    /** Whether part of a command line has arrived. */
    public boolean midLine() {
        return input.midLine();
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
        input.discardBuffered();
        writeLock.lock();
        try {
            SSLSocket secure = TlsSockets.handshakeControl(config, context, raw, TlsSockets.newControlTag(),
                    timeout);
            this.tls = secure;
            input.use(secure);
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
        input.discardBuffered();
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
            input.use(raw);
            this.out = raw.getOutputStream();
        } finally {
            writeLock.unlock();
        }
    }

    /** Whether the control connection runs over TLS. */
    public boolean secure() {
        return tls != null;
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
