package dev.ftpkit.examples.bench;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.server.InMemoryUsers;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.RateLimit;
import dev.ftpkit.server.RateLimits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

/**
 * Measures what a rate limit achieves on loopback: a server limited to RATE bytes per second, one upload and one
 * download of {@code SECONDS * RATE} bytes with the ftpkit client, three times after a warm-up round, and once
 * without a limit for comparison.
 * Prints the achieved rates and their error against the limit (issue 19 asks for 10 % over 2 s). A measurement,
 * not a test: the figure depends on the machine's load.
 *
 * <pre>{@code java -cp examples/target/ftpkit.jar dev.ftpkit.examples.bench.RateLimitBenchmark [RATE] [SECONDS]}</pre>
 */
public final class RateLimitBenchmark {

    private static final int ROUNDS = 3;

    private RateLimitBenchmark() {
    }

    /**
     * Runs the measurement.
     *
     * @param args the rate in bytes per second (default 5,000,000) and the seconds per transfer (default 2)
     * @throws Exception if a transfer fails
     */
    public static void main(String[] args) throws Exception {
        long rate = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        byte[] data = new byte[Math.toIntExact(rate * seconds)];
        new Random(19).nextBytes(data);
        Path root = Files.createTempDirectory("ftpkit-rate");
        try {
            System.out.printf(Locale.ROOT, "limit %,d B/s, %,d bytes per transfer%n", rate, data.length);
            // the first round warms the JIT up (a cold server loses a few hundred ms on its first transfers)
            for (int round = 0; round <= ROUNDS; round++) {
                measure(round == 0 ? "warm-up" : "limited", root, data, RateLimit.of(rate), rate);
            }
            measure("unlimited", root, data, RateLimit.UNLIMITED, rate);
        } finally {
            Files.deleteIfExists(root.resolve("file.bin"));
            Files.deleteIfExists(root);
        }
    }

    private static void measure(String label, Path root, byte[] data, RateLimit limit, long rate) throws IOException {
        try (FtpServer server = FtpServer.builder().root(root).port(0)
                .authenticator(InMemoryUsers.builder().user("bench", "bench",
                        Account.atRoot("bench", Permission.readWrite())).build())
                .rateLimits(RateLimits.builder().everyone(limit).build()).build().start();
             FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            ftp.login("bench", "bench");
            long start = System.nanoTime();
            ftp.store(new ByteArrayInputStream(data), "file.bin");
            report(label + " upload", data.length, System.nanoTime() - start, limit.limitsUploads() ? rate : 0);
            start = System.nanoTime();
            long got = ftp.retrieve("file.bin", OutputStream.nullOutputStream());
            report(label + " download", got, System.nanoTime() - start, limit.limitsDownloads() ? rate : 0);
        }
    }

    private static void report(String what, long bytes, long nanos, long limit) {
        double achieved = bytes * 1e9 / nanos;
        String error = limit > 0 ? String.format(Locale.ROOT, ", %+.1f %% against the limit",
                (achieved - limit) * 100.0 / limit) : "";
        System.out.printf(Locale.ROOT, "%-20s %,14.0f B/s in %.3f s%s%n", what, achieved, nanos / 1e9, error);
    }
}
