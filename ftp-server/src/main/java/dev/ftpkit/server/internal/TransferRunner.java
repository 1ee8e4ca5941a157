package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.TransferEvent;

import java.io.IOException;
import java.time.Duration;

/**
 * Runs a session's transfer commands on their own thread, so that ABOR, STAT and NOOP can be handled while they
 * run; at most one at a time, as the session waits for its final reply before any other command. The current
 * transfer is read by the session thread, the transfer thread, the watchdog and shutdown, hence volatile.
 */
final class TransferRunner {

    /** How long an upload about to be committed waits for control bytes already received to be read. */
    private static final Duration ABORT_CHECK_GRACE = Duration.ofSeconds(2);

    private final Session session;
    private final ServerConfig config;
    private final ControlConnection control;
    private volatile Transfer transfer;

    TransferRunner(Session session, ServerConfig config, ControlConnection control) {
        this.session = session;
        this.config = config;
        this.control = control;
    }

    /** The running or last transfer, or null before the first. */
    Transfer current() {
        return transfer;
    }

    /** Whether a transfer's final reply is still to come. */
    boolean running() {
        Transfer t = transfer;
        return t != null && !t.isDone();
    }

    void start(Command command, CommandDescriptor descriptor) {
        Transfer t = new Transfer(command.verb(), command.argument());
        control.watchForAbort();
        transfer = t;
        Thread thread = config.transferThreadFactory().newThread(() -> run(t, command, descriptor));
        thread.start();
    }

    private void run(Transfer t, Command command, CommandDescriptor descriptor) {
        try {
            long started = System.nanoTime();
            Reply reply = session.invoke(descriptor, command);
            if (t.aborted() && !reply.code().isPositiveCompletion()) {
                reply = Reply.of(ReplyCodes.TRANSFER_ABORTED, "Connection closed; transfer aborted.");
            }
            if (t.started()) {
                // before the final reply, so the event is seen before the client can go on
                config.listener().transferEnded(session, new TransferEvent(command.verb(), command.argument(),
                        t.bytes(), Duration.ofNanos(System.nanoTime() - started),
                        reply.code().isPositiveCompletion()));
            }
            session.reply(command, reply);
        } catch (IOException | OutOfMemoryError e) {
            // no reply could be sent, or no memory was left to send it: the session cannot go on
            control.close();
        } finally {
            t.finished(); // whatever happened: the session thread waits for this
        }
        if (session.closing()) {
            control.sendQuietly(session.farewell());
            control.close();
        }
    }

    /** Waits for the running transfer's final reply, if one runs, or until the session closes. */
    void awaitRunning() throws IOException {
        Transfer running = transfer;
        if (running == null || running.isDone()) {
            return;
        }
        control.readerWaitsForTransfer(true);
        try {
            // bounded: every read and write of the transfer has the data timeout
            while (!running.await(config.dataTimeout())) {
                if (session.closing()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a transfer ran", e);
        } finally {
            control.readerWaitsForTransfer(false);
        }
    }

    /**
     * Called by an upload at the end of its data, before it replaces the target: fails if the client gave up on
     * it. A clean end of the data connection does not prove the client sent everything: a client that aborts
     * (RFC 959 §4.1.3) may close the data connection normally after ABOR, and the ABOR may still wait unread on the
     * control connection; a client whose control connection is gone can never learn that the upload succeeded.
     *
     * @throws DataConnectionException if the transfer was aborted, an abort waits, or the client left
     */
    void requireClientWaiting() throws DataConnectionException {
        Transfer t = transfer;
        if ((t != null && t.aborted()) || control.clientGaveUp(ABORT_CHECK_GRACE)) {
            if (t != null) {
                t.abort();
            }
            throw new DataConnectionException("the client gave up on the upload", null);
        }
    }

    /** Closes the current transfer's data connection, if there is one. */
    void abort() {
        Transfer t = transfer;
        if (t != null) {
            t.abort();
        }
    }

    /** Called by the watchdog: aborts a running transfer that made no progress for the data timeout. */
    void abortIfStalled(long now) {
        Transfer t = transfer;
        if (t != null && !t.isDone() && t.stalled(now, config.dataTimeout().toNanos())) {
            t.abort();
        }
    }
}
