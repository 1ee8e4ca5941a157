package dev.ftpkit.server;

import dev.ftpkit.server.command.BuiltInCommands;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The table from verb to {@link CommandDescriptor}, and from SITE subcommand to descriptor. Start from
 * {@link #standard()} and {@link #register register} new verbs or replace built-in ones; a replacement can wrap
 * the built-in handler it got from {@link #get(String)}. The server copies the registry when it is built.
 */
public final class CommandRegistry {

    private final Map<String, CommandDescriptor> commands = new TreeMap<>();
    private final Map<String, CommandDescriptor> siteCommands = new TreeMap<>();

    private CommandRegistry() {
    }

    /**
     * A registry with no command at all.
     *
     * @return an empty registry
     */
    public static CommandRegistry empty() {
        return new CommandRegistry();
    }

    /**
     * A registry with every built-in command (the command set of RFC 959, 2389, 2428, 3659, 7151 and the
     * common extensions) and the SITE subcommands HELP and CHMOD.
     *
     * @return a new, modifiable registry
     */
    public static CommandRegistry standard() {
        CommandRegistry registry = new CommandRegistry();
        BuiltInCommands.registerAll(registry);
        return registry;
    }

    /**
     * Adds or replaces a verb.
     *
     * @param verb       the verb, 1..16 ASCII letters or digits starting with a letter (any case)
     * @param descriptor the handler and flags
     * @return this registry
     * @throws IllegalArgumentException if the verb is not 1..16 ASCII letters or digits
     */
    public CommandRegistry register(String verb, CommandDescriptor descriptor) {
        commands.put(checkVerb(verb), Objects.requireNonNull(descriptor, "descriptor"));
        return this;
    }

    /**
     * Adds or replaces a SITE subcommand ({@code SITE NAME args}); the handler gets a command whose verb is the
     * subcommand and whose argument is the rest of the line.
     *
     * @param name       the subcommand, 1..16 ASCII letters (any case)
     * @param descriptor the handler and flags ({@code transfer} is ignored for SITE)
     * @return this registry
     * @throws IllegalArgumentException if the name is not 1..16 ASCII letters
     */
    public CommandRegistry registerSite(String name, CommandDescriptor descriptor) {
        siteCommands.put(checkVerb(name), Objects.requireNonNull(descriptor, "descriptor"));
        return this;
    }

    /**
     * Removes a verb, so the server answers 502 for it.
     *
     * @param verb the verb
     * @return this registry
     */
    public CommandRegistry remove(String verb) {
        commands.remove(verb.toUpperCase(Locale.ROOT));
        return this;
    }

    /**
     * Looks a verb up.
     *
     * @param verb the verb (any case)
     * @return its descriptor, if registered
     */
    public Optional<CommandDescriptor> get(String verb) {
        return Optional.ofNullable(commands.get(verb.toUpperCase(Locale.ROOT)));
    }

    /**
     * Looks a SITE subcommand up.
     *
     * @param name the subcommand (any case)
     * @return its descriptor, if registered
     */
    public Optional<CommandDescriptor> getSite(String name) {
        return Optional.ofNullable(siteCommands.get(name.toUpperCase(Locale.ROOT)));
    }

    /**
     * The registered verbs, sorted.
     *
     * @return an unmodifiable view
     */
    public Set<String> verbs() {
        return Collections.unmodifiableSet(commands.keySet());
    }

    /**
     * The registered SITE subcommands, sorted.
     *
     * @return an unmodifiable view
     */
    public Set<String> siteVerbs() {
        return Collections.unmodifiableSet(siteCommands.keySet());
    }

    /**
     * An independent copy.
     *
     * @return the copy
     */
    public CommandRegistry copy() {
        CommandRegistry copy = new CommandRegistry();
        copy.commands.putAll(commands);
        copy.siteCommands.putAll(siteCommands);
        return copy;
    }

    private static String checkVerb(String verb) {
        if (verb == null || !verb.matches("[A-Za-z][A-Za-z0-9]{0,15}")) {
            throw new IllegalArgumentException("a verb is 1..16 ASCII letters and digits, starting with a letter: "
                    + verb);
        }
        return verb.toUpperCase(Locale.ROOT);
    }
}
