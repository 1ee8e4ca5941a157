package dev.ftpkit.server.internal.data;

import dev.ftpkit.core.Command;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs a session's transfer commands on their own thread, so that ABOR, STAT and NOOP can be handled while they
 * run; at most one at a time, as the session waits for its final reply before any other command. The current
 * transfer is read by the session thread, the transfer thread, the watchdog and shutdown, hence volatile.
 */
public final class TransferRunner {

    private final ThreadFactory threads;
    private final Duration dataTimeout;
    private final BooleanSupplier closing;
    private final ClientWatch control;
    private volatile Transfer transfer;

    /**
     * @param threads     where transfer threads come from
     * @param dataTimeout the bound of every read and write of a transfer
     * @param closing     whether the session is closing (a wait for a transfer then ends)
     * @param control     the control connection, watched for the client giving up on an upload
     */
    public TransferRunner(ThreadFactory threads, Duration dataTimeout, BooleanSupplier closing, ClientWatch control) {
        this.threads = threads;
        this.dataTimeout = dataTimeout;
        this.closing = closing;
        this.control = control;
    }

    /** The running or last transfer, or null before the first. */
    public Transfer current() {
        return transfer;
    }

    /** The running or last transfer. */
    public Optional<Transfer> last() {
        return Optional.ofNullable(transfer);
    }

    /** Whether a transfer's final reply is still to come. */
    public boolean running() {
        Transfer t = transfer;
        return t != null && !t.done();
    }

    /**
     * Starts a transfer command on a transfer thread; {@code body} runs it, sends its final reply and must call
     * {@link Transfer#finished()}.
     */
    public void start(Command command, Consumer<Transfer> body) {
        Transfer t = new Transfer(command.verb(), command.argument());
        transfer = t;
        control.watchForAbort(() -> !t.done());
        Thread thread = threads.newThread(() -> body.accept(t));
        thread.start();
    }

    /** Waits for the running transfer's final reply, if one runs, or until the session closes. */
    public void awaitRunning() throws IOException {
        Transfer running = transfer;
        if (running == null || running.done()) {
            return;
        }
        try {
            // bounded: every read and write of the transfer has the data timeout
            while (!running.await(dataTimeout)) {
                if (closing.getAsBoolean()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a transfer ran", e);
        }
    }

    /**
     * Called by an upload at the end of its data, before it replaces the target: fails if the client gave up on
     * it. A clean end of the data connection does not prove the client sent everything: a client that aborts
     * (RFC 959 §4.1.3) may close the data connection normally after ABOR, and the ABOR may still wait unread on the
     * control connection; a client whose control connection is gone can never learn that the upload succeeded.
     * Finding out waits like any step of the transfer, at most the data timeout (then the upload is not committed).
     *
     * @throws DataConnectionException if the transfer was aborted, an abort waits, or the client left
     */
    public void requireClientWaiting() throws DataConnectionException {
        Transfer t = transfer;
        if ((t != null && t.aborted()) || control.clientGaveUp(dataTimeout)) {
            if (t != null) {
                t.abort();
            }
            throw new DataConnectionException("the client gave up on the upload", null);
        }
    }

    /** Closes the current transfer's data connection, if there is one. */
    public void abort() {
        Transfer t = transfer;
        if (t != null) {
            t.abort();
        }
    }

    /** Called by the watchdog: aborts a running transfer that made no progress for the data timeout. */
    public void abortIfStalled(long now) {
        Transfer t = transfer;
        if (t != null && !t.done() && t.stalled(now, dataTimeout.toNanos())) {
            t.abort();
        }
    }
}
