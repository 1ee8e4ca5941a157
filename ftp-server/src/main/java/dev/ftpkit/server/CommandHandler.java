package dev.ftpkit.server;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;

/**
 * Handles one FTP command: gets the parsed command and the session's {@link CommandContext}, returns the final
 * reply. The built-in handlers ({@link CommandRegistry#standard()}) are written against the same interface, so a
 * handler can wrap one and hand it a decorated context.
 *
 * <p>To answer with a specific negative reply, throw {@link dev.ftpkit.core.FtpReplyException}; file system
 * exceptions ({@link java.nio.file.NoSuchFileException}, {@link java.nio.file.AccessDeniedException}, ...)
 * and {@link dev.ftpkit.core.FtpProtocolException} are turned into replies in one place (550, 501, ...).
 * Any other exception becomes {@code 451}; its stack trace is logged, never sent.
 */
@FunctionalInterface
public interface CommandHandler {

    /**
     * Handles the command.
     *
     * @param command the command (verb upper-cased, argument as sent)
     * @param session the context of the session that received it
     * @return the final reply (preliminary replies such as 150 go through the session)
     * @throws Exception any failure; mapped to a reply by the server
     */
    Reply handle(Command command, CommandContext session) throws Exception;
}
