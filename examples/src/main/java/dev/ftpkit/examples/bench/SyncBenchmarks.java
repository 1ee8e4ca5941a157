package dev.ftpkit.examples.bench;

import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.sync.Mirror;
import dev.ftpkit.client.sync.MirrorResult;
import dev.ftpkit.client.FtpEndpoint;
import dev.ftpkit.client.sync.SegmentedDownload;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code bench --only sync} (issue #14): a segmented download with 4 and 1 connections and lftp's
 * {@code pget -n 4} against a vsftpd that limits each session's rate ({@code anon_max_rate}); and a mirror of many
 * small files with {@code --parallel 4} against {@code lftp mirror -P 4} from an unlimited vsftpd. Unrecorded
 * warm-up rounds, then interleaved rounds, median with minimum and maximum; every result is checked (size, file
 * count). Prints a Markdown section.
 */
final class SyncBenchmarks {

    /** The group's name for {@code --only}. */
    static final String GROUP = "sync";

    private static final int RATE_BYTES_PER_SECOND = 2 * 1024 * 1024;
    private static final String PGET = "lftp pget -n 4";
    private static final String LFTP_MIRROR = "lftp mirror -P 4";

    private final BenchSettings settings;
    private final Path vsftpd;
    private final Path lftp;
    private final java.util.Optional<Path> python;
    private final PrintStream progress;

    SyncBenchmarks(BenchSettings settings, Path vsftpd, Path lftp, java.util.Optional<Path> python,
                   PrintStream progress) {
        this.settings = settings;
        this.vsftpd = vsftpd;
        this.lftp = lftp;
        this.python = python;
        this.progress = progress;
    }

    /** An operation measured in one round. */
    private interface Contender {
        void run(Path target) throws Exception;
    }

    /** Runs both benchmarks in a directory under {@code parent} (removed afterwards); returns the section. */
    String run(Path parent) throws Exception {
        Path work = Files.createTempDirectory(parent, "ftpkit-bench-sync");
        try {
            return segmented(work) + mirror(work);
        } finally {
            deleteTree(work);
        }
    }

    private String segmented(Path work) throws Exception {
        long size = (settings.quick() ? 4 : 16) * BenchSettings.MIB;
        Path root = Files.createDirectories(work.resolve("limited-root"));
        writeRandom(root.resolve("big.bin"), size);
        VsftpdServer server = new VsftpdServer(vsftpd, python)
                .withOption("anon_max_rate", Integer.toString(RATE_BYTES_PER_SECOND));
        try (BenchServer.Running running = server.start(root, Files.createDirectories(work.resolve("limited")))) {
            FtpEndpoint endpoint = endpoint(running.port());
            Map<String, Contender> contenders = new LinkedHashMap<>();
            contenders.put("ftpkit --segments 4", target -> check(SegmentedDownload.builder(endpoint, "big.bin",
                    target).segments(4).build().run().size(), target, size));
            contenders.put("ftpkit --segments 1", target -> check(SegmentedDownload.builder(endpoint, "big.bin",
                    target).segments(1).build().run().size(), target, size));
            contenders.put(PGET, target -> {
                lftp(running.port(), "pget -n 4 big.bin -o " + quoted(target));
                check(size, target, size);
            });
            Map<String, List<Double>> seconds = rounds(contenders, work, "download");
            return "## Segmented download (issue #14)\n\n" + BenchSettings.size(size)
                    + " from vsftpd with `anon_max_rate=" + RATE_BYTES_PER_SECOND + "` ("
                    + RATE_BYTES_PER_SECOND / (1024 * 1024) + " MiB/s per session), " + settings.rounds()
                    + " interleaved rounds; MiB/s, median (min–max).\n\n"
                    + table(seconds, size / (double) BenchSettings.MIB, "MiB/s")
                    + ratio(seconds, "ftpkit --segments 1", "ftpkit --segments 4", "goal ≥ 2.5")
                    + ratio(seconds, PGET, "ftpkit --segments 4", "goal ≥ 1.0") + "\n";
        }
    }

    private String mirror(Path work) throws Exception {
        int files = settings.quick() ? 200 : 2_000;
        Path root = Files.createDirectories(work.resolve("plain-root"));
        Path tree = Files.createDirectories(root.resolve("tree"));
        Random random = new Random(14);
        for (int i = 0; i < files; i++) {
            Path dir = Files.createDirectories(tree.resolve("d" + i % 40));
            byte[] bytes = new byte[512 + random.nextInt(2048)];
            random.nextBytes(bytes);
            Files.write(dir.resolve("f" + i + ".bin"), bytes);
        }
        VsftpdServer server = new VsftpdServer(vsftpd, python);
        try (BenchServer.Running running = server.start(root, Files.createDirectories(work.resolve("plain")))) {
            FtpEndpoint endpoint = endpoint(running.port());
            Map<String, Contender> contenders = new LinkedHashMap<>();
            contenders.put("ftpkit mirror --parallel 4", target -> {
                MirrorResult result = Mirror.download(endpoint, "/tree", target).parallelism(4).build().run();
                if (!result.isComplete()) {
                    throw new IOException("mirror failed: " + result.failures());
                }
                countFiles(target, files);
            });
            contenders.put(LFTP_MIRROR, target -> {
                lftp(running.port(), "mirror -P 4 /tree " + quoted(target));
                countFiles(target, files);
            });
            Map<String, List<Double>> seconds = rounds(contenders, work, "mirror");
            return "## Mirror of many small files (issue #14)\n\n" + files + " files of 0.5–2.5 KiB in 40 directories"
                    + " from vsftpd (LIST; ftpkit asks MDTM after each file to set its time), into an empty"
                    + " directory each round; "
                    + settings.rounds() + " interleaved rounds; files/s, median (min–max). lftp runs as a process,"
                    + " ftpkit in this JVM.\n\n"
                    + table(seconds, files, "files/s")
                    + ratio(seconds, LFTP_MIRROR, "ftpkit mirror --parallel 4", "goal ≥ 1.0") + "\n";
        }
    }

    private FtpEndpoint endpoint(int port) {
        return FtpEndpoint.anonymous(FtpClientConfig.defaults(), "127.0.0.1", port);
    }

    /** Interleaved rounds (A B C, B C A, ...), each into a fresh target; seconds per contender. */
    private Map<String, List<Double>> rounds(Map<String, Contender> contenders, Path work, String label)
            throws Exception {
        List<String> names = new ArrayList<>(contenders.keySet());
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        names.forEach(name -> seconds.put(name, new ArrayList<>()));
        for (int warmup = 0; warmup < settings.warmups(); warmup++) {
            for (String name : names) {
                Path target = work.resolve(label + "-warmup-" + warmup);
                contenders.get(name).run(target);
                deleteTree(target);
            }
        }
        for (int round = 0; round < settings.rounds(); round++) {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get((round + i) % names.size());
                Path target = work.resolve(label + "-" + round + "-" + i);
                long start = System.nanoTime();
                contenders.get(name).run(target);
                seconds.get(name).add((System.nanoTime() - start) / 1e9);
                deleteTree(target);
            }
            progress.println("  sync " + label + " round " + (round + 1) + "/" + settings.rounds());
        }
        return seconds;
    }

    private static String table(Map<String, List<Double>> seconds, double units, String unit) {
        StringBuilder out = new StringBuilder("| contender | " + unit + " | seconds |\n|---|---|---|\n");
        seconds.forEach((name, times) -> {
            List<Double> sorted = times.stream().sorted().toList();
            out.append(String.format(Locale.ROOT, "| %s | %.1f (%.1f–%.1f) | %.2f |%n", name,
                    units / median(sorted), units / sorted.get(sorted.size() - 1), units / sorted.get(0),
                    median(sorted)));
        });
        return out.append('\n').toString();
    }

    /** The median over rounds of (time of {@code slower} / time of {@code faster}). */
    private static String ratio(Map<String, List<Double>> seconds, String slower, String faster, String goal) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < seconds.get(slower).size(); i++) {
            ratios.add(seconds.get(slower).get(i) / seconds.get(faster).get(i));
        }
        ratios.sort(Double::compare);
        return String.format(Locale.ROOT, "- %s vs %s: %.2f× (%.2f–%.2f), %s%n", faster, slower, median(ratios),
                ratios.get(0), ratios.get(ratios.size() - 1), goal);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private void lftp(int port, String command) throws Exception {
        Process process = new ProcessBuilder(lftp.toString(), "-c", "set ftp:ssl-allow no; set net:max-retries 1;"
                + " open -u anonymous,anonymous@ -p " + port + " 127.0.0.1; " + command)
                .redirectErrorStream(true)
                .start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("lftp " + command + " failed: " + new String(output));
        }
    }

    private static String quoted(Path path) {
        return "\"" + path.toAbsolutePath() + "\"";
    }

    private static void check(long reported, Path target, long size) throws IOException {
        if (reported != size || Files.size(target) != size) {
            throw new IOException(target + ": " + Files.size(target) + " bytes, expected " + size);
        }
    }

    private static void countFiles(Path target, int expected) throws IOException {
        try (Stream<Path> walk = Files.walk(target)) {
            long count = walk.filter(Files::isRegularFile).count();
            if (count != expected) {
                throw new IOException(target + ": " + count + " files, expected " + expected);
            }
        }
    }

    private static void writeRandom(Path file, long size) throws IOException {
        byte[] buffer = new byte[1024 * 1024];
        new Random(4).nextBytes(buffer);
        try (var out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += buffer.length) {
                out.write(buffer, 0, (int) Math.min(buffer.length, size - written));
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
