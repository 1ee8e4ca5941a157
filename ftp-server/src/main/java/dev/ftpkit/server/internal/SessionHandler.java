package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.CommandHandler;

/** A built-in handler: sees the internal session with its typed state. */
@FunctionalInterface
interface SessionHandler {

    Reply handle(Command command, Session session) throws Exception;

    /** Adapts to the public handler type; the server always passes its own session. */
    static CommandHandler of(SessionHandler handler) {
        return (command, session) -> handler.handle(command, (Session) session);
    }

    static FtpReplyException fail(int code, String text) {
        return new FtpReplyException(Reply.of(code, text));
    }

    static void requireArgument(Command command) throws FtpReplyException {
        if (!command.hasArgument()) {
            throw fail(501, "Syntax error: " + command.verb() + " needs an argument.");
        }
    }
}
