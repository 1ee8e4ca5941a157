package dev.ftpkit.examples;

/**
 * A subcommand failure already put into words, with its exit code: the command line prints the message and exits
 * with the code, no stack trace and no Java class name.
 */
public final class CommandFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The process exit code, one of {@link ExitCode}'s. */
    private final int exitCode;

    /**
     * Creates the failure.
     *
     * @param exitCode the exit code (see {@link ExitCode})
     * @param message the sentence to print
     */
    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /**
     * The exit code.
     *
     * @return one of {@link ExitCode}'s
     */
    public int exitCode() {
        return exitCode;
    }
}
