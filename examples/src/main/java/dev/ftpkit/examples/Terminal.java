package dev.ftpkit.examples;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The standard streams a subcommand uses, passed in so tests can run the command line in-process.
 *
 * @param in standard input
 * @param out standard output
 * @param err standard error
 * @param errIsTerminal whether standard error is an interactive terminal (progress bars go there)
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {

    /** The process's own streams. */
    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err, System.console() != null);
    }
}
