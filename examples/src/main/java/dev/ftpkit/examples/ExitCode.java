package dev.ftpkit.examples;

/** Exit codes of the {@code ftpkit} command line, shared by every subcommand. */
public final class ExitCode {
    /** Everything worked. */
    public static final int OK = 0;
    /** The server refused (stderr shows its reply). */
    public static final int REFUSED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The network failed or a timeout fired. */
    public static final int NETWORK = 3;
    /** A local file could not be read or written. */
    public static final int LOCAL_FILE = 4;

    /** The exit codes as help shows them. */
    public static final String DESCRIPTION = "exit codes: 0 ok, 1 the server refused, 2 usage (a wrong option or"
            + " value), 3 network, TLS or timeout, 4 local file (missing, unreadable, wrong format)";

    private ExitCode() {
    }
}
