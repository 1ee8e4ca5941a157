package dev.ftpkit.examples.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Markdown section of {@code bench --only ftps}: its goals, then one table per benchmark. */
final class FtpsReport {

    private static final List<Metric> TRANSFER_METRICS = List.of(Metric.MIB_PER_SECOND, Metric.CPU_SECONDS_PER_GIB,
            Metric.MACHINE_CPU_SECONDS_PER_GIB);

    private final Results results;
    private final StringBuilder out = new StringBuilder();
    private final List<String> errors = new ArrayList<>();
    private String table = "";

    private FtpsReport(Results results) {
        this.results = results;
    }

    static String render(Results results, BenchSettings settings, List<TlsVersion> versions,
            Map<String, String> cipherSuites, List<String> notes) {
        FtpsReport report = new FtpsReport(results);
        String size = BenchSettings.size(settings.fileBytes());
        report.out.append("## 12. FTPS: explicit TLS, protected data (PROT P), ").append(size).append("\n\n")
                .append("Both servers force TLS for login and data and require each data connection to resume its "
                        + "control connection's TLS session (vsftpd: `ssl_enable`, `force_anon_logins_ssl`, "
                        + "`force_anon_data_ssl`, `require_ssl_reuse`, `ssl_ciphers=HIGH`; ftpkit: `TlsSettings` "
                        + "`requiredForLogin`, `requiredForData`, `sessionReuseRequired`) and present the same RSA 2048 "
                        + "certificate. Each TLS version is its own row; the client offers only that version. "
                        + "Their own server processes, started for this section; interleaved rounds as above. "
                        + "Rerun with `bench --only ftps` (`--tls 1.2` for one version).\n\n");
        report.goals(versions, settings.parallelLogins() + " parallel");
        report.cipherSuites(cipherSuites);
        report.transfers(FtpsBenchmarks.SERVER, "12a. Server throughput: curl `--ssl-reqd` as the client",
                "curl downloads into /dev/null and uploads from a file; CPU is the server's (vsftpd: its process "
                        + "tree; ftpkit: this JVM), machine CPU every CPU's busy time meanwhile.", Benchmarks.VSFTPD);
        report.logins(settings);
        report.transfers(FtpsBenchmarks.CLIENT, "12c. Client throughput against vsftpd",
                "Downloads into a local file, uploads from one; CPU is the client's (curl: the reaped child; ftpkit: "
                        + "this JVM).", Benchmarks.CURL);
        report.errors(notes);
        return report.out.toString();
    }

    private void goals(List<TlsVersion> versions, String parallel) {
        out.append("### FTPS goals\n\n| goal | measured | target | met |\n|---|---|---|---|\n");
        List<Goal> goals = new ArrayList<>();
        for (TlsVersion version : versions) {
            String tls = version.label();
            for (String op : List.of("RETR", "STOR")) {
                goals.add(goal("FTPS server " + op + ", " + tls + " (curl): ftpkit / vsftpd", FtpsBenchmarks.SERVER,
                        op + ", " + tls, Goal.OURS, Benchmarks.VSFTPD, Metric.MIB_PER_SECOND, 1.0, true));
            }
            for (String op : List.of("RETR", "STOR")) {
                goals.add(goal("FTPS server CPU per GiB, " + op + ", " + tls + ": ftpkit / vsftpd",
                        FtpsBenchmarks.SERVER, op + ", " + tls, Goal.OURS, Benchmarks.VSFTPD,
                        Metric.CPU_SECONDS_PER_GIB, 1.2, false));
            }
            for (String logins : List.of(tls + ", sequential", tls + ", " + parallel)) {
                goals.add(goal("TLS logins/s, " + logins + ": ftpkit / vsftpd", FtpsBenchmarks.LOGIN, logins,
                        Goal.OURS, Benchmarks.VSFTPD, Metric.PER_SECOND, 1.0, true));
            }
            for (String op : List.of("RETR", "STOR")) {
                goals.add(goal("FTPS client " + op + " from vsftpd, " + tls + ": ftpkit / curl", FtpsBenchmarks.CLIENT,
                        op + ", " + tls, Goal.OURS, Benchmarks.CURL, Metric.MIB_PER_SECOND, 1.0, true));
            }
        }
        for (Goal goal : goals) {
            out.append(goal.tableRow(results));
        }
        out.append('\n');
    }

    private static Goal goal(String label, String group, String operation, String mine, String theirs, Metric metric,
            double target, boolean atLeast) {
        return new Goal(label, new Results.Key(group, operation, mine), new Results.Key(group, operation, theirs),
                metric, target, atLeast);
    }

    private void cipherSuites(Map<String, String> cipherSuites) {
        out.append("Negotiated with curl (from `curl -v`), per server and version:\n\n| server, version | protocol / "
                + "cipher suite |\n|---|---|\n");
        cipherSuites.forEach((key, value) -> out.append("| ").append(key).append(" | ").append(value.replace('|', '/'))
                .append(" |\n"));
        out.append('\n');
    }

    private void transfers(String group, String title, String note, String baseline) {
        out.append("### ").append(title).append("\n\n");
        table = title.substring(0, title.indexOf(' '));
        if (notRun(group)) {
            return;
        }
        out.append(note).append(" Higher MiB/s is better, lower CPU s/GiB is better.\n\n")
                .append("| op | contender | MiB/s | × ").append(baseline).append(" | CPU s/GiB | CPU × ")
                .append(baseline).append(" | machine CPU s/GiB | machine CPU × ").append(baseline)
                .append(" |\n|---|---|---|---|---|---|---|---|\n");
        for (String operation : results.operations(group)) {
            Optional<Series> base = results.find(group, operation, baseline);
            for (String contender : results.contenders(group, operation)) {
                Series series = results.series(group, operation, contender);
                List<String> cells = new ArrayList<>();
                for (Metric metric : TRANSFER_METRICS) {
                    cells.add(series.stats(metric).format());
                    cells.add(base.map(other -> series.ratioTo(other, metric).formatRatio()).orElse("–"));
                }
                row(operation, contender, series, cells);
            }
        }
        out.append('\n');
    }

    private void logins(BenchSettings settings) {
        out.append("### 12b. TLS logins per second\n\n");
        table = "12b.";
        if (notRun(FtpsBenchmarks.LOGIN)) {
            return;
        }
        out.append("connect, 220, AUTH TLS, 234, a full handshake (a new session each time, as a new client process "
                + "makes), USER, PASS, 230, QUIT, 221, close; this JVM's minimal client, each sample runs for ")
                .append(settings.loginWindow().toMillis()).append(" ms, one client after the other or ")
                .append(settings.parallelLogins()).append(" at once. The clients share this JVM (and its CPU) with "
                        + "ftpkit's server.\n\n| logins | server | logins/s | × vsftpd | failed |\n|---|---|---|---|---|\n");
        for (String operation : results.operations(FtpsBenchmarks.LOGIN)) {
            Optional<Series> base = results.find(FtpsBenchmarks.LOGIN, operation, Benchmarks.VSFTPD);
            for (String contender : results.contenders(FtpsBenchmarks.LOGIN, operation)) {
                Series series = results.series(FtpsBenchmarks.LOGIN, operation, contender);
                row(operation, contender, series, List.of(series.stats(Metric.PER_SECOND).format(),
                        base.map(other -> series.ratioTo(other, Metric.PER_SECOND).formatRatio()).orElse("–"),
                        Long.toString(series.failedOperations())));
            }
        }
        out.append('\n');
    }

    private void row(String operation, String contender, Series series, List<String> cells) {
        out.append("| ").append(operation).append(" | ").append(contender);
        cells.forEach(cell -> out.append(" | ").append(cell));
        out.append(" |\n");
        if (series.firstError() != null) {
            errors.add(table + " " + operation + " " + contender + ": " + series.failedRounds() + " of " + series.rounds().size()
                    + " rounds failed, " + series.failedOperations() + " operations within rounds failed; first error: "
                    + series.firstError().replace('\n', ' ').replace('|', '/'));
        }
    }

    private boolean notRun(String group) {
        if (results.operations(group).isEmpty()) {
            out.append("Not measured in this run.\n\n");
            return true;
        }
        return false;
    }

    private void errors(List<String> notes) {
        if (!errors.isEmpty() || !notes.isEmpty()) {
            out.append("### FTPS: missing or failed\n\n");
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
            errors.forEach(error -> out.append("- ").append(error).append('\n'));
            out.append('\n');
        }
    }
}
