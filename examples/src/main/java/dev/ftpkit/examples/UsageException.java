package dev.ftpkit.examples;

/** A command line that does not fit the subcommand's usage; the command line exits with {@link ExitCode#USAGE}. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
