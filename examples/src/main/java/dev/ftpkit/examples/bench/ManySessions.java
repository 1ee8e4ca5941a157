package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * {@code bench --only sessions} (issue 21 item 5), table 7b: a thousand sessions at once, each logging in and then
 * downloading and uploading small files, against ftpkit's server in a child JVM ({@link ChildFtpkitServer}) and
 * vsftpd, in interleaved rounds ({@link SessionsRound}). Aggregate throughput, login latency (connect until 230),
 * failed sessions and the servers' memory with every session open; ratios against vsftpd within each round.
 */
final class ManySessions {

    /** The group's name for {@code --only}. */
    static final String GROUP = "sessions";
    static final String AGGREGATE = "aggregate";
    static final String LOGIN_P99 = "login p99";
    private static final String LOGIN_P50 = "login p50";

    /**
     * 64 KiB is a small file that a client still sends in one buffer and a server in one or two socket writes, so a
     * transfer is mostly its per-file cost (EPSV, a data connection accepted and closed, a file opened; the upload
     * created): the cost that a thousand sessions multiply. Ten each way keep every session transferring while the
     * last ones still log in, and a round at about 1.25 GiB, a few seconds on loopback.
     */
    private static final SessionsRound.Load FULL = new SessionsRound.Load(1000, 10, 64 * 1024);
    private static final SessionsRound.Load QUICK = new SessionsRound.Load(20, 2, 64 * 1024);

    private final BenchSettings settings;
    private final SessionsRound.Load load;
    private final Workspace workspace;
    private final Optional<BenchServer.Running> vsftpd;
    private final Results results;
    private final PrintStream progress;
    private final Map<String, List<SessionsRound.Outcome>> outcomes = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();

    ManySessions(BenchSettings settings, Workspace workspace, Optional<BenchServer.Running> vsftpd, Results results,
            PrintStream progress) {
        this.settings = settings;
        this.load = settings.quick() ? QUICK : FULL;
        this.workspace = workspace;
        this.vsftpd = vsftpd;
        this.results = results;
        this.progress = progress;
    }

    /** Serves the files, runs the rounds and returns the section. */
    String run() throws Exception {
        Path files = Files.createDirectories(workspace.root().resolve("data/sessions"));
        byte[] content = new byte[load.fileBytes()];
        for (int file = 0; file < load.files(); file++) {
            new SplittableRandom(100 + file).nextBytes(content);
            Files.write(files.resolve(SessionsRound.download(file).substring("/data/sessions/".length())), content);
        }
        String limits;
        try (ChildFtpkitServer ftpkit = ChildFtpkitServer.start(workspace.root())) {
            limits = openFileLimit(ftpkit.pid());
            Map<String, Contender> contenders = new LinkedHashMap<>();
            contenders.put(Goal.OURS, new Contender(Endpoint.anonymous(ftpkit.port()), new SessionsRound.ServerProbe() {
                @Override
                public long cpuNanos() throws IOException {
                    return Cpu.processTreeNanos(ftpkit.pid());
                }

                @Override
                public SessionsRound.ServerMemory memory() throws IOException {
                    ProcessMemory process = ProcessMemory.of(ftpkit.pid());
                    long[] heap = ftpkit.heapAfterGc();
                    return new SessionsRound.ServerMemory(process, heap[0], heap[1]);
                }
            }));
            vsftpd.ifPresent(server -> contenders.put(Benchmarks.VSFTPD, new Contender(Endpoint.anonymous(server.port()),
                    new SessionsRound.ServerProbe() {
                        @Override
                        public long cpuNanos() throws Exception {
                            return server.cpuNanos();
                        }

                        @Override
                        public SessionsRound.ServerMemory memory() throws IOException {
                            return new SessionsRound.ServerMemory(server.processId().isPresent()
                                    ? ProcessMemory.ofTree(server.processId().getAsLong(), "vsftpd")
                                    : ProcessMemory.NONE, -1, -1);
                        }
                    })));
            rounds(contenders, content);
        }
        return section(limits);
    }

    /** A server of the benchmark: where to connect, how to read its memory. */
    private record Contender(Endpoint endpoint, SessionsRound.ServerProbe probe) {
    }

    private void rounds(Map<String, Contender> contenders, byte[] content) {
        int rounds = settings.concurrentRounds();
        for (int round = -settings.warmups(); round < rounds; round++) {
            List<String> order = new ArrayList<>(contenders.keySet());
            java.util.Collections.rotate(order, Math.max(round, 0));
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s %s:", GROUP,
                    round < 0 ? "warm-up" : "round " + (round + 1) + "/" + rounds));
            for (String name : order) {
                Contender contender = contenders.get(name);
                SessionsRound.Outcome outcome = null;
                try {
                    outcome = SessionsRound.run(contender.endpoint(), round < 0 ? warmUp() : load, content,
                            workspace.upload(), contender.probe());
                    line.append(String.format(Locale.ROOT, " %s %.1fs (%d failed%s)", name, outcome.seconds(),
                            outcome.failedSessions(), outcome.firstFailure() == null ? "" : ": " + outcome.firstFailure()));
                } catch (Exception e) {
                    failures.add(name + ", round " + (round + 1) + ": " + e);
                    line.append(' ').append(name).append(" FAILED(").append(e.getMessage()).append(')');
                } finally {
                    workspace.clearTransfers();
                }
                if (round >= 0) {
                    record(name, outcome);
                }
            }
            progress.println(line);
        }
    }

    /**
     * A fifth of the sessions: enough to compile ftpkit's paths and to fill the page cache, without a whole round's
     * time (vsftpd alone needs about 20 s to log a thousand sessions in here, table 5).
     */
    private SessionsRound.Load warmUp() {
        return new SessionsRound.Load(Math.max(1, load.sessions() / 5), load.files(), load.fileBytes());
    }

    /** Keeps a round's outcome (null: the round failed), and the series the goals compare. */
    private void record(String name, SessionsRound.Outcome outcome) {
        outcomes.computeIfAbsent(name, key -> new ArrayList<>()).add(outcome);
        if (outcome == null) {
            Exception failed = new IOException("the round failed");
            results.series(GROUP, AGGREGATE, name).fail(outcomes.get(name).size(), failed);
            results.series(GROUP, LOGIN_P50, name).fail(outcomes.get(name).size(), failed);
            results.series(GROUP, LOGIN_P99, name).fail(outcomes.get(name).size(), failed);
            return;
        }
        results.series(GROUP, AGGREGATE, name).add(new Sample(outcome.seconds(), outcome.bytes(),
                load.sessions() - outcome.failedSessions(), Double.NaN, Double.NaN, outcome.failedSessions(),
                outcome.firstFailure()));
        // one "operation" whose time is the percentile, so that Metric.MILLISECONDS reads it back
        results.series(GROUP, LOGIN_P50, name).add(Sample.operations(percentileNanos(outcome, 0.50), 1, 0, null));
        results.series(GROUP, LOGIN_P99, name).add(Sample.operations(percentileNanos(outcome, 0.99), 1, 0, null));
    }

    /** Nearest-rank percentile of the login times, nanoseconds (NaN-free: 0 when nobody logged in). */
    private static long percentileNanos(SessionsRound.Outcome outcome, double fraction) {
        double[] sorted = outcome.loginMillis().clone();
        if (sorted.length == 0) {
            return 0;
        }
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(fraction * sorted.length);
        return (long) (sorted[Math.max(rank, 1) - 1] * 1e6);
    }

    private String section(String limits) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "## 7b. %,d sessions at once, each downloading and uploading %d × %s "
                + "(`bench --only %s`)%n%n", load.sessions(), load.files(), kib(load.fileBytes()), GROUP));
        out.append(String.format(Locale.ROOT, "Every session runs on a thread of its own in this JVM: it connects "
                + "from a loopback address of its own (127.1.x.y, bound before the connect, its data connections "
                + "too: Linux routes all of 127.0.0.0/8 to the loopback interface; real users come from many "
                + "addresses, and a per-address defence is not what this table measures) to the servers on 127.0.0.1 "
                + "(%d connections being opened at a time, as in table 7), logs in anonymously and at once, alternately, "
                + "downloads %d different files of %s and uploads %d files of its own (EPSV, binary, one at a time); it "
                + "then keeps its session open until every session has finished, so that all of them are open together "
                + "when the server's memory is read, and sends QUIT. Aggregate MiB/s: the bytes of every completed "
                + "transfer, both ways, from the first connect until the last session finished its transfers. Login: "
                + "connect until 230, per session, p50 and p99 (nearest rank). A session fails on any error or a wrong "
                + "size (downloads are counted, uploads are checked on disk). ftpkit runs in a child JVM of its own on "
                + "the JVM's defaults (%s), vsftpd as everywhere in this file (max_clients and max_per_ip 2000, so "
                + "neither refuses a session here); the "
                + "clients share neither. Server CPU: user + system time of the ftpkit JVM, or of vsftpd's whole process tree (as in table 1), over the same span as the aggregate, per GiB moved: the steadier comparison on a busy machine. Memory is read with every session open: PSS (resident pages, each shared "
                + "page divided among the processes that share it) summed over vsftpd's listener and session "
                + "processes, against the ftpkit JVM's; RSS beside it (summed over vsftpd's processes it counts their "
                + "shared code once per process). The ftpkit JVM's heap (used after a full GC, and committed) is part "
                + "of its RSS. %d round(s), interleaved, after %d warm-up round(s) of a fifth of the sessions; median (min–max); ratios within "
                + "each round. Open-file limit: %s.%n%n", Benchmarks.CONNECTS_AT_ONCE, load.files(),
                kib(load.fileBytes()), load.files(), Machine.jdk(), settings.concurrentRounds(), settings.warmups(),
                limits));
        out.append("| server | aggregate MiB/s | × vsftpd | server CPU s/GiB | × vsftpd | login p50, ms | login p99, ms "
                + "| p99 × vsftpd | failed sessions | most transferring at once | memory PSS, MiB | × vsftpd | RSS, MiB "
                + "| processes | heap used / committed, MiB |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Optional<Series> baseAggregate = results.find(GROUP, AGGREGATE, Benchmarks.VSFTPD);
        Optional<Series> baseP99 = results.find(GROUP, LOGIN_P99, Benchmarks.VSFTPD);
        for (Map.Entry<String, List<SessionsRound.Outcome>> entry : outcomes.entrySet()) {
            String name = entry.getKey();
            List<SessionsRound.Outcome> rounds = entry.getValue();
            Series aggregate = results.series(GROUP, AGGREGATE, name);
            Series p99 = results.series(GROUP, LOGIN_P99, name);
            out.append("| ").append(name)
                    .append(" | ").append(aggregate.stats(Metric.MIB_PER_SECOND).format())
                    .append(" | ").append(ratio(aggregate, baseAggregate, Metric.MIB_PER_SECOND))
                    .append(" | ").append(stats(rounds, ManySessions::cpuPerGib).format())
                    .append(" | ").append(ratio(rounds, outcomes.get(Benchmarks.VSFTPD), ManySessions::cpuPerGib))
                    .append(" | ").append(results.series(GROUP, LOGIN_P50, name).stats(Metric.MILLISECONDS).format())
                    .append(" | ").append(p99.stats(Metric.MILLISECONDS).format())
                    .append(" | ").append(ratio(p99, baseP99, Metric.MILLISECONDS))
                    .append(" | ").append(rounds.stream().mapToLong(o -> o == null ? load.sessions() : o.failedSessions())
                            .sum())
                    .append(" | ").append(stats(rounds, o -> o.mostTransferring()).format())
                    .append(" | ").append(stats(rounds, o -> mib(o.memory().process().pssBytes())).format())
                    .append(" | ").append(ratio(rounds, outcomes.get(Benchmarks.VSFTPD), o -> o.memory().process().pssBytes()))
                    .append(" | ").append(stats(rounds, o -> mib(o.memory().process().rssBytes())).format())
                    .append(" | ").append(stats(rounds, o -> o.memory().process().processes()).format())
                    .append(" | ").append(heap(rounds))
                    .append(" |\n");
        }
        out.append('\n');
        for (Map.Entry<String, List<SessionsRound.Outcome>> entry : outcomes.entrySet()) {
            entry.getValue().stream().filter(o -> o != null && o.firstFailure() != null).findFirst().ifPresent(o ->
                    failures.add(entry.getKey() + ": first failure " + o.firstFailure().replace('|', '/')));
        }
        for (String failure : failures) {
            out.append("- ").append(failure).append('\n');
        }
        if (!failures.isEmpty()) {
            out.append('\n');
        }
        return out.toString();
    }

    private static String heap(List<SessionsRound.Outcome> rounds) {
        Stats used = stats(rounds, o -> o.memory().heapUsedBytes() < 0 ? Double.NaN : mib(o.memory().heapUsedBytes()));
        Stats committed = stats(rounds, o -> o.memory().heapCommittedBytes() < 0 ? Double.NaN
                : mib(o.memory().heapCommittedBytes()));
        return used.isEmpty() ? "–" : Stats.number(used.median()) + " / " + Stats.number(committed.median());
    }

    /** Ratio of a figure, mine / theirs, within each round both completed; summarised. */
    private static String ratio(List<SessionsRound.Outcome> mine, List<SessionsRound.Outcome> theirs,
            ToDoubleFunction<SessionsRound.Outcome> value) {
        if (theirs == null) {
            return "–";
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < Math.min(mine.size(), theirs.size()); round++) {
            if (mine.get(round) != null && theirs.get(round) != null) {
                double ratio = value.applyAsDouble(mine.get(round)) / value.applyAsDouble(theirs.get(round));
                if (Double.isFinite(ratio)) {
                    ratios.add(ratio);
                }
            }
        }
        return Stats.of(ratios).formatRatio();
    }

    /** The server's CPU seconds per GiB moved (NaN below one clock tick: not measured). */
    private static double cpuPerGib(SessionsRound.Outcome outcome) {
        return outcome.serverCpuSeconds() > 0 ? outcome.serverCpuSeconds() / (outcome.bytes() / Sample.GIB) : Double.NaN;
    }

    private static Stats stats(List<SessionsRound.Outcome> rounds, ToDoubleFunction<SessionsRound.Outcome> value) {
        return Stats.of(rounds.stream().filter(o -> o != null).mapToDouble(value).boxed().toList());
    }

    private static String ratio(Series series, Optional<Series> base, Metric metric) {
        return base.map(other -> series.ratioTo(other, metric).formatRatio()).orElse("–");
    }

    private static double mib(long bytes) {
        return bytes < 0 ? Double.NaN : bytes / Sample.MIB;
    }

    private static String kib(int bytes) {
        return bytes / 1024 + " KiB";
    }

    /** "20000 (soft) / 20000 (hard) for the ftpkit JVM" from /proc/PID/limits. */
    private static String openFileLimit(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "limits"))) {
                if (line.startsWith("Max open files")) {
                    String[] words = line.substring("Max open files".length()).trim().split("\\s+");
                    return words[0] + " (soft) / " + words[1] + " (hard) in the ftpkit JVM, which raises its soft "
                            + "limit to the hard one";
                }
            }
        } catch (IOException e) {
            // reported as unknown
        }
        return "unknown";
    }
}
