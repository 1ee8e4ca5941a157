package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.PathQuoting;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.internal.Texts;

import dev.ftpkit.server.JailedPath;

import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import static dev.ftpkit.server.command.Replies.fail;

/** CWD, CDUP, PWD and their X variants (RFC 959 §4.1.1, RFC 775). */
final class NavigationCommands {

    private NavigationCommands() {
    }

    static Reply cwd(Command command, CommandContext session) throws Exception {
        String target = command.hasArgument() ? command.argument() : "/";
        // ".." at the root stays at the root (as vsftpd, proftpd and pure-ftpd do); the jail still holds
        String normalized = session.ftpPathClampedAtHome(target);
        // read through the handle the jail opened, not by name again (a link swapped in meanwhile is not followed)
        try (JailedPath path = session.locate(normalized, true)) {
            if (!path.attributes().isDirectory()) {
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "Failed to change directory.");
            }
        } catch (NoSuchFileException | NotDirectoryException missing) {
            throw fail(ReplyCodes.FILE_UNAVAILABLE, "Failed to change directory.");
        }
        session.changeWorkingDirectory(normalized);
        return Reply.of(ReplyCodes.FILE_ACTION_OK, "Directory successfully changed.");
    }

    static Reply cdup(Command command, CommandContext session) throws Exception {
        return cwd(Command.of("CWD", ".."), session);
    }

    static Reply pwd(Command command, CommandContext session) {
        return Reply.of(ReplyCodes.PATHNAME_CREATED, quote(session.workingDirectory()) + " is the current directory");
    }

    /** RFC 959 Appendix II quoting; a name holding CR or LF (possible only on disk) is shown with '?'. */
    static String quote(String ftpPath) {
        return PathQuoting.quote(Texts.oneLine(ftpPath));
    }
}
