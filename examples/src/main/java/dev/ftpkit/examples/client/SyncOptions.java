package dev.ftpkit.examples.client;

import dev.ftpkit.client.sync.RetryPolicy;
import dev.ftpkit.examples.UsageException;
import dev.ftpkit.examples.cli.OptionSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code mirror} and of {@code get --segments}/{@code --retry}, taken out of the arguments before the
 * shared client options are parsed. Each option's name, value and one-line description live in {@link Option}, so
 * the help text can be made from the table.
 *
 * @param segments byte ranges fetched at once ({@code get}); 0 when not given
 * @param retry    retries after a transient failure
 * @param parallel files copied at once ({@code mirror})
 * @param excludes exclusion patterns ({@code mirror})
 * @param delete   remove what is gone on the source side ({@code mirror})
 * @param dryRun   print the plan, change nothing ({@code mirror})
 * @param verify   compare and check with the server's hash ({@code mirror})
 * @param reverse  upload: {@code mirror --reverse LOCALDIR URL}
 */
record SyncOptions(int segments, int retry, int parallel, List<String> excludes, boolean delete, boolean dryRun,
                   boolean verify, boolean reverse) {

    /** Every option, with the value it takes (empty for a flag) and its description for the help text. */
    enum Option {
        SEGMENTS("--segments", "N", "download over N connections at once, one byte range each (1..64, default 1)"),
        RETRY("--retry", "N", "try again up to N times after 421/425/426, a reset or a timeout, resuming"
                + " (0..100, default 0)"),
        PARALLEL("--parallel", "N", "copy N files at once, each on its own connection (1..32, default 1)"),
        EXCLUDE("--exclude", "GLOB", "leave out names (or paths, with '/') matching GLOB: '*' and '?' only;"
                + " repeatable"),
        DELETE("--delete", "", "remove what is gone on the source side (never without this option)"),
        DRY_RUN("--dry-run", "", "print the plan (copy, mkdir, delete, skip) and change nothing"),
        VERIFY("--verify", "", "compare files of equal size by the server's hash (HASH, XSHA256, XSHA1, XMD5,"
                + " XCRC) and check every copy"),
        REVERSE("--reverse", "", "upload: mirror LOCALDIR to URL");

        final String flag;
        final String value;
        final String description;

        Option(String flag, String value, String description) {
            this.flag = flag;
            this.value = value;
            this.description = description;
        }

        /** The option as the help text lists it (its default is part of the description). */
        OptionSpec spec() {
            return value.isEmpty() ? OptionSpec.flag(flag, description)
                    : OptionSpec.value(flag, value, "", description);
        }

        /** The specs of some options, in table order. */
        static List<OptionSpec> specs(Set<Option> options) {
            return options.stream().sorted().map(Option::spec).toList();
        }

        static Option byFlag(String flag) {
            for (Option option : values()) {
                if (option.flag.equals(flag)) {
                    return option;
                }
            }
            return null;
        }
    }

    /** The options and the arguments left for {@link ClientOptions#parse}. */
    record Split(SyncOptions options, List<String> rest) {
    }

    /** Takes the options in {@code allowed} out of {@code args}; others are left for the client options. */
    static Split extract(List<String> args, Set<Option> allowed) throws UsageException {
        List<String> rest = new ArrayList<>();
        int segments = 0;
        int retry = 0;
        int parallel = 1;
        List<String> excludes = new ArrayList<>();
        boolean delete = false;
        boolean dryRun = false;
        boolean verify = false;
        boolean reverse = false;
        for (int i = 0; i < args.size(); i++) {
            Option option = Option.byFlag(args.get(i));
            if (args.get(i).equals("--")) {
                rest.addAll(args.subList(i, args.size()));
                break;
            }
            if (option == null || !allowed.contains(option)) {
                rest.add(args.get(i));
                continue;
            }
            String value = option.value.isEmpty() ? "" : value(args, ++i, option);
            switch (option) {
                case SEGMENTS -> segments = number(option, value, 1, 64);
                case RETRY -> retry = number(option, value, 0, RetryPolicy.MAX_RETRIES);
                case PARALLEL -> parallel = number(option, value, 1, 32);
                case EXCLUDE -> excludes.add(value);
                case DELETE -> delete = true;
                case DRY_RUN -> dryRun = true;
                case VERIFY -> verify = true;
                case REVERSE -> reverse = true;
            }
        }
        return new Split(new SyncOptions(segments, retry, parallel, List.copyOf(excludes), delete, dryRun, verify,
                reverse), List.copyOf(rest));
    }

    RetryPolicy retryPolicy() {
        return retry == 0 ? RetryPolicy.NONE : RetryPolicy.retries(retry);
    }

    private static String value(List<String> args, int i, Option option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option.flag + " needs a value: " + option.value);
        }
        return args.get(i);
    }

    private static int number(Option option, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new UsageException(option.flag + " takes a number from " + min + " to " + max + ": " + value);
    }
}
