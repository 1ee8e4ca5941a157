package dev.ftpkit.examples.cli;

/** An option of a subcommand; implemented by one enum per subcommand, one constant per option. */
public interface CliOption {

    /**
     * The option's name, value, default and description.
     *
     * @return the spec
     */
    OptionSpec spec();
}
