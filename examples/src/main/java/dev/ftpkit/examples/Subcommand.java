package dev.ftpkit.examples;

import java.util.List;

/** One subcommand of the {@code ftpkit} command line: {@code serve}, {@code get}, {@code put}, ... */
public interface Subcommand {

    /** The word that selects this subcommand, e.g. {@code "get"}. */
    String name();

    /** One line shown by {@code --help}: the arguments this subcommand takes and what it does. */
    String summary();

    /**
     * Runs the subcommand.
     *
     * @param args the arguments after the subcommand's name
     * @param io where to print and read
     * @return the process exit code (see {@link ExitCode})
     */
    int run(List<String> args, Terminal io) throws Exception;
}
