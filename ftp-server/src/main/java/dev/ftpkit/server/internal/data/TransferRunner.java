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
    private volatile Transfer transfer;

    /**
     * @param threads     where transfer threads come from
     * @param dataTimeout the bound of every read and write of a transfer
     * @param closing     whether the session is closing (a wait for a transfer then ends)
     */
    public TransferRunner(ThreadFactory threads, Duration dataTimeout, BooleanSupplier closing) {
        this.threads = threads;
        this.dataTimeout = dataTimeout;
        this.closing = closing;
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
