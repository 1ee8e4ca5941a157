package dev.ftpkit.examples.client;

import dev.ftpkit.examples.UsageException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The options shared by the client subcommands, and the positional arguments left over.
 *
 * @param positional the arguments that are not options, in order ({@code "-"} counts as positional)
 * @param active     {@code --active}
 * @param noEpsv     {@code --no-epsv}
 * @param ascii      {@code --ascii}
 * @param resume     {@code --resume}
 * @param append     {@code --append}
 * @param longFormat {@code --long}
 * @param quiet      {@code --quiet}
 * @param verbose    {@code -v}/{@code --verbose}
 * @param user       {@code --user NAME:PASS}
 * @param timeout    {@code --timeout SECONDS}
 * @param tls        {@code --tls}: explicit TLS (AUTH TLS)
 * @param insecure   {@code --insecure}: accept any server certificate
 * @param caCert     {@code --cacert FILE}: trust the certificates of a PEM or PKCS12 file
 * @param caCertPassword {@code --cacert-password PASS}: the password of a PKCS12 {@code --cacert} file
 */
record ClientOptions(List<String> positional, boolean active, boolean noEpsv, boolean ascii, boolean resume,
                     boolean append, boolean longFormat, boolean quiet, boolean verbose, Optional<String> user,
                     Optional<Duration> timeout, boolean tls, boolean insecure, Optional<Path> caCert,
                     Optional<String> caCertPassword) {

    /** Every option any client subcommand knows; each subcommand says which of the flags it accepts. */
    static final String COMMON = "--active, --no-epsv, --user NAME:PASS, --timeout SECONDS, --quiet, -v/--verbose,"
            + " --tls, --insecure, --cacert FILE (PEM or PKCS12), --cacert-password PASS;"
            + " ftps:// URLs use implicit TLS";

    static ClientOptions parse(List<String> args, Set<String> allowedFlags) throws UsageException {
        List<String> positional = new ArrayList<>();
        boolean active = false;
        boolean noEpsv = false;
        boolean ascii = false;
        boolean resume = false;
        boolean append = false;
        boolean longFormat = false;
        boolean quiet = false;
        boolean verbose = false;
        Optional<String> user = Optional.empty();
        Optional<Duration> timeout = Optional.empty();
        boolean tls = false;
        boolean insecure = false;
        Optional<Path> caCert = Optional.empty();
        Optional<String> caCertPassword = Optional.empty();
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
            switch (arg) {
                case "--active" -> active = true;
                case "--no-epsv" -> noEpsv = true;
                case "--quiet", "-q" -> quiet = true;
                case "--tls" -> tls = true;
                case "--insecure", "-k" -> insecure = true;
                case "--cacert" -> caCert = Optional.of(Path.of(value(args, ++i, arg)));
                case "--cacert-password" -> caCertPassword = Optional.of(value(args, ++i, arg));
                case "--verbose", "-v" -> verbose = true;
                case "--ascii" -> ascii = allowed(arg, allowedFlags);
                case "--resume" -> resume = allowed(arg, allowedFlags);
                case "--append" -> append = allowed(arg, allowedFlags);
                case "--long", "-l" -> longFormat = allowed("--long", allowedFlags);
                case "--user" -> {
                    String value = value(args, ++i, arg);
                    if (!value.contains(":")) {
                        throw new UsageException("--user takes NAME:PASS");
                    }
                    user = Optional.of(value);
                }
                case "--timeout" -> {
                    String value = value(args, ++i, arg);
                    try {
                        long seconds = Long.parseLong(value);
                        if (seconds < 1 || seconds > 86_400) {
                            throw new UsageException("--timeout must be 1..86400 seconds: " + value);
                        }
                        timeout = Optional.of(Duration.ofSeconds(seconds));
                    } catch (NumberFormatException e) {
                        throw new UsageException("--timeout takes a number of seconds: " + value);
                    }
                }
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        if (resume && append) {
            throw new UsageException("--resume and --append exclude each other");
        }
        if (insecure && caCert.isPresent()) {
            throw new UsageException("--insecure and --cacert exclude each other");
        }
        if (caCertPassword.isPresent() && caCert.isEmpty()) {
            throw new UsageException("--cacert-password needs --cacert");
        }
        return new ClientOptions(List.copyOf(positional), active, noEpsv, ascii, resume, append, longFormat, quiet,
                verbose, user, timeout, tls, insecure, caCert, caCertPassword);
    }

    private static boolean allowed(String flag, Set<String> allowedFlags) throws UsageException {
        if (!allowedFlags.contains(flag)) {
            throw new UsageException("option " + flag + " does not apply to this command");
        }
        return true;
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(i);
    }
}
