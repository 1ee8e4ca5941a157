package dev.ftpkit.examples.bench;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;
import dev.ftpkit.testsupport.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A smoke run of the benchmark harness: the quick mode, end to end, against the real peers. */
class BenchCommandTest {

    private static final Pattern RATIO = Pattern.compile("(-?[0-9.]+|NaN|Infinity)× \\((-?[0-9.]+|NaN|Infinity)–(-?[0-9.]+|NaN|Infinity)\\)");
    /** A goal row's "measured" cell: a ratio, or "not measured" (a CPU figure of 0 ticks on a busy machine). */
    private static final Pattern GOAL_CELL = Pattern.compile("[0-9]+\\.[0-9]{2}× \\([0-9]+\\.[0-9]{2}–[0-9]+\\.[0-9]{2}\\)|not measured");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal io = new Terminal(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);

    @Test
    // A guard against a hung harness, not a speed check: the quick run is CPU-bound work that took 15 s on an idle
    // 2-core machine and 86 s beside a CPU hog with other builds running.
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void quickRunPrintsEveryTableAndEveryGoalRowAndWritesTheReport(@TempDir Path dir) throws Exception {
        Peers.require("vsftpd");
        Peers.require("curl");
        Path report = dir.resolve("BENCHMARKS.md");

        int code = Main.run(List.of("bench", "--quick", "--out", report.toString(), "--dir", dir.toString()), io);

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(report)).isEqualTo(table);
        assertThat(table).contains("## Machine", "## Method", "## Goals", "java -jar examples/target/ftpkit.jar bench --quick",
                "## 1. Server throughput", "## 2. Client throughput", "## 3. Loopback ceiling", "## 3b. Moving a file",
                "## 4. Listing",
                "## 5. Logins per second", "## 7. ", "## 8. Memory", "## Missing, scaled or failed",
                "## 7b. 20 sessions at once", "## 8b. Memory of 50 idle FTPS sessions");
        assertThat(table).contains("| ftpkit | ", "| vsftpd | ", "| plain | 50 | ", "| FTPS (AUTH TLS, PROT P) | 50 | ");
        for (String server : List.of("ftpkit", "vsftpd", "Apache FtpServer")) {
            assertThat(table).contains("| RETR | " + server + " | ", "| STOR | " + server + " | ",
                    "| LIST | " + server + " | ", "| anonymous, sequential | " + server + " | ");
        }
        for (String client : List.of("ftpkit", "curl", "Commons Net (defaults)", "Commons Net (64 KiB buffer)")) {
            assertThat(table).contains("| RETR | " + client + " | ", "| STOR | " + client + " | ");
        }
        assertThat(table).contains("| copy | loopback ceiling | ", "| MLSD | Apache FtpServer | ",
                "| file to socket | FileChannel.transferTo / transferFrom | ");
        assertThat(table).contains("| MLSD | ftpkit | ", "| password, sequential | ftpkit | ", "| ftpkit | 50 | ");
        // Every goal of the issue has its row. The quick run asserts structure, never a measured value: on a busy
        // machine a 4 MiB transfer can cost 0 CPU ticks of 10 ms, and its ratio row then reads "not measured".
        for (String goal : List.of("client RETR from vsftpd: ftpkit / curl", "client STOR to vsftpd: ftpkit / curl",
                "server STOR 4 MiB (curl): ftpkit / Apache FtpServer", "many sessions at once (7b), aggregate: ftpkit / vsftpd",
                "many sessions at once (7b), p99 login: ftpkit / vsftpd")) {
            assertThat(goalCell(table, goal)).as(goal).matches(GOAL_CELL);
        }
        assertThat(table).contains("| heap per idle session: ftpkit | ");
        // A failed round is a failed transfer, not a measurement: the report lists none.
        assertThat(table).doesNotContain("rounds failed, ");
        assertEveryRatioIsANonNegativeNumber(table);
        // The harness cleans up after itself: only the report is left.
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(report);
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void quickFtpsRunMeasuresBothServersAndClientsOverTlsAndPrintsItsGoalRows(@TempDir Path dir) throws Exception {
        Peers.require("vsftpd");
        Peers.require("curl");

        int code = Main.run(List.of("bench", "--quick", "--only", "ftps", "--tls", "1.2", "--out", "-", "--dir",
                dir.toString()), io);

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
        assertThat(table).contains("## 12. FTPS", "### FTPS goals", "### 12a. Server throughput",
                "### 12b. TLS logins per second", "### 12c. Client throughput");
        for (String server : List.of("ftpkit", "vsftpd")) {
            assertThat(table).contains("| RETR, TLS 1.2 | " + server + " | ", "| STOR, TLS 1.2 | " + server + " | ",
                    "| TLS 1.2, sequential | " + server + " | ", "| " + server + ", TLS 1.2 | TLSv1.2 / ");
        }
        assertThat(table).contains("| RETR, TLS 1.2 | curl | ", "| STOR, TLS 1.2 | curl | ");
        for (String goal : List.of("FTPS server RETR, TLS 1.2 (curl): ftpkit / vsftpd",
                "FTPS server STOR, TLS 1.2 (curl): ftpkit / vsftpd", "TLS logins/s, TLS 1.2, sequential: ftpkit / vsftpd")) {
            assertThat(goalCell(table, goal)).as(goal).matches(GOAL_CELL);
        }
        // this test JVM offers TLS 1.2 session tickets (the ftpkit command turns them off): the ftpkit client's
        // TLS 1.2 rows are left out with a note, not measured as failures
        assertThat(table).contains("ftpkit client, TLS 1.2: not measured");
        // every transfer arrived whole and every login succeeded: a failure would be listed, never averaged in
        assertThat(table).doesNotContain("rounds failed, ", "TLS 1.3");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void unknownTlsVersionIsAUsageError(@TempDir Path dir) throws Exception {
        int code = Main.run(List.of("bench", "--only", "ftps", "--tls", "1.1", "--out", "-", "--dir", dir.toString()),
                io);

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--tls", "1.1");
    }

    private static String goalCell(String table, String goal) {
        Matcher row = Pattern.compile("^\\| " + Pattern.quote(goal) + " \\| ([^|]*) \\|", Pattern.MULTILINE).matcher(table);
        assertThat(row.find()).as("goal row " + goal).isTrue();
        return row.group(1);
    }

    /** Ratios are structure-checked only: a zero CPU figure makes a ratio 0.00, never a number that fails a test. */
    private static void assertEveryRatioIsANonNegativeNumber(String table) {
        Matcher matcher = RATIO.matcher(table);
        int ratios = 0;
        while (matcher.find()) {
            ratios++;
            for (int group = 1; group <= 3; group++) {
                assertThat(Double.parseDouble(matcher.group(group))).as(matcher.group()).isNotNegative().isFinite();
            }
        }
        assertThat(ratios).as("ratios in the tables").isGreaterThan(20);
    }
}
