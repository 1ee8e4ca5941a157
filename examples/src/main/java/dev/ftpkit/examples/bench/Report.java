package dev.ftpkit.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders a run's results as Markdown: machine, method, goals, one table per benchmark, what is missing. */
final class Report {

    private static final String CPU_CAVEAT = "On loopback the kernel does much of the network work in softirq "
            + "context and charges it to whichever process runs at the time (the peer, or another program), so the "
            + "per-process CPU figures are approximate; the machine CPU columns count every CPU's busy time during the "
            + "transfer (client, server, kernel and anything else running) and are the steadier comparison when the "
            + "machine is otherwise idle.";

    private final Results results;
    private final BenchSettings settings;
    private final StringBuilder out = new StringBuilder();
    private final List<String> errors = new ArrayList<>();

    private final java.util.Map<String, String> passwordHashing;

    private Report(Results results, BenchSettings settings, java.util.Map<String, String> passwordHashing) {
        this.results = results;
        this.settings = settings;
        this.passwordHashing = passwordHashing;
    }

    /**
     * The whole document.
     *
     * @param header the title, machine and method sections, already written
     * @param notes what was scaled, skipped or is missing, one item each
     * @param memory the idle-session memory rows, already measured (may be empty)
     * @param passwordHashing how each server checks passwords, by server name
     */
    static String render(Results results, BenchSettings settings, String header, List<String> notes,
            List<IdleMemory.Row> memory, java.util.Map<String, String> passwordHashing) {
        Report report = new Report(results, settings, passwordHashing);
        report.out.append(header);
        report.goals(memory);
        report.throughput(Benchmarks.SERVER, "1. Server throughput: each server, curl as the client",
                "curl downloads into /dev/null and uploads from a file. CPU is the server's user + system time from "
                        + "/proc (vsftpd: its listener and every session process, orphans included, through a subreaper "
                        + "wrapper; in-process servers: this JVM). " + CPU_CAVEAT, Benchmarks.VSFTPD);
        report.throughput(Benchmarks.CLIENT, "2. Client throughput: each client against vsftpd",
                "Downloads into a local file, uploads from one. CPU is the client's (curl: the reaped child process; "
                        + "in-process clients: this JVM). " + CPU_CAVEAT, Benchmarks.CURL);
        report.ceiling();
        report.strategies();
        report.listings();
        report.logins();
        report.concurrency();
        report.memory(memory);
        report.missing(notes);
        return report.out.toString();
    }

    private void goals(List<IdleMemory.Row> memory) {
        section("Goals");
        out.append("Each ratio is taken round by round (ours ÷ theirs in the same round) and summarised as median "
                + "(min–max).\n\n");
        out.append("| goal | measured | target | met |\n|---|---|---|---|\n");
        for (Goal goal : Goal.all(settings.parallelLogins() + " parallel", BenchSettings.size(settings.fileBytes()))) {
            out.append(goal.tableRow(results));
        }
        for (String operation : List.of("RETR", "STOR")) {
            results.find(Benchmarks.CONCURRENT, operation, Goal.OURS).ifPresent(series -> out
                    .append("| many clients ").append(operation).append(": ftpkit transfers failed | ")
                    .append(series.failedOperations()).append(" (").append(series.failedRounds())
                    .append(" rounds failed) | 0 | ")
                    .append(series.failedOperations() == 0 && series.failedRounds() == 0 ? "yes" : "**no**")
                    .append(" |\n"));
        }
        for (IdleMemory.Row row : memory) {
            if (row.server().equals(Goal.OURS)) {
                out.append("| heap per idle session: ftpkit | ").append(row.formatKib()).append(" KiB (")
                        .append(row.refused()).append(" refused) | ≤ 64 KiB, none refused | ")
                        .append(row.perSessionBytes().median() <= 64 * 1024 && row.refused() == 0 ? "yes" : "**no**")
                        .append(" |\n");
            }
        }
        out.append('\n');
    }

    private void throughput(String group, String title, String note, String baseline) {
        section(title + ", " + BenchSettings.size(settings.fileBytes()));
        if (notRun(group)) {
            return;
        }
        out.append(note).append(" Higher MiB/s is better, lower CPU s/GiB is better.\n\n");
        out.append("| op | contender | MiB/s | × ").append(baseline).append(" | ÷ loopback ceiling | CPU s/GiB | CPU × ")
                .append(baseline).append(" | machine CPU s/GiB | machine CPU × ").append(baseline)
                .append(" |\n|---|---|---|---|---|---|---|---|---|\n");
        Optional<Series> ceiling = results.find(group, Benchmarks.COPY, Benchmarks.CEILING);
        for (String operation : results.operations(group)) {
            if (operation.equals(Benchmarks.COPY)) {
                continue;
            }
            Optional<Series> base = results.find(group, operation, baseline);
            for (String contender : results.contenders(group, operation)) {
                Series series = results.series(group, operation, contender);
                row(operation, contender, series,
                        series.stats(Metric.MIB_PER_SECOND).format(),
                        ratio(series, base, Metric.MIB_PER_SECOND),
                        ratio(series, ceiling, Metric.MIB_PER_SECOND),
                        series.stats(Metric.CPU_SECONDS_PER_GIB).format(),
                        ratio(series, base, Metric.CPU_SECONDS_PER_GIB),
                        series.stats(Metric.MACHINE_CPU_SECONDS_PER_GIB).format(),
                        ratio(series, base, Metric.MACHINE_CPU_SECONDS_PER_GIB));
            }
        }
        ceiling.ifPresent(series -> row(Benchmarks.COPY, Benchmarks.CEILING, series,
                series.stats(Metric.MIB_PER_SECOND).format(), "", "1.00×", "", "",
                series.stats(Metric.MACHINE_CPU_SECONDS_PER_GIB).format(), ""));
        out.append('\n');
    }

    private void ceiling() {
        section("3. Loopback ceiling: raw Java socket copy, 64 KiB buffers, " + BenchSettings.size(settings.fileBytes()));
        if (notRun(Benchmarks.SERVER) && notRun(Benchmarks.CLIENT)) {
            return;
        }
        out.append("Memory to memory over one loopback connection, no FTP, no files; measured in every round of tables "
                + "1 and 2 (their \"÷ loopback ceiling\" column).\n\n| measured with | MiB/s |\n|---|---|\n");
        for (String group : List.of(Benchmarks.SERVER, Benchmarks.CLIENT)) {
            results.find(group, Benchmarks.COPY, Benchmarks.CEILING).ifPresent(series -> out.append("| table ")
                    .append(group.equals(Benchmarks.SERVER) ? "1" : "2").append(" | ")
                    .append(series.stats(Metric.MIB_PER_SECOND).format()).append(" |\n"));
        }
        out.append('\n');
    }

    private void strategies() {
        section("3b. Moving a file to and from a socket in Java, " + BenchSettings.size(settings.fileBytes()));
        if (notRun(Benchmarks.STRATEGIES)) {
            return;
        }
        out.append("No FTP: this JVM sends the big file to a loopback peer (\"file to socket\", what RETR does) or writes "
                + "what a peer sends into a file (\"socket to file\", STOR), three ways. The peer (a channel with a direct "
                + "buffer) is in this JVM too and the same for all, so CPU is both ends'. These are the building blocks "
                + "of the servers' and clients' copy loops.\n\n"
                + "| op | way | MiB/s | × heap streams | CPU s/GiB | CPU × heap streams | machine CPU s/GiB |\n"
                + "|---|---|---|---|---|---|---|\n");
        String baseline = CopyStrategies.Strategy.HEAP_STREAMS.label;
        for (String operation : results.operations(Benchmarks.STRATEGIES)) {
            Optional<Series> base = results.find(Benchmarks.STRATEGIES, operation, baseline);
            for (String contender : results.contenders(Benchmarks.STRATEGIES, operation)) {
                Series series = results.series(Benchmarks.STRATEGIES, operation, contender);
                row(operation, contender, series, series.stats(Metric.MIB_PER_SECOND).format(),
                        ratio(series, base, Metric.MIB_PER_SECOND), series.stats(Metric.CPU_SECONDS_PER_GIB).format(),
                        ratio(series, base, Metric.CPU_SECONDS_PER_GIB),
                        series.stats(Metric.MACHINE_CPU_SECONDS_PER_GIB).format());
            }
        }
        out.append('\n');
    }

    private void listings() {
        section(String.format(Locale.ROOT, "4. Listing a directory of %,d entries", settings.listEntries()));
        if (notRun(Benchmarks.LIST)) {
            return;
        }
        out.append("One logged-in session per sample, ").append(settings.listRepeats())
                .append(" listing(s) per sample; time per listing, lower is better. vsftpd has no MLSD: MLSD is "
                        + "compared with its LIST.\n\n| op | server | ms per listing | × vsftpd LIST |\n|---|---|---|---|\n");
        Optional<Series> base = results.find(Benchmarks.LIST, "LIST", Benchmarks.VSFTPD);
        for (String operation : results.operations(Benchmarks.LIST)) {
            for (String contender : results.contenders(Benchmarks.LIST, operation)) {
                Series series = results.series(Benchmarks.LIST, operation, contender);
                row(operation, contender, series, series.stats(Metric.MILLISECONDS).format(),
                        ratio(series, base, Metric.MILLISECONDS));
            }
        }
        out.append('\n');
    }

    private void logins() {
        section("5. Logins per second");
        if (notRun(Benchmarks.LOGIN)) {
            return;
        }
        out.append("connect, 220, USER, PASS, 230, QUIT, 221, close; each sample runs for ")
                .append(settings.loginWindow().toMillis()).append(" ms, one client after the other or ")
                .append(settings.parallelLogins()).append(" clients at once, each client from a loopback address "
                        + "of its own (127.1.x.y, bound before the connect; Linux routes all of 127.0.0.0/8 to the "
                        + "loopback interface): real users come from many addresses, and a per-address defence "
                        + "(ftpkit's queue of password checks, one at a time per address) is not what this table "
                        + "measures. Anonymous logins check no password; "
                        + "password logins use each server's own password check, named in the last column.\n\n")
                .append("| logins | server | logins/s | × Apache FtpServer | failed | password check |\n")
                .append("|---|---|---|---|---|---|\n");
        for (String operation : results.operations(Benchmarks.LOGIN)) {
            Optional<Series> base = results.find(Benchmarks.LOGIN, operation, "Apache FtpServer");
            for (String contender : results.contenders(Benchmarks.LOGIN, operation)) {
                Series series = results.series(Benchmarks.LOGIN, operation, contender);
                row(operation, contender, series, series.stats(Metric.PER_SECOND).format(),
                        ratio(series, base, Metric.PER_SECOND), Long.toString(series.failedOperations()),
                        operation.startsWith("password") ? passwordHashing.getOrDefault(contender, "?") : "none (anonymous)");
            }
        }
        out.append('\n');
    }

    private void concurrency() {
        section(String.format(Locale.ROOT, "7. %d clients at once, each transferring %s", settings.concurrentClients(),
                BenchSettings.size(settings.concurrentFileBytes())));
        if (notRun(Benchmarks.CONCURRENT)) {
            return;
        }
        out.append("All clients start at the same moment (this JVM's minimal client, one thread each), open their "
                + "connections " + Benchmarks.CONNECTS_AT_ONCE + " at a time (until the greeting), log in and transfer; "
                + "aggregate MiB/s of the successful transfers from the start to the last 226. The clients share this JVM "
                + "with the in-process servers (ftpkit, Apache FtpServer) but not with vsftpd. No warm-up round.\n\n| op | server | aggregate MiB/s | × vsftpd | failed transfers |\n|---|---|---|---|---|\n");
        for (String operation : results.operations(Benchmarks.CONCURRENT)) {
            Optional<Series> base = results.find(Benchmarks.CONCURRENT, operation, Benchmarks.VSFTPD);
            for (String contender : results.contenders(Benchmarks.CONCURRENT, operation)) {
                Series series = results.series(Benchmarks.CONCURRENT, operation, contender);
                row(operation, contender, series, series.stats(Metric.MIB_PER_SECOND).format(),
                        ratio(series, base, Metric.MIB_PER_SECOND), Long.toString(series.failedOperations()));
            }
        }
        out.append('\n');
    }

    private void memory(List<IdleMemory.Row> memory) {
        section("8. Memory of idle logged-in sessions");
        if (memory.isEmpty()) {
            out.append("Not measured in this run (see the last section).\n\n");
            return;
        }
        out.append(IdleMemory.DESCRIPTION).append("\n\n| server | sessions | heap per session, KiB | refused |\n|---|---|---|---|\n");
        for (IdleMemory.Row row : memory) {
            out.append("| ").append(row.server()).append(" | ").append(row.sessions()).append(" | ")
                    .append(row.formatKib()).append(" | ").append(row.refused()).append(" |\n");
        }
        out.append('\n');
    }

    private void missing(List<String> notes) {
        section("Missing, scaled or failed");
        if (notes.isEmpty() && errors.isEmpty()) {
            out.append("Nothing: every benchmark ran in full.\n");
        }
        for (String note : notes) {
            out.append("- ").append(note).append('\n');
        }
        for (String error : errors) {
            out.append("- ").append(error).append('\n');
        }
    }

    private void row(String operation, String contender, Series series, String... cells) {
        out.append("| ").append(operation).append(" | ").append(contender);
        for (String cell : cells) {
            out.append(" | ").append(cell);
        }
        out.append(" |\n");
        if (series.firstError() != null) {
            errors.add(operation + " " + contender + ": " + series.failedRounds() + " of " + series.rounds().size()
                    + " rounds failed, " + series.failedOperations() + " operations within rounds failed; first error: "
                    + series.firstError().replace('\n', ' ').replace('|', '/'));
        }
    }

    private static String ratio(Series series, Optional<Series> base, Metric metric) {
        return base.map(other -> series.ratioTo(other, metric).formatRatio()).orElse("–");
    }

    /** Writes "not run" for a group without results. */
    private boolean notRun(String group) {
        if (results.operations(group).isEmpty()) {
            out.append("Not measured in this run (see the last section).\n\n");
            return true;
        }
        return false;
    }

    private void section(String title) {
        out.append("## ").append(title).append("\n\n");
    }
}
