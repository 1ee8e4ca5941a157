package dev.ftpkit.examples.cli;

import dev.ftpkit.examples.UsageException;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A command line split into options (by their enum constant) and positional arguments. Parsing refuses an unknown
 * option, a missing value and a single-valued option given twice, each as a {@link UsageException} naming it.
 *
 * @param <O> the subcommand's option enum
 */
public final class ParsedLine<O extends Enum<O> & CliOption> {

    private final Map<O, List<String>> values;
    private final List<String> positional;

    private ParsedLine(Map<O, List<String>> values, List<String> positional) {
        this.values = values;
        this.positional = List.copyOf(positional);
    }

    /**
     * Parses arguments against every constant of an option enum. {@code --} ends the options; {@code -} alone is
     * positional (stdin/stdout).
     *
     * @param args the arguments after the subcommand's name
     * @param type the option enum
     * @param <O> the option enum
     * @return the parsed line
     * @throws UsageException on an unknown, repeated or incomplete option
     */
    public static <O extends Enum<O> & CliOption> ParsedLine<O> parse(List<String> args, Class<O> type)
            throws UsageException {
        Map<O, List<String>> values = new EnumMap<>(type);
        List<String> positional = new ArrayList<>();
        boolean onlyPositional = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (onlyPositional || arg.equals("-") || !arg.startsWith("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyPositional = true;
                continue;
            }
            O option = find(arg, type);
            OptionSpec spec = option.spec();
            List<String> given = values.computeIfAbsent(option, o -> new ArrayList<>());
            if (!given.isEmpty() && !spec.repeatable()) {
                throw new UsageException(spec.name() + " is given twice; it takes one "
                        + (spec.takesValue() ? "value" : "mention"));
            }
            if (spec.takesValue()) {
                if (++i >= args.size()) {
                    throw new UsageException(spec.name() + " needs a value (" + spec.valueName() + ")");
                }
                given.add(args.get(i));
            } else {
                given.add("");
            }
        }
        return new ParsedLine<>(values, positional);
    }

    private static <O extends Enum<O> & CliOption> O find(String arg, Class<O> type) throws UsageException {
        for (O option : type.getEnumConstants()) {
            if (option.spec().matches(arg)) {
                return option;
            }
        }
        throw new UsageException("unknown option " + arg);
    }

    /**
     * Whether an option was given.
     *
     * @param option the option
     * @return true if given at least once
     */
    public boolean has(O option) {
        return values.containsKey(option);
    }

    /**
     * The value of a single-valued option.
     *
     * @param option the option
     * @return its value, or empty when not given
     */
    public Optional<String> value(O option) {
        return has(option) ? Optional.of(values.get(option).get(0)) : Optional.empty();
    }

    /**
     * Every value of a repeatable option, in order.
     *
     * @param option the option
     * @return the values (empty when not given)
     */
    public List<String> values(O option) {
        return List.copyOf(values.getOrDefault(option, List.of()));
    }

    /**
     * The value of an option converted, or a default when it is not given.
     *
     * @param option the option
     * @param convert the conversion; a {@link UsageException} it throws names the option
     * @param otherwise the default
     * @param <T> the value type
     * @return the converted value or the default
     * @throws UsageException if the conversion refuses the value
     */
    public <T> T value(O option, Converter<T> convert, T otherwise) throws UsageException {
        Optional<String> text = value(option);
        return text.isEmpty() ? otherwise : convert.apply(option.spec().name(), text.get());
    }

    /**
     * The given options, in declaration order.
     *
     * @return the options given at least once
     */
    public List<O> given() {
        return List.copyOf(values.keySet());
    }

    /**
     * The arguments that are not options, in order.
     *
     * @return the positional arguments
     */
    public List<String> positional() {
        return positional;
    }

    /**
     * Turns an option's text into a value, or refuses it with a message naming the option.
     *
     * @param <T> the value type
     */
    @FunctionalInterface
    public interface Converter<T> {
        /**
         * Converts.
         *
         * @param option the option's name, for the message
         * @param text the value given
         * @return the value
         * @throws UsageException if the text is not acceptable
         */
        T apply(String option, String text) throws UsageException;

        /**
         * A whole number within bounds.
         *
         * @param min the smallest accepted
         * @param max the largest accepted
         * @return the converter
         */
        static Converter<Integer> number(int min, int max) {
            return (option, text) -> {
                try {
                    int n = Integer.parseInt(text);
                    if (n >= min && n <= max) {
                        return n;
                    }
                } catch (NumberFormatException e) {
                    throw new UsageException(option + " needs a whole number " + min + ".." + max + ", got " + text);
                }
                throw new UsageException(option + " must be " + min + ".." + max + ", got " + text);
            };
        }

        /**
         * A charset name the JDK knows, e.g. {@code GBK} or {@code ISO-8859-1}.
         *
         * @return the converter
         */
        static Converter<Charset> charset() {
            return (option, text) -> {
                try {
                    return Charset.forName(text);
                } catch (IllegalArgumentException e) {
                    throw new UsageException(option + ": unknown encoding " + text);
                }
            };
        }

        /**
         * Any text, as given.
         *
         * @param map what to make of it
         * @param <T> the value type
         * @return the converter
         */
        static <T> Converter<T> of(Function<String, T> map) {
            return (option, text) -> map.apply(text);
        }
    }
}
