package dev.ftpkit.server;

import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RETR and STOR throughput with curl on loopback: ftpkit against vsftpd in the same run. Not part of the normal
 * suite (it moves gigabytes); run with
 * {@code mvn -pl ftp-server -am test -Dtest=ThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dftpkit.bench=true}.
 */
class ThroughputBenchmark {

    private static final long SIZE = 512L * 1024 * 1024;
    private static final int RUNS = 3;

    @Test
    void curlThroughputAgainstFtpkitAndVsftpd(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("ftpkit.bench"), "benchmark: run with -Dftpkit.bench=true");
        Path curl = Peers.require("curl");
        Path ftpkitRoot = Files.createDirectories(work.resolve("ftpkit"));
        Path local = Files.createDirectories(work.resolve("local"));
        try (RandomAccessFile file = new RandomAccessFile(local.resolve("big.bin").toFile(), "rw")) {
            file.setLength(SIZE);
        }
        Files.copy(local.resolve("big.bin"), ftpkitRoot.resolve("big.bin"));
        try (Vsftpd vsftpd = Vsftpd.builder(work.resolve("vsftpd")).start();
             FtpServer ftpkit = TestServers.start(ftpkitRoot)) {
            Files.copy(local.resolve("big.bin"), vsftpd.uploadDir().resolve("big.bin"));
            String vsftpdUrl = vsftpd.url("upload/");
            String ftpkitUrl = TestServers.url(ftpkit, "");
            for (int round = 0; round < 2; round++) { // the first round warms the JIT
                report("RETR", best(curl, local, List.of("-o", "/dev/null", vsftpdUrl + "big.bin")),
                        best(curl, local, List.of("-o", "/dev/null", ftpkitUrl + "big.bin")));
                report("STOR", best(curl, local, List.of("-T", "big.bin", vsftpdUrl + "up.bin")),
                        best(curl, local, List.of("-T", "big.bin", ftpkitUrl + "up.bin")));
            }
        }
    }

    private static double best(Path curl, Path local, List<String> args) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < RUNS; i++) {
            List<String> command = new java.util.ArrayList<>(List.of(curl.toString(), "-sS"));
            command.addAll(args);
            long started = System.nanoTime();
            Processes.Result result = Processes.run(local, Duration.ofMinutes(2), command);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(result.exitCode()).as(result.toString()).isZero();
            best = Math.min(best, seconds);
        }
        return SIZE / 1024.0 / 1024.0 / best;
    }

    private static void report(String what, double vsftpd, double ftpkit) {
        System.out.printf("%s MiB/s: vsftpd %.0f, ftpkit %.0f, ratio %.2f%n", what, vsftpd, ftpkit, ftpkit / vsftpd);
    }
}
