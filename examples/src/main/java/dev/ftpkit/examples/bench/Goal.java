package dev.ftpkit.examples.bench;

import java.util.List;
import java.util.Optional;

/**
 * A goal from the benchmark issue: the ratio of two series (round by round, median) against a target.
 *
 * @param label what is compared, as the table shows it
 * @param mine the series of ours
 * @param theirs the series compared against
 * @param metric the metric whose ratio is taken
 * @param target the ratio to reach
 * @param atLeast whether the ratio must be at least (true) or at most (false) the target
 */
record Goal(String label, Results.Key mine, Results.Key theirs, Metric metric, double target, boolean atLeast) {

    static final String OURS = "ftpkit";

    /** Every goal of the issue that is a ratio of two measured series. */
    static List<Goal> all(String parallelLogins, String size) {
        String server = Benchmarks.SERVER;
        String client = Benchmarks.CLIENT;
        String apache = "Apache FtpServer";
        String vsftpd = Benchmarks.VSFTPD;
        Results.Key ceilingServer = new Results.Key(server, Benchmarks.COPY, Benchmarks.CEILING);
        Results.Key ceilingClient = new Results.Key(client, Benchmarks.COPY, Benchmarks.CEILING);
        return List.of(
                atLeast("server RETR " + size + " (curl): ftpkit / vsftpd", key(server, "RETR", OURS), key(server, "RETR", vsftpd),
                        Metric.MIB_PER_SECOND, 1.0),
                atLeast("server STOR " + size + " (curl): ftpkit / vsftpd", key(server, "STOR", OURS), key(server, "STOR", vsftpd),
                        Metric.MIB_PER_SECOND, 1.0),
                atLeast("server STOR " + size + " (curl): ftpkit / Apache FtpServer", key(server, "STOR", OURS),
                        key(server, "STOR", apache), Metric.MIB_PER_SECOND, 2.0),
                atLeast("client RETR from vsftpd: ftpkit / curl", key(client, "RETR", OURS), key(client, "RETR", "curl"),
                        Metric.MIB_PER_SECOND, 1.0),
                atLeast("client RETR from vsftpd: ftpkit / Commons Net defaults", key(client, "RETR", OURS),
                        key(client, "RETR", CommonsNetClient.DEFAULTS_NAME), Metric.MIB_PER_SECOND, 1.2),
                atLeast("client STOR to vsftpd: ftpkit / curl", key(client, "STOR", OURS), key(client, "STOR", "curl"),
                        Metric.MIB_PER_SECOND, 1.0),
                atLeast("client STOR to vsftpd: ftpkit / Commons Net defaults", key(client, "STOR", OURS),
                        key(client, "STOR", CommonsNetClient.DEFAULTS_NAME), Metric.MIB_PER_SECOND, 1.2),
                atLeast("logins/s, anonymous, sequential: ftpkit / Apache FtpServer",
                        key(Benchmarks.LOGIN, "anonymous, sequential", OURS),
                        key(Benchmarks.LOGIN, "anonymous, sequential", apache), Metric.PER_SECOND, 1.5),
                atLeast("logins/s, anonymous, " + parallelLogins + ": ftpkit / Apache FtpServer",
                        key(Benchmarks.LOGIN, "anonymous, " + parallelLogins, OURS),
                        key(Benchmarks.LOGIN, "anonymous, " + parallelLogins, apache), Metric.PER_SECOND, 1.5),
                atLeast("logins/s, password, sequential: ftpkit / Apache FtpServer",
                        key(Benchmarks.LOGIN, "password, sequential", OURS),
                        key(Benchmarks.LOGIN, "password, sequential", apache), Metric.PER_SECOND, 1.5),
                atLeast("logins/s, password, " + parallelLogins + ": ftpkit / Apache FtpServer",
                        key(Benchmarks.LOGIN, "password, " + parallelLogins, OURS),
                        key(Benchmarks.LOGIN, "password, " + parallelLogins, apache), Metric.PER_SECOND, 1.5),
                atMost("LIST time: ftpkit / vsftpd", key(Benchmarks.LIST, "LIST", OURS), key(Benchmarks.LIST, "LIST", vsftpd),
                        Metric.MILLISECONDS, 1.0),
                atMost("MLSD time: ftpkit MLSD / vsftpd LIST (vsftpd has no MLSD)", key(Benchmarks.LIST, "MLSD", OURS),
                        key(Benchmarks.LIST, "LIST", vsftpd), Metric.MILLISECONDS, 1.0),
                atLeast("many clients RETR, aggregate: ftpkit / vsftpd", key(Benchmarks.CONCURRENT, "RETR", OURS),
                        key(Benchmarks.CONCURRENT, "RETR", vsftpd), Metric.MIB_PER_SECOND, 1.0),
                atLeast("many clients STOR, aggregate: ftpkit / vsftpd", key(Benchmarks.CONCURRENT, "STOR", OURS),
                        key(Benchmarks.CONCURRENT, "STOR", vsftpd), Metric.MIB_PER_SECOND, 1.0),
                atLeast("many sessions at once (7b), aggregate: ftpkit / vsftpd",
                        key(ManySessions.GROUP, ManySessions.AGGREGATE, OURS),
                        key(ManySessions.GROUP, ManySessions.AGGREGATE, vsftpd), Metric.MIB_PER_SECOND, 1.0),
                atMost("many sessions at once (7b), p99 login: ftpkit / vsftpd",
                        key(ManySessions.GROUP, ManySessions.LOGIN_P99, OURS),
                        key(ManySessions.GROUP, ManySessions.LOGIN_P99, vsftpd), Metric.MILLISECONDS, 1.0),
                atMost("server CPU per GiB, RETR: ftpkit / vsftpd", key(server, "RETR", OURS), key(server, "RETR", vsftpd),
                        Metric.CPU_SECONDS_PER_GIB, 1.2),
                atMost("server CPU per GiB, STOR: ftpkit / vsftpd", key(server, "STOR", OURS), key(server, "STOR", vsftpd),
                        Metric.CPU_SECONDS_PER_GIB, 1.2),
                atLeast("server RETR: ftpkit / loopback ceiling", key(server, "RETR", OURS), ceilingServer,
                        Metric.MIB_PER_SECOND, 0.8),
                atLeast("server STOR: ftpkit / loopback ceiling", key(server, "STOR", OURS), ceilingServer,
                        Metric.MIB_PER_SECOND, 0.8),
                atLeast("client RETR: ftpkit / loopback ceiling", key(client, "RETR", OURS), ceilingClient,
                        Metric.MIB_PER_SECOND, 0.8),
                atLeast("client STOR: ftpkit / loopback ceiling", key(client, "STOR", OURS), ceilingClient,
                        Metric.MIB_PER_SECOND, 0.8));
    }

    private static Results.Key key(String group, String operation, String contender) {
        return new Results.Key(group, operation, contender);
    }

    private static Goal atLeast(String label, Results.Key mine, Results.Key theirs, Metric metric, double target) {
        return new Goal(label, mine, theirs, metric, target, true);
    }

    private static Goal atMost(String label, Results.Key mine, Results.Key theirs, Metric metric, double target) {
        return new Goal(label, mine, theirs, metric, target, false);
    }

    /** The measured ratio, or empty when either side was not measured. */
    Optional<Stats> measure(Results results) {
        Optional<Series> a = results.find(mine.group(), mine.operation(), mine.contender());
        Optional<Series> b = results.find(theirs.group(), theirs.operation(), theirs.contender());
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        Stats ratio = a.get().ratioTo(b.get(), metric);
        return ratio.isEmpty() ? Optional.empty() : Optional.of(ratio);
    }

    /** The goals table's row: label, measured ratio, target, whether it is met (and by how much not). */
    String tableRow(Results results) {
        Optional<Stats> ratio = measure(results);
        return "| " + label + " | " + ratio.map(Stats::formatRatio).orElse("not measured") + " | " + targetText()
                + " | " + ratio.map(r -> isMet(r) ? "yes" : "**no**: " + shortfall(r)).orElse("–") + " |\n";
    }

    boolean isMet(Stats ratio) {
        return atLeast ? ratio.median() >= target : ratio.median() <= target;
    }

    /** How far the median is from the target, e.g. {@code "12 % short"} or {@code "2.21× the allowed"}. */
    String shortfall(Stats ratio) {
        if (atLeast) {
            return String.format(java.util.Locale.ROOT, "%.0f %% short", (1 - ratio.median() / target) * 100);
        }
        return String.format(java.util.Locale.ROOT, "%.2f× the allowed", ratio.median() / target);
    }

    String targetText() {
        return (atLeast ? "≥ " : "≤ ") + Stats.ratio(target) + "×";
    }
}
