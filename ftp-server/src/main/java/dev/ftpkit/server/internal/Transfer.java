package dev.ftpkit.server.internal;

import java.io.Closeable;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One running transfer command: lets ABOR close its data connection and wait for its final reply. */
final class Transfer {

    private final CountDownLatch done = new CountDownLatch(1);
    private final String verb;
    private final String argument;
    private volatile boolean aborted;
    private volatile Closeable channel;
    private volatile SocketDataConnection connection;

    Transfer(String verb, String argument) {
        this.verb = verb;
        this.argument = argument;
    }

    String verb() {
        return verb;
    }

    String argument() {
        return argument;
    }

    /** Records what ABOR must close: first the passive listener or connect attempt, then the data connection. */
    void attach(Closeable current) {
        this.channel = current;
        if (aborted) {
            DataSetup.closeQuietly(current);
        }
    }

    void attach(SocketDataConnection dataConnection) {
        this.connection = dataConnection;
        attach((Closeable) dataConnection.socket());
    }

    /** Whether the data connection was opened. */
    boolean started() {
        return connection != null;
    }

    long bytes() {
        SocketDataConnection c = connection;
        return c == null ? 0 : c.bytes();
    }

    boolean aborted() {
        return aborted;
    }

    /** Closes the data connection from the control connection's thread (RFC 959 §4.1.3 ABOR). */
    void abort() {
        aborted = true;
        DataSetup.closeQuietly(channel);
    }

    void finished() {
        done.countDown();
    }

    boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits for the final reply to be sent; false if the wait timed out. */
    boolean await(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
