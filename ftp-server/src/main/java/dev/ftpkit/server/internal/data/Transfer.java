package dev.ftpkit.server.internal.data;

import dev.ftpkit.server.RunningTransfer;

import java.io.Closeable;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One running transfer command: lets ABOR close its data connection and wait for its final reply. */
public final class Transfer implements RunningTransfer {

    private final CountDownLatch done = new CountDownLatch(1);
    private final String verb;
    private final String argument;
    private volatile boolean aborted;
    private volatile Closeable channel;
    private volatile SocketDataConnection connection;
    private long lastBytes = -1;
    private long lastProgress = System.nanoTime();

    public Transfer(String verb, String argument) {
        this.verb = verb;
        this.argument = argument;
    }

    @Override
    public String verb() {
        return verb;
    }

    public String argument() {
        return argument;
    }

    /** Records what ABOR must close: first the passive listener or connect attempt, then the data connection. */
    public void attach(Closeable current) {
        this.channel = current;
        if (aborted) {
            DataSetup.closeQuietly(current);
        }
    }

    public void attach(SocketDataConnection dataConnection) {
        this.connection = dataConnection;
        attach((Closeable) dataConnection.rawSocket());
    }

    /** Whether the data connection was opened. */
    public boolean started() {
        return connection != null;
    }

    @Override
    public long bytes() {
        SocketDataConnection c = connection;
        return c == null ? 0 : c.bytes();
    }

    /**
     * Called by the watchdog: whether no byte moved for longer than {@code stall} (a peer that neither reads nor
     * writes; socket writes have no timeout of their own).
     */
    public synchronized boolean stalled(long nowNanos, long stallNanos) {
        long bytes = bytes();
        if (bytes != lastBytes) {
            lastBytes = bytes;
            lastProgress = nowNanos;
            return false;
        }
        return connection != null && nowNanos - lastProgress > stallNanos;
    }

    public boolean aborted() {
        return aborted;
    }

    /**
     * Closes the data connection from the control connection's thread (RFC 959 §4.1.3 ABOR), also used when the
     * session ends (QUIT, control connection lost) and by the stall watchdog. The socket's output is shut down
     * first: on Java 17 a close alone does not wake a thread blocked in a blocking sendfile (the JDK does not record
     * it as the socket's writer, so the close neither signals it nor shuts the connection down), while a shutdown
     * fails that sendfile with EPIPE. Downloads run sendfile non-blocking ({@link ChannelSend}), which a close
     * wakes too; the shutdown keeps any write that blocks outside the JDK's bookkeeping abortable. On the wire
     * nothing changes: a close also ends the output after the bytes already queued.
     */
    @Override
    public void abort() {
        aborted = true;
        Closeable current = channel;
        if (current instanceof Socket socket) {
            try {
                socket.shutdownOutput();
            } catch (IOException notConnected) {
                // closed already, or never connected: the close below is all there is to do
            }
        }
        DataSetup.closeQuietly(current);
    }

    public void finished() {
        done.countDown();
    }

    @Override
    public boolean done() {
        return done.getCount() == 0;
    }

    /** Waits for the final reply to be sent; false if the wait timed out. */
    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
