package dev.ftpkit.examples;

import dev.ftpkit.examples.cli.OptionSpec;

import java.util.List;

/** One subcommand of the {@code ftpkit} command line: {@code serve}, {@code get}, {@code put}, ... */
public interface Subcommand {

    /** The word that selects this subcommand, e.g. {@code "get"}. */
    String name();

    /** The arguments after the name as the usage line shows them, e.g. {@code URL [LOCAL] [OPTIONS]}. */
    String usage();

    /** What the subcommand does, in one line. */
    String description();

    /** Every option this subcommand accepts, in the order {@code --help} lists them. */
    List<OptionSpec> options();

    /** Further help after the options (URL syntax, notes); empty by default. */
    default String helpFooter() {
        return "";
    }

    /** One line shown by the main {@code --help}: the usage and what the subcommand does. */
    default String summary() {
        String usage = name() + " " + usage();
        return usage + " ".repeat(Math.max(1, 34 - usage.length())) + description();
    }

    /**
     * Runs the subcommand.
     *
     * @param args the arguments after the subcommand's name
     * @param io where to print and read
     * @return the process exit code (see {@link ExitCode})
     */
    int run(List<String> args, Terminal io) throws Exception;
}
