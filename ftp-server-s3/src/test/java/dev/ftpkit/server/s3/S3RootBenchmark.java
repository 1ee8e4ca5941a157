package dev.ftpkit.server.s3;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.server.FtpServer;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Run by hand (never by the test suite): RETR and STOR throughput of the server on an S3 bucket (s3proxy with its
 * filesystem back end, on this machine) against the same server on a local-disk directory, in interleaved rounds.
 * Prints a Markdown table for BENCHMARKS.md. Arguments: [MiB per file, default 64] [rounds, default 5].
 */
public final class S3RootBenchmark {

    private S3RootBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args optional file size in MiB and number of rounds
     * @throws Exception if a transfer fails
     */
    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("ftpkit-s3-bench");
        Path source = work.resolve("source.bin");
        byte[] chunk = new byte[1 << 20];
        Random random = new Random(1);
        try (var out = Files.newOutputStream(source)) {
            for (int i = 0; i < mib; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        Path disk = Files.createDirectories(work.resolve("disk-root"));
        try (S3ProxyServer s3 = S3ProxyServer.start(Files.createDirectories(work.resolve("s3-store")));
             S3Storage bucket = s3.bucket("bench");
             FtpServer onDisk = server(disk);
             FtpServer onS3 = server(bucket.root())) {
            List<Double> diskStor = new ArrayList<>();
            List<Double> diskRetr = new ArrayList<>();
            List<Double> s3Stor = new ArrayList<>();
            List<Double> s3Retr = new ArrayList<>();
            for (int round = -1; round < rounds; round++) { // round -1 warms up and is not recorded
                boolean diskFirst = round % 2 == 0;
                for (int turn = 0; turn < 2; turn++) {
                    boolean isDisk = diskFirst == (turn == 0);
                    double[] rates = transfer(isDisk ? onDisk : onS3, source, mib);
                    if (round >= 0) {
                        (isDisk ? diskStor : s3Stor).add(rates[0]);
                        (isDisk ? diskRetr : s3Retr).add(rates[1]);
                    }
                }
            }
            System.out.printf("%d MiB of random bytes per transfer, %d interleaved rounds after 1 warm-up; MiB/s, "
                    + "median (min–max); Java %s%n%n", mib, rounds, Runtime.version());
            System.out.println("| root | STOR MiB/s | RETR MiB/s |");
            System.out.println("|---|---|---|");
            System.out.println("| local disk (default file system) | " + summary(diskStor) + " | " + summary(diskRetr) + " |");
            System.out.println("| S3 bucket (s3proxy, filesystem back end) | " + summary(s3Stor) + " | " + summary(s3Retr) + " |");
        }
    }

    private static FtpServer server(Path root) throws Exception {
        return FtpServer.builder().root(root).port(0).authenticator(S3RootTest.USERS)
                .dataTimeout(Duration.ofMinutes(5)).build().start();
    }

    /** One STOR then one RETR of the file; checks the sizes; returns both rates in MiB/s. */
    private static double[] transfer(FtpServer server, Path source, int mib) throws Exception {
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            ftp.login(S3RootTest.USER, S3RootTest.PASSWORD);
            long start = System.nanoTime();
            long stored = ftp.store(source, "bench.bin");
            double stor = mib / ((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            long read;
            try (InputStream in = ftp.retrieve("bench.bin")) {
                read = in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            double retr = mib / ((System.nanoTime() - start) / 1e9);
            long expected = (long) mib << 20;
            if (stored != expected || read != expected) {
                throw new IllegalStateException("sizes differ: stored " + stored + ", read " + read);
            }
            return new double[] {stor, retr};
        }
    }

    private static String summary(List<Double> rates) {
        List<Double> sorted = new ArrayList<>(rates);
        Collections.sort(sorted);
        return String.format("%.1f (%.1f–%.1f)", sorted.get(sorted.size() / 2), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }
}
