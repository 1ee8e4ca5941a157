package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;

/** The negative replies built-in handlers throw themselves (the rest come from the server's error mapping). */
final class Replies {

    private Replies() {
    }

    static FtpReplyException fail(int code, String text) {
        return new FtpReplyException(Reply.of(code, text));
    }

    static void requireArgument(Command command) throws FtpReplyException {
        if (!command.hasArgument()) {
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "Syntax error: " + command.verb() + " needs an argument.");
        }
    }
}
