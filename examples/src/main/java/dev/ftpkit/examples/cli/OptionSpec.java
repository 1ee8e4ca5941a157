package dev.ftpkit.examples.cli;

import java.util.Objects;

/**
 * One command-line option: its name, an optional short alias, the name of its value (none for a flag), its default
 * as shown by {@code --help}, and a one-line description. Subcommands declare their options as enum constants
 * implementing {@link CliOption}, so adding an option with its description and default is one line:
 * <pre>{@code PORT(OptionSpec.value("--port", "N", "2121", "port to listen on; 0 = any free port")),}</pre>
 *
 * @param name the long name, e.g. {@code --port}
 * @param alias a short alias such as {@code -v}, or empty
 * @param valueName the name of the value in help, e.g. {@code N}; empty for a flag
 * @param defaultValue the default as shown by help (a flag's is "off"); empty when there is none
 * @param description what the option does, one line
 * @param repeatable whether the option may be given more than once (every value is kept)
 */
public record OptionSpec(String name, String alias, String valueName, String defaultValue, String description,
                         boolean repeatable) {

    /** Validates the spec. */
    public OptionSpec {
        Objects.requireNonNull(name, "name");
        if (!name.startsWith("--")) {
            throw new IllegalArgumentException("an option's name starts with --: " + name);
        }
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(valueName, "valueName");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }

    /**
     * An option without a value, off unless given.
     *
     * @param name the long name
     * @param description what it does
     * @return the spec
     */
    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, "", "", "off", description, false);
    }

    /**
     * An option taking one value.
     *
     * @param name the long name
     * @param valueName the value's name in help
     * @param defaultValue the default shown by help; empty for none
     * @param description what it does
     * @return the spec
     */
    public static OptionSpec value(String name, String valueName, String defaultValue, String description) {
        return new OptionSpec(name, "", valueName, defaultValue, description, false);
    }

    /**
     * This option with a short alias.
     *
     * @param shortName e.g. {@code -v}
     * @return a copy with the alias
     */
    public OptionSpec alias(String shortName) {
        return new OptionSpec(name, shortName, valueName, defaultValue, description, repeatable);
    }

    /**
     * This option, allowed more than once.
     *
     * @return a repeatable copy
     */
    public OptionSpec mayRepeat() {
        return new OptionSpec(name, alias, valueName, defaultValue, description, true);
    }

    /**
     * Whether the option takes a value.
     *
     * @return true unless it is a flag
     */
    public boolean takesValue() {
        return !valueName.isEmpty();
    }

    boolean matches(String arg) {
        return arg.equals(name) || (!alias.isEmpty() && arg.equals(alias));
    }

    /** {@code -v, --verbose} or {@code --port N}, as help shows it. */
    String synopsis() {
        return (alias.isEmpty() ? "" : alias + ", ") + name + (takesValue() ? " " + valueName : "");
    }
}
