package dev.ftpkit.examples;

import dev.ftpkit.core.FtpkitVersion;
import dev.ftpkit.examples.bench.BenchCommand;
import dev.ftpkit.examples.cli.Help;
import dev.ftpkit.examples.client.GetCommand;
import dev.ftpkit.examples.client.LsCommand;
import dev.ftpkit.examples.client.MirrorCommand;
import dev.ftpkit.examples.client.PutCommand;
import dev.ftpkit.examples.client.SimpleCommand;
import dev.ftpkit.examples.serve.ServeCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ftpkit} command line: {@code java -jar examples/target/ftpkit.jar SUBCOMMAND ...}. Every subcommand
 * answers {@code --help} (or {@code ftpkit help SUBCOMMAND}) with its options, their descriptions and defaults.
 */
public final class Main {

    /** Every subcommand's name, in the order {@code --help} lists them. */
    static final List<String> NAMES =
            List.of("serve", "get", "mirror", "put", "ls", "rm", "mkdir", "rmdir", "mv", "bench");

    /** Every subcommand, in the order {@code --help} lists them. */
    static List<Subcommand> subcommands() {
        List<Subcommand> all = new ArrayList<>();
        for (String name : NAMES) {
            all.add(named(name).orElseThrow());
        }
        return all;
    }

    /**
     * The subcommand of that name, made only when asked for: making all of them loaded the classes of every
     * command (server, benchmark, mirror) and linked their lambdas before a {@code get} could start.
     */
    static Optional<Subcommand> named(String name) {
        return Optional.ofNullable(switch (name) {
            case "serve" -> new ServeCommand();
            case "get" -> new GetCommand();
            case "mirror" -> new MirrorCommand();
            case "put" -> new PutCommand();
            case "ls" -> new LsCommand();
            case "rm" -> SimpleCommand.rm();
            case "mkdir" -> SimpleCommand.mkdir();
            case "rmdir" -> SimpleCommand.rmdir();
            case "mv" -> SimpleCommand.mv();
            case "bench" -> new BenchCommand();
            default -> null;
        });
    }

    private Main() {
    }

    public static void main(String[] args) {
        useTls12SessionIds();
        if (args.length > 0 && NAMES.contains(args[0])) {
            findLoggerBackendMeanwhile();
        }
        System.exit(run(List.of(args), Terminal.system()));
    }

    /**
     * Has the JVM look for its System.Logger backend on another thread while this one reads the command line and
     * connects. The library's first {@code System.getLogger} makes the JDK search the class path and the runtime
     * image for {@link System.LoggerFinder} services: 13 ms of a command's start-up (Java 17), spent on the main
     * thread while the second core idled. The search runs once per JVM; whichever thread comes first does it, and
     * the other waits for it. Not for {@code version} or {@code --help}, which log nothing.
     */
    static void findLoggerBackendMeanwhile() {
        Thread finder = new Thread(System.LoggerFinder::getLoggerFinder, "ftpkit-logger-finder");
        finder.setDaemon(true);
        finder.start();
    }

    /** The JSSE property that decides whether a client TLS context offers TLS 1.2 session tickets (RFC 5077). */
    static final String CLIENT_SESSION_TICKETS = "jdk.tls.client.enableSessionTicketExtension";

    /**
     * Makes TLS 1.2 data connections resume the control connection's session by session ID, as vsftpd's
     * {@code require_ssl_reuse=YES} needs. With the session ticket extension offered, OpenSSL servers answer with an
     * empty session ID and a ticket whose lifetime exceeds JSSE's 7-day limit, so JSSE drops the ticket and has
     * nothing to resume with ({@code 522}). JSSE reads this property when each {@code SSLContext} is created and
     * offers no per-context or per-socket switch, so the CLI, which owns its JVM, sets it before creating any
     * context. A value given on the command line ({@code -D}) wins. TLS 1.3 resumption does not use it.
     */
    static void useTls12SessionIds() {
        if (System.getProperty(CLIENT_SESSION_TICKETS) == null) {
            System.setProperty(CLIENT_SESSION_TICKETS, "false");
        }
    }

    /** Runs the command line with the given arguments; returns the exit code instead of exiting. */
    public static int run(List<String> args, Terminal io) {
        if (args.isEmpty()) {
            printHelp(io);
            return ExitCode.USAGE;
        }
        String first = args.get(0);
        if (first.equals("--help") || first.equals("-h") || (first.equals("help") && args.size() == 1)) {
            printHelp(io);
            return ExitCode.OK;
        }
        if (first.equals("version") || first.equals("--version")) {
            io.out().println("ftpkit " + version());
            return ExitCode.OK;
        }
        boolean helpCommand = first.equals("help");
        String name = helpCommand ? args.get(1) : first;
        Optional<Subcommand> found = named(name);
        if (found.isEmpty()) {
            io.err().println("ftpkit: unknown command '" + name + "' (try ftpkit --help)");
            return ExitCode.USAGE;
        }
        Subcommand subcommand = found.get();
        List<String> rest = args.subList(helpCommand ? 2 : 1, args.size());
        if (helpCommand || asksForHelp(rest)) {
            Help.print(io.out(), subcommand.name() + " " + subcommand.usage(), subcommand.description(),
                    subcommand.options(), subcommand.helpFooter());
            return ExitCode.OK;
        }
        try {
            return subcommand.run(rest, io);
        } catch (UsageException e) {
            io.err().println("ftpkit " + subcommand.name() + ": " + e.getMessage());
            io.err().println("usage: ftpkit " + subcommand.name() + " " + subcommand.usage()
                    + "   (ftpkit " + subcommand.name() + " --help lists the options)");
            return ExitCode.USAGE;
        } catch (CommandFailure e) {
            io.err().println("ftpkit " + subcommand.name() + ": " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            // Subcommands turn their expected failures into sentences; this is the last resort.
            io.err().println("ftpkit " + subcommand.name() + ": failed: "
                    + Optional.ofNullable(e.getMessage()).orElse("unexpected error"));
            return ExitCode.NETWORK;
        }
    }

    /** {@code --help} or {@code -h} anywhere before {@code --}. */
    private static boolean asksForHelp(List<String> args) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (arg.equals("--help") || arg.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The version: the jar manifest's {@code Implementation-Version}, or the library's compiled-in version when run
     * from class directories (tests, an IDE).
     */
    static String version() {
        return Optional.ofNullable(Main.class.getPackage().getImplementationVersion()).orElse(FtpkitVersion.VERSION);
    }

    private static void printHelp(Terminal io) {
        io.out().println("ftpkit " + version() + " - an embeddable FTP library for the JVM");
        io.out().println();
        io.out().println("usage: java -jar ftpkit.jar COMMAND [OPTIONS]");
        io.out().println();
        io.out().println("commands:");
        for (Subcommand subcommand : subcommands()) {
            io.out().println("  " + subcommand.summary());
        }
        io.out().println("  help COMMAND                      the options of COMMAND, with their defaults"
                + " (also: COMMAND --help)");
        io.out().println("  version                           show the version (also: --version)");
        io.out().println();
        io.out().println(ExitCode.DESCRIPTION);
    }
}
