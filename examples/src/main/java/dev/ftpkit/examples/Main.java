package dev.ftpkit.examples;

import dev.ftpkit.core.FtpkitVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code ftpkit} command line: {@code java -jar examples/target/ftpkit.jar SUBCOMMAND ...}. */
public final class Main {

    /** Every subcommand, in the order {@code --help} lists them. */
    static List<Subcommand> subcommands() {
        return List.of(new ServeCommand(), new dev.ftpkit.examples.client.GetCommand(),
                new dev.ftpkit.examples.client.MirrorCommand(),
                new dev.ftpkit.examples.client.PutCommand(), new dev.ftpkit.examples.client.LsCommand(),
                dev.ftpkit.examples.client.SimpleCommand.rm(), dev.ftpkit.examples.client.SimpleCommand.mkdir(),
                dev.ftpkit.examples.client.SimpleCommand.rmdir(), dev.ftpkit.examples.client.SimpleCommand.mv(),
                new dev.ftpkit.examples.bench.BenchCommand());
    }

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), Terminal.system()));
    }

    /** Runs the command line with the given arguments; returns the exit code instead of exiting. */
    public static int run(List<String> args, Terminal io) {
        Map<String, Subcommand> byName = new LinkedHashMap<>();
        for (Subcommand subcommand : subcommands()) {
            byName.put(subcommand.name(), subcommand);
        }
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            printHelp(io, byName);
            return args.isEmpty() ? ExitCode.USAGE : ExitCode.OK;
        }
        if (args.get(0).equals("--version")) {
            io.out().println("ftpkit " + FtpkitVersion.VERSION);
            return ExitCode.OK;
        }
        Subcommand subcommand = byName.get(args.get(0));
        if (subcommand == null) {
            io.err().println("ftpkit: unknown command '" + args.get(0) + "' (try --help)");
            return ExitCode.USAGE;
        }
        try {
            return subcommand.run(args.subList(1, args.size()), io);
        } catch (UsageException e) {
            io.err().println("ftpkit " + subcommand.name() + ": " + e.getMessage());
            io.err().println("usage: ftpkit " + subcommand.summary());
            return ExitCode.USAGE;
        } catch (Exception e) {
            io.err().println("ftpkit " + subcommand.name() + ": " + e);
            return ExitCode.NETWORK;
        }
    }

    private static void printHelp(Terminal io, Map<String, Subcommand> byName) {
        io.out().println("ftpkit " + FtpkitVersion.VERSION + " - an embeddable FTP library for the JVM");
        io.out().println();
        io.out().println("usage: java -jar ftpkit.jar COMMAND [OPTIONS]");
        io.out().println();
        io.out().println("commands:");
        for (Subcommand subcommand : byName.values()) {
            io.out().println("  " + subcommand.summary());
        }
        io.out().println("  --help                 show this help");
        io.out().println("  --version              show the version");
    }
}
