package dev.ftpkit.testing.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.CommandHandler;

import java.util.concurrent.Future;

/** What a fault does to the one command it strikes: the command's handler runs (or not) through it. */
public interface FaultAction {

    /**
     * Handles the command with the fault.
     *
     * @param command  the command
     * @param context  the session
     * @param handler  the command's own handler
     * @param giveUp   completes when the client gave up (ABOR, disconnect) or the server closes: a stall ends then
     * @return the final reply
     * @throws Exception as a handler does
     */
    Reply apply(Command command, CommandContext context, CommandHandler handler, Future<?> giveUp) throws Exception;

    /**
     * Whether the fault acts on a data connection, so only transfer commands (RETR, STOR, LIST...) can carry it.
     *
     * @return true for data faults
     */
    default boolean needsTransfer() {
        return false;
    }
}
