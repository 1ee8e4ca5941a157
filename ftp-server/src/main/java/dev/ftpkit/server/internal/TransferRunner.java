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
        transfer = t;
        Thread thread = config.transferThreadFactory().newThread(() -> run(t, command, descriptor));
        thread.start();
    }

    private void run(Transfer t, Command command, CommandDescriptor descriptor) {
        long started = System.nanoTime();
        Reply reply = session.invoke(descriptor, command);
        if (t.aborted() && !reply.code().isPositiveCompletion()) {
            reply = Reply.of(ReplyCodes.TRANSFER_ABORTED, "Connection closed; transfer aborted.");
        }
        if (t.started()) {
            // before the final reply, so the event is seen before the client can go on
            config.listener().transferEnded(session, new TransferEvent(command.verb(), command.argument(), t.bytes(),
                    Duration.ofNanos(System.nanoTime() - started), reply.code().isPositiveCompletion()));
        }
        try {
            session.reply(command, reply);
        } catch (IOException e) {
            control.close();
        } finally {
            t.finished();
        }
        if (session.closing()) {
            control.sendQuietly(Reply.of(ReplyCodes.SERVICE_NOT_AVAILABLE, session.closingText()));
            control.close();
        }
    }

    /** Waits for the running transfer's final reply, if one runs, or until the session closes. */
    void awaitRunning() throws IOException {
        Transfer running = transfer;
        if (running == null || running.isDone()) {
            return;
        }
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
