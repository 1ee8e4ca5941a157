package dev.ftpkit.server.internal;

import dev.ftpkit.core.FtpProtocolException;
import dev.ftpkit.core.LineDecoder;
import dev.ftpkit.server.internal.data.ClientWatch;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The reading side of the control connection: command lines gathered through a buffer, every byte scanned for an
 * abort ({@link AbortSignal}) as soon as it is read, and the answer an upload needs before it is committed: did the
 * client give up?
 *
 * <p>That answer cannot come from {@code available()}: a FIN (or a TLS close_notify still encrypted) that nobody has
 * read yet counts as no byte. Only a read tells an end of stream from "nothing yet", and only one thread reads the
 * socket at a time. So the socket and the buffer have one owner at a time: the session thread while it waits for a
 * command line, or the thread asking {@link #clientGaveUp} while the session thread does something else. The asker
 * then reads itself; otherwise it asks for a <em>probe</em>, which the session thread makes at its next read: a read
 * started after the question that ends by its timeout proves that neither a byte nor an end of stream was waiting
 * when the question was asked. While a transfer runs, the session thread's reads last a few milliseconds at most, so
 * the answer never waits for the client's next command (a client that closed its data connection may send nothing
 * until the final reply), and it never depends on how soon a thread was scheduled: the same bytes and ends already
 * received give the same answer.
 *
 * <p>Under TLS the same read goes through the {@link javax.net.ssl.SSLSocket}: a close_notify or a TCP end reads as
 * an end of stream (or a failure, also taken as the client's end); a timeout in the middle of a record leaves the
 * record for the next read.
 */
final class ControlInput implements ClientWatch {

    /** Command lines are short; a longer one is gathered by the decoder over several reads. */
    private static final int READ_BUFFER_BYTES = 2048;
    /**
     * The longest read while a transfer runs, so the longest an upload's commit waits for the session thread to
     * probe. Reads start at {@link #PROBE_MILLIS} when a transfer starts and grow with its age, so small uploads wait
     * little and long ones wake the session thread at most this often.
     */
    private static final long MAX_SLICE_MILLIS = 20;
    /** The shortest read timeout there is (0 means none): what a probe that finds nothing costs. */
    private static final int PROBE_MILLIS = 1;

    private final int maxLineBytes;
    private final byte[] buffer = new byte[READ_BUFFER_BYTES];
    // the buffer, the decoder and the abort scan belong to the owner (ownership passes under the lock)
    private int position;
    private int limit;
    private LineDecoder decoder;
    /** Whether the line being discarded was already answered as too long, before its end. */
    private boolean tooLongAnswered;
    private final AbortSignal abortSignal = new AbortSignal();
    private volatile Socket socket;
    private volatile InputStream in;
    /** An end of stream, a reset or a failed read was seen: the client is gone. */
    private volatile boolean ended;
    private volatile BooleanSupplier transferRunning = () -> false;
    private volatile long transferStartedNanos;

    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when ownership is released, a probe answered or the end seen. */
    private final Condition changed = lock.newCondition();
    // guarded by lock
    private boolean owned;
    private long probesAsked;
    private long probesAnswered;

    ControlInput(Socket socket, int maxLineBytes) throws IOException {
        this.maxLineBytes = maxLineBytes;
        this.decoder = new LineDecoder(maxLineBytes);
        use(socket);
    }

    /** Reads from now on from {@code next} (after AUTH TLS or CCC; on the session thread, no transfer running). */
    void use(Socket next) throws IOException {
        this.in = next.getInputStream();
        this.socket = next;
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
    byte[] readLine(Duration idle, Duration deadline) throws IOException {
        acquire();
        try {
            return readLineOwned(idle, deadline);
        } finally {
            release();
        }
    }

    private byte[] readLineOwned(Duration idle, Duration deadline) throws IOException {
        long idleEnd = System.nanoTime() + idle.toNanos();
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
            if (ended) {
                return null; // a probe read the end
            }
            long left = (lineStarted < 0 ? idleEnd : lineStarted + deadline.toNanos()) - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException(lineStarted < 0 ? "idle timeout" : "command line deadline passed");
            }
            if (fill(left) < 0) {
                return null;
            }
        }
    }

    private void discardTooLongLine() {
        try {
            decoder.takeLine();
        } catch (FtpProtocolException alreadyAnswered) {
            // the 500 went out when the line passed the limit
        }
    }

    /**
     * One read by the session thread, at most {@code leftNanos} long; shorter while a transfer runs, and a probe
     * when one was asked before it started.
     *
     * @return bytes read, 0 if the time passed, -1 at the end of stream
     */
    private int fill(long leftNanos) throws IOException {
        long asked;
        lock.lock();
        try {
            asked = probesAsked > probesAnswered ? probesAsked : 0;
        } finally {
            lock.unlock();
        }
        long wait = asked > 0 ? PROBE_MILLIS
                : transferRunning.getAsBoolean() ? sliceMillis() : Long.MAX_VALUE;
        int n = readOnce((int) Math.min(Integer.MAX_VALUE, Math.min(wait, ceilMillis(leftNanos))));
        if (n == 0 && asked > 0) {
            answered(asked);
        }
        return n;
    }

    private long sliceMillis() {
        long age = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - transferStartedNanos);
        return Math.max(PROBE_MILLIS, Math.min(MAX_SLICE_MILLIS, age));
    }

    private static long ceilMillis(long nanos) {
        return Math.max(1, (nanos + 999_999) / 1_000_000);
    }

    /**
     * Reads what arrives within {@code timeoutMillis} after the unread bytes, scanning it for an abort sign.
     *
     * @return bytes read; 0 if the time passed or the buffer has no room; -1 at the end of stream
     */
    private int readOnce(int timeoutMillis) throws IOException {
        if (position == limit) {
            position = 0;
            limit = 0;
        } else if (limit == buffer.length) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            return 0; // a buffer full of pipelined commands: the client is busy talking, not gone
        }
        int n;
        try {
            socket.setSoTimeout(timeoutMillis);
            n = in.read(buffer, limit, buffer.length - limit);
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            end(); // reset, or TLS failed: the session ends
            throw e;
        }
        if (n < 0) {
            end();
            return -1;
        }
        abortSignal.scan(buffer, limit, n);
        limit += n;
        return n;
    }

    /**
     * Starts watching for the abort of a new transfer: earlier signs are forgotten, bytes already buffered after the
     * transfer's command are looked at again, and reads are kept short while {@code running} says the transfer runs.
     * Called on the session thread before the transfer starts.
     */
    @Override
    public void watchForAbort(BooleanSupplier running) {
        acquireQuietly();
        try {
            abortSignal.reset();
            abortSignal.scan(buffer, position, limit - position);
            transferStartedNanos = System.nanoTime();
            transferRunning = running;
        } finally {
            release();
        }
    }

    /**
     * Whether the client gave up on the running transfer: an abort sign (IAC IP, IAC DM, an ABOR line) was read
     * since {@link #watchForAbort}, or the client closed or reset the control connection, by the time this returns.
     * Everything received before the call is read first: by this thread if nobody else reads, otherwise by the
     * session thread's probe (see the class comment). Called by the transfer thread before an upload is committed.
     *
     * @param patience how long to wait for the session thread's probe; if it passes, the answer is yes (keep the old
     *                 file: a client that gets 426 can upload again, a replaced file cannot be had back)
     * @return true if the upload must not be committed
     */
    @Override
    public boolean clientGaveUp(Duration patience) {
        long end = System.nanoTime() + patience.toNanos();
        lock.lock();
        try {
            long question = ++probesAsked;
            while (!gaveUp() && probesAnswered < question) {
                if (!owned) {
                    owned = true;
                    lock.unlock();
                    try {
                        probe(question);
                    } finally {
                        lock.lock();
                        owned = false;
                        changed.signalAll();
                    }
                    continue;
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                changed.awaitNanos(left);
            }
            return gaveUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true; // the server is stopping this transfer: do not commit
        } finally {
            lock.unlock();
        }
    }

    /** Reads, as the owner, until nothing more waits (bounded by the buffer's room), the end or an abort sign. */
    private void probe(long question) {
        try {
            for (int i = 0; i <= buffer.length && !gaveUp(); i++) {
                int n = readOnce(PROBE_MILLIS);
                if (n == 0) {
                    answered(question);
                    return;
                }
            }
        } catch (IOException e) {
            // the end is noted: the client is gone
        }
    }

    private boolean gaveUp() {
        return ended || abortSignal.seen();
    }

    private void answered(long question) {
        lock.lock();
        try {
            probesAnswered = Math.max(probesAnswered, question);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void end() {
        ended = true;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether part of a command line has arrived. */
    boolean midLine() {
        acquireQuietly();
        try {
            return decoder.hasPartialLine() || position < limit;
        } finally {
            release();
        }
    }

    /** Drops what was read and not handled (before a TLS handshake or after CCC). */
    void discardBuffered() {
        acquireQuietly();
        try {
            position = 0;
            limit = 0;
            decoder = new LineDecoder(maxLineBytes);
            tooLongAnswered = false;
        } finally {
            release();
        }
    }

    private void acquire() throws InterruptedIOException {
        lock.lock();
        try {
            while (owned) { // a probe: a few reads of a millisecond
                changed.await();
            }
            owned = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a probe read the control connection");
        } finally {
            lock.unlock();
        }
    }

    private void acquireQuietly() {
        lock.lock();
        try {
            while (owned) {
                changed.awaitUninterruptibly();
            }
            owned = true;
        } finally {
            lock.unlock();
        }
    }

    private void release() {
        lock.lock();
        try {
            owned = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
