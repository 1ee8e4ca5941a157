package dev.ftpkit.server;

import java.util.Objects;

/**
 * A registry entry: the handler of one verb and how the session treats it.
 *
 * @param handler               the handler
 * @param needsLogin            whether the command is refused with 530 before login
 * @param transfer              whether the command uses the data connection; such commands run beside the
 *                              control connection, so ABOR and STAT can arrive while they run
 * @param allowedDuringTransfer whether the command is handled at once while a transfer runs (ABOR, STAT, NOOP);
 *                              other commands wait until the transfer ended
 */
public record CommandDescriptor(CommandHandler handler, boolean needsLogin, boolean transfer,
                                boolean allowedDuringTransfer) {

    /** Checks the handler is present. */
    public CommandDescriptor {
        Objects.requireNonNull(handler, "handler");
    }

    /**
     * A command that needs login and no data connection: the usual case for a custom verb.
     *
     * @param handler the handler
     * @return the descriptor
     */
    public static CommandDescriptor of(CommandHandler handler) {
        return new CommandDescriptor(handler, true, false, false);
    }

    /**
     * A command allowed before login (like USER, FEAT, HOST).
     *
     * @param handler the handler
     * @return the descriptor
     */
    public static CommandDescriptor beforeLogin(CommandHandler handler) {
        return new CommandDescriptor(handler, false, false, false);
    }

    /**
     * A command that needs login and opens the data connection
     * ({@link FtpSession#openDataConnection(String)}).
     *
     * @param handler the handler
     * @return the descriptor
     */
    public static CommandDescriptor transfer(CommandHandler handler) {
        return new CommandDescriptor(handler, true, true, false);
    }

    /**
     * The same descriptor with another handler, e.g. one wrapping this one.
     *
     * @param newHandler the handler
     * @return the descriptor with the same flags
     */
    public CommandDescriptor withHandler(CommandHandler newHandler) {
        return new CommandDescriptor(newHandler, needsLogin, transfer, allowedDuringTransfer);
    }
}
