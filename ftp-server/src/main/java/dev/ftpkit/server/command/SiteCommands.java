package dev.ftpkit.server.command;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.CommandContext;
import dev.ftpkit.server.CommandDescriptor;
import dev.ftpkit.server.JailedPath;
import dev.ftpkit.server.Permission;

import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import static dev.ftpkit.server.command.Replies.fail;

/** SITE and its built-in subcommands HELP and CHMOD; subcommands come from the registry's SITE table. */
final class SiteCommands {

    private static final PosixFilePermission[] BITS = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    private SiteCommands() {
    }

    static Reply site(Command command, CommandContext session) throws Exception {
        String argument = command.argument().strip();
        int space = argument.indexOf(' ');
        String name = space < 0 ? argument : argument.substring(0, space);
        String rest = space < 0 ? "" : argument.substring(space + 1);
        if (name.isEmpty() || !name.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
                || name.length() > 16) {
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "SITE needs a subcommand; try SITE HELP.");
        }
        CommandDescriptor descriptor = session.settings().siteCommand(name).orElse(null);
        if (descriptor == null) {
            throw fail(ReplyCodes.COMMAND_NOT_IMPLEMENTED, "Unknown SITE command.");
        }
        if (descriptor.needsLogin() && !session.account().isPresent()) {
            throw fail(ReplyCodes.NOT_LOGGED_IN, "Please login with USER and PASS.");
        }
        return descriptor.handler().handle(Command.of(name, rest), session);
    }

    static Reply help(Command command, CommandContext session) {
        return Reply.of(ReplyCodes.HELP, InfoCommands.helpLines("SITE commands:",
                session.settings().siteVerbs(), "Help OK."));
    }

    /**
     * {@code SITE CHMOD 644 path}, where the file system has POSIX permissions; only for accounts granted
     * {@link Permission#CHMOD} (never anonymous ones), others get 550 as from vsftpd.
     */
    static Reply chmod(Command command, CommandContext session) throws Exception {
        session.requirePermission(Permission.CHMOD);
        String argument = command.argument().strip();
        int space = argument.indexOf(' ');
        if (space < 0) {
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "SITE CHMOD needs a mode and a path.");
        }
        String mode = argument.substring(0, space);
        if (mode.isEmpty() || mode.length() > 4 || !mode.chars().allMatch(c -> c >= '0' && c <= '7')) {
            throw fail(ReplyCodes.SYNTAX_ERROR_IN_ARGUMENTS, "Bad mode: use octal like 644.");
        }
        int bits = Integer.parseInt(mode, 8);
        if (bits > 0777) {
            throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "Only permission bits (0-777) can be set.");
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int i = 0; i < BITS.length; i++) {
            if ((bits & (1 << i)) != 0) {
                permissions.add(BITS[i]);
            }
        }
        // through the directory handle the jail checked: a link swapped in meanwhile is not followed
        try (JailedPath path = session.locate(argument.substring(space + 1), true)) {
            if (!path.exists()) {
                throw fail(ReplyCodes.FILE_UNAVAILABLE, "No such file or directory.");
            }
            PosixFileAttributeView view = path.attributeView(PosixFileAttributeView.class);
            if (view == null) {
                throw fail(ReplyCodes.PARAMETER_NOT_IMPLEMENTED, "SITE CHMOD is not supported by this file system.");
            }
            view.setPermissions(permissions);
        }
        return Reply.of(ReplyCodes.COMMAND_OK, "SITE CHMOD command ok.");
    }
}
