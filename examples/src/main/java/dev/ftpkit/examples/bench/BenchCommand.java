package dev.ftpkit.examples.bench;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Subcommand;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.examples.UsageException;
import dev.ftpkit.examples.cli.CliOption;
import dev.ftpkit.examples.cli.OptionSpec;
import dev.ftpkit.examples.cli.ParsedLine;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code ftpkit bench [--quick]}: measures ftpkit's server and client against vsftpd, curl, Apache FtpServer and
 * Apache Commons Net on loopback, prints the tables and writes them to BENCHMARKS.md.
 */
public final class BenchCommand implements Subcommand {

    static final List<String> GROUPS = List.of(Benchmarks.SERVER, Benchmarks.CLIENT, Benchmarks.STRATEGIES,
            Benchmarks.LIST, Benchmarks.LOGIN, Benchmarks.CONCURRENT, Benchmarks.MEMORY, ManySessions.GROUP,
            TlsIdleSessions.GROUP);
    /** Groups run only when named with {@code --only}: they add a section of their own to the report. */
    static final List<String> OPT_IN_GROUPS = List.of(SyncBenchmarks.GROUP, FtpsBenchmarks.GROUP);

    @Override
    public String name() {
        return "bench";
    }

    /** The options of {@code bench}, one line each. */
    enum BenchOption implements CliOption {
        QUICK(OptionSpec.flag("--quick", "small sizes, well under a minute: a smoke run of the harness")),
        OUT(OptionSpec.value("--out", "FILE|-", "BENCHMARKS.md", "where to write the report; - = stdout only")),
        DIR(OptionSpec.value("--dir", "DIR", "the current directory (a disk file system, as servers keep files)",
                "where the test files go; --dir /dev/shm for the tmpfs figures")),
        ROUNDS(OptionSpec.value("--rounds", "N", "7 (full), 5 with --quick", "interleaved rounds, at least 5")),
        SIZE_MIB(OptionSpec.value("--size-mib", "N", "1024 (full), 4 with --quick", "size of each transfer in MiB")),
        TLS(OptionSpec.value("--tls", "VERSION,...", "1.2,1.3", "the TLS versions of the ftps group, one row each")),
        ONLY(OptionSpec.value("--only", "GROUP,...", String.join(",", GROUPS), "run only these benchmark groups"));

        private final OptionSpec spec;

        BenchOption(OptionSpec spec) {
            this.spec = spec;
        }

        @Override
        public OptionSpec spec() {
            return spec;
        }
    }

    @Override
    public String usage() {
        return "[OPTIONS]";
    }

    @Override
    public String description() {
        return "benchmark against vsftpd, curl, Apache FtpServer, Commons Net";
    }

    @Override
    public List<OptionSpec> options() {
        return Arrays.stream(BenchOption.values()).map(BenchOption::spec).toList();
    }

    @Override
    public int run(List<String> args, Terminal io) throws Exception {
        Options options = Options.parse(args);
        Instant started = Instant.now();
        String loadAtStart = Machine.loadAverage();
        BenchSettings settings = options.settings();
        Contenders contenders = new Contenders();
        List<String> notes = new ArrayList<>(contenders.absent());
        if (settings.fileBytes() != (settings.quick() ? BenchSettings.quickRun() : BenchSettings.fullRun()).fileBytes()) {
            notes.add("transfers scaled to " + BenchSettings.size(settings.fileBytes()) + " (--size-mib) instead of "
                    + BenchSettings.size(BenchSettings.fullRun().fileBytes()));
        }
        if (settings.quick()) {
            notes.add("--quick: small sizes (" + BenchSettings.size(settings.fileBytes()) + " transfers, "
                    + settings.listEntries() + " entries, " + settings.concurrentClients() + " clients at once, "
                    + settings.idleSessions() + " idle sessions): a smoke run of the harness, not the goals' figures");
        }
        for (String group : GROUPS) {
            if (!options.groups().contains(group)) {
                notes.add("benchmark group '" + group + "' not run (--only)");
            }
        }
        PrintStream progress = io.err();
        Path parent = options.dir();
        progress.println("ftpkit bench: files under " + parent + " (" + Machine.filesystem(parent) + ")");
        List<IdleMemory.Row> memory = new ArrayList<>();
        Map<String, String> hashing = new LinkedHashMap<>();
        Results results;
        StringBuilder sections = new StringBuilder();
        try (Workspace workspace = Workspace.create(parent, settings);
             LoopbackCeiling ceiling = new LoopbackCeiling()) {
            Benchmarks benchmarks = new Benchmarks(settings, workspace, contenders.clients(), contenders.curl(), progress);
            try {
                for (BenchServer server : contenders.servers()) {
                    progress.println("starting " + server.name());
                    benchmarks.start(server);
                }
                benchmarks.servers().forEach((name, running) -> hashing.put(name, running.passwordHashing().isEmpty()
                        ? "no password account here" : running.passwordHashing()));
                Set<String> groups = options.groups();
                if (groups.contains(Benchmarks.SERVER)) {
                    timed(progress, "(1) server throughput", () -> benchmarks.serverThroughput(ceiling));
                }
                if (groups.contains(Benchmarks.CLIENT)) {
                    timed(progress, "(2) client throughput", () -> benchmarks.clientThroughput(ceiling));
                }
                if (groups.contains(Benchmarks.STRATEGIES)) {
                    timed(progress, "(3b) file/socket copy strategies", () -> benchmarks.copyStrategies());
                }
                if (groups.contains(Benchmarks.LIST)) {
                    timed(progress, "(4) listings", () -> benchmarks.listings());
                }
                if (groups.contains(Benchmarks.LOGIN)) {
                    timed(progress, "(5) logins", () -> benchmarks.logins());
                }
                if (groups.contains(Benchmarks.CONCURRENT)) {
                    timed(progress, "(7) many clients at once", () -> benchmarks.concurrency());
                }
                if (groups.contains(Benchmarks.MEMORY)) {
                    progress.println("(8) idle sessions");
                    for (Map.Entry<String, BenchServer.Running> entry : benchmarks.servers().entrySet()) {
                        if (entry.getValue().inProcess()) {
                            try {
                                memory.add(IdleMemory.measure(entry.getValue(), entry.getKey(),
                                        Endpoint.anonymous(entry.getValue().port()),
                                        settings.idleSessions()));
                            } catch (Exception e) {
                                notes.add("idle-session memory of " + entry.getKey() + " failed: " + e);
                            }
                        }
                    }
                }
                if (groups.contains(ManySessions.GROUP)) {
                    ManySessions sessions = new ManySessions(settings, workspace,
                            Optional.ofNullable(benchmarks.servers().get(Benchmarks.VSFTPD)), benchmarks.results(),
                            progress);
                    timed(progress, "(7b) many sessions at once", () -> sections.append(sessions.run()));
                }
                if (groups.contains(TlsIdleSessions.GROUP)) {
                    TlsIdleSessions tls = new TlsIdleSessions(settings, workspace, progress);
                    timed(progress, "(8b) idle FTPS sessions", () -> sections.append(tls.run()));
                }
            } finally {
                benchmarks.stopServers();
            }
            results = benchmarks.results();
        }
        if (options.groups().contains(SyncBenchmarks.GROUP)) {
            Optional<Path> lftp = Machine.find("lftp");
            if (contenders.vsftpd().isPresent() && lftp.isPresent()) {
                SyncBenchmarks sync = new SyncBenchmarks(settings, contenders.vsftpd().get(), lftp.get(),
                        Machine.find("python3"), progress);
                timed(progress, "(9) segmented downloads and mirror", () -> sections.append(sync.run(parent)));
            } else {
                notes.add("benchmark group 'sync' needs vsftpd and lftp: not run");
            }
        }
        if (options.groups().contains(FtpsBenchmarks.GROUP)) {
            if (contenders.vsftpd().isPresent() && contenders.curlPath().isPresent()) {
                FtpsBenchmarks ftps = new FtpsBenchmarks(settings, options.tls(), contenders.vsftpd().get(),
                        Machine.find("python3"), contenders.curlPath().get(), progress);
                timed(progress, "(10) FTPS", () -> sections.append(ftps.run(parent)));
            } else {
                notes.add("benchmark group 'ftps' needs vsftpd and curl: not run");
            }
        }
        if (!hashing.containsKey(Benchmarks.VSFTPD) || hashing.get(Benchmarks.VSFTPD).startsWith("no ")) {
            notes.add("vsftpd password logins: not measured (a vsftpd password account is a system user checked by PAM "
                    + "with SHA-512 crypt; the harness does not create system users)");
        }
        if (contenders.servers().stream().noneMatch(server -> server.name().equals(Goal.OURS))) {
            notes.add("ftpkit's server is not in this build's contenders: the server-side goal ratios are missing");
        }
        if (contenders.clients().stream().noneMatch(client -> client.name().equals(Goal.OURS))) {
            notes.add("ftpkit's client is not in this build's contenders: the client-side goal ratios are missing");
        }
        notes.add("vsftpd has no MLSD (RFC 3659); its LIST is the reference for MLSD times");
        Duration took = Duration.between(started, Instant.now()).truncatedTo(ChronoUnit.SECONDS);
        String header = header(options, settings, contenders, parent, loadAtStart, took);
        String document = Report.render(results, settings, header, notes, memory, hashing)
                + (sections.isEmpty() ? "" : "\n" + sections);
        io.out().print(document);
        io.out().flush();
        if (options.out() != null) {
            if (Files.isRegularFile(options.out())) {
                // figures that other tools measured, copied in by hand: a new run of this one must not drop them
                String previous = Files.readString(options.out(), StandardCharsets.UTF_8);
                document += HandAddedSections.missingFrom(document, previous);
            }
            Files.writeString(options.out(), document, StandardCharsets.UTF_8);
            progress.println("written to " + options.out().toAbsolutePath());
        }
        return ExitCode.OK;
    }

    private static String header(Options options, BenchSettings settings, Contenders contenders, Path parent,
            String loadAtStart, Duration took) {
        StringBuilder out = new StringBuilder();
        out.append("# Benchmarks\n\n");
        out.append("Written by the benchmark harness (`dev.ftpkit.examples.bench`) at the end of its run, ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append("; no figure here is edited by hand. ")
                .append("Sections that say they were added to this file by hand ")
                .append("come from other tools' runs (each names its command) and are carried over from the ")
                .append("previous file.\n\n");
        out.append("Command (from the repository root, after `mvn -B package -DskipTests`):\n\n```\n")
                .append(javaCommand()).append(" -jar examples/target/ftpkit.jar bench").append(options.commandLine())
                .append("\n```\n\n")
                .append("The run took ").append(took.toMinutes()).append(" min ").append(took.toSecondsPart())
                .append(" s.\n\n");
        out.append("## Machine\n\n| | |\n|---|---|\n")
                .append("| CPU | ").append(Machine.cpu()).append(" |\n")
                .append("| memory | ").append(Machine.memory()).append(" |\n")
                .append("| OS | ").append(Machine.os()).append(" |\n")
                .append("| JDK | ").append(Machine.jdk()).append(" |\n")
                .append("| vsftpd | ").append(Machine.programVersion(contenders.vsftpd(), "PROGRAM -v 0>&1")).append(" |\n")
                .append("| curl | ").append(Machine.programVersion(contenders.curlPath(), "PROGRAM --version")).append(" |\n")
                .append("| Apache FtpServer | ").append(Machine.peerVersion("ftpserver")).append(" |\n")
                .append("| Apache Commons Net | ").append(Machine.peerVersion("commons-net")).append(" |\n")
                .append("| files | ").append(parent).append(" (").append(Machine.filesystem(parent)).append(") |\n")
                .append("| load average | ").append(loadAtStart).append(" at the start, ").append(Machine.loadAverage())
                .append(" at the end (1, 5, 15 min) |\n\n");
        out.append("## Method\n\n")
                .append("All servers run on 127.0.0.1 at the same time for the whole run (the in-process ones in this JVM). ")
                .append("Every benchmark runs its contenders in interleaved rounds (A B C, B C A, C A B, ...) after ")
                .append(settings.warmups()).append(" unrecorded warm-up round(s); each figure is the median of ")
                .append(settings.rounds()).append(" rounds (")
                .append(settings.concurrentRounds()).append(" for the many-clients benchmark) with the minimum and maximum ")
                .append("in parentheses. Ratios are taken within each round and then summarised the same way, because this ")
                .append("machine is shared and noisy (±20–30 % from run to run): compare ratios, not absolute figures ")
                .append("across runs. Transfers are sized ").append(BenchSettings.size(settings.fileBytes()))
                .append(" of random bytes; every transfer is checked for its size.\n\n");
        return out.toString();
    }

    /** Something the run does that may fail. */
    private interface Step {
        void run() throws Exception;
    }

    private static void timed(PrintStream progress, String label, Step step) throws Exception {
        progress.println(label);
        long start = System.nanoTime();
        step.run();
        progress.printf(java.util.Locale.ROOT, "%s: %.1f s%n", label, (System.nanoTime() - start) / 1e9);
    }

    /** {@code java} when this JVM is the one on the PATH, else the full path of this JVM's launcher. */
    private static String javaCommand() {
        Path mine = Path.of(System.getProperty("java.home"), "bin", "java");
        try {
            Path onPath = Machine.find("java").orElse(null);
            if (onPath != null && Files.isSameFile(onPath.toRealPath(), mine.toRealPath())) {
                return "java";
            }
        } catch (java.io.IOException e) {
            // fall through to the full path
        }
        return mine.toString();
    }

    /** The command line. */
    private record Options(boolean quick, Path out, Path dir, Integer rounds, Long sizeMib, Set<String> groups,
            List<TlsVersion> tls, String commandLine) {

        static Options parse(List<String> args) throws UsageException {
            ParsedLine<BenchOption> line = ParsedLine.parse(args, BenchOption.class);
            if (!line.positional().isEmpty()) {
                throw new UsageException("unexpected argument '" + line.positional().get(0) + "'");
            }
            String outText = line.value(BenchOption.OUT).orElse("BENCHMARKS.md");
            Path out = outText.equals("-") ? null : Path.of(outText);
            Integer rounds = line.value(BenchOption.ROUNDS, (option, value) -> positive(option, value, 5), null);
            Long sizeMib = line.value(BenchOption.SIZE_MIB, (option, value) -> (long) positive(option, value, 1), null);
            Set<String> groups = line.value(BenchOption.ONLY, (option, value) -> groups(value),
                    new LinkedHashSet<>(GROUPS));
            // issue 21: on /dev/shm sendfile is slow on this kernel, which handicapped vsftpd; servers keep files on
            // disk file systems (in the page cache), so that is where the main figures come from
            Path dir = line.value(BenchOption.DIR).map(Path::of).orElseGet(() -> Path.of("").toAbsolutePath());
            List<TlsVersion> tls = line.value(BenchOption.TLS, (option, value) -> tlsVersions(value),
                    List.of(new TlsVersion("1.2"), new TlsVersion("1.3")));
            return new Options(line.has(BenchOption.QUICK), out, dir, rounds, sizeMib, groups, tls,
                    args.isEmpty() ? "" : " " + String.join(" ", args));
        }

        BenchSettings settings() {
            BenchSettings settings = quick ? BenchSettings.quickRun() : BenchSettings.fullRun();
            if (sizeMib != null) {
                settings = settings.withFileBytes(sizeMib * BenchSettings.MIB);
            }
            if (rounds != null) {
                settings = settings.withRounds(rounds);
            }
            return settings;
        }

        private static int positive(String option, String value, int minimum) throws UsageException {
            try {
                int number = Integer.parseInt(value);
                if (number >= minimum) {
                    return number;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(option + " must be a whole number ≥ " + minimum + ", not '" + value + "'");
        }

        private static List<TlsVersion> tlsVersions(String value) throws UsageException {
            List<TlsVersion> versions = new ArrayList<>();
            for (String version : value.split(",")) {
                if (!TlsVersion.KNOWN.contains(version.trim())) {
                    throw new UsageException("--tls: unknown TLS version '" + version + "' (known: "
                            + String.join(",", TlsVersion.KNOWN) + ")");
                }
                versions.add(new TlsVersion(version.trim()));
            }
            return versions;
        }

        private static Set<String> groups(String value) throws UsageException {
            Set<String> groups = new LinkedHashSet<>();
            for (String group : value.split(",")) {
                if (!GROUPS.contains(group.trim()) && !OPT_IN_GROUPS.contains(group.trim())) {
                    throw new UsageException("unknown group '" + group + "' (groups: " + String.join(",", GROUPS)
                            + "; on request only: " + String.join(",", OPT_IN_GROUPS) + ")");
                }
                groups.add(group.trim());
            }
            return groups;
        }
    }
}
