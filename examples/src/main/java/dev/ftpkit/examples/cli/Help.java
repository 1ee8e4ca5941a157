package dev.ftpkit.examples.cli;

import java.io.PrintStream;
import java.util.List;

/** Writes a subcommand's help: its usage line, then one line per option with its description and default. */
public final class Help {

    private static final int SYNOPSIS_WIDTH = 28;

    private Help() {
    }

    /**
     * Prints the help of one subcommand.
     *
     * @param out where to print
     * @param usage the usage line after {@code ftpkit}, e.g. {@code get URL [LOCAL] [OPTIONS]}
     * @param description what the subcommand does
     * @param options its options, in the order help lists them
     * @param footer further lines (URL syntax, exit codes); may be empty
     */
    public static void print(PrintStream out, String usage, String description, List<OptionSpec> options,
                             String footer) {
        out.println("usage: ftpkit " + usage);
        out.println();
        out.println(description);
        if (!options.isEmpty()) {
            out.println();
            out.println("options:");
            for (OptionSpec option : options) {
                out.println(line(option));
            }
        }
        if (!footer.isEmpty()) {
            out.println();
            out.println(footer);
        }
    }

    /** {@code   --port N                    port to listen on (default: 2121)}. */
    static String line(OptionSpec option) {
        String synopsis = "  " + option.synopsis();
        String padded = synopsis.length() < SYNOPSIS_WIDTH
                ? synopsis + " ".repeat(SYNOPSIS_WIDTH - synopsis.length())
                : synopsis + System.lineSeparator() + " ".repeat(SYNOPSIS_WIDTH);
        String suffix = option.defaultValue().isEmpty() ? "" : " (default: " + option.defaultValue() + ")";
        return padded + option.description() + suffix + (option.repeatable() ? "; may be repeated" : "");
    }
}
