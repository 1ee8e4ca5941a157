package dev.ftpkit.examples.bench;

import java.time.Duration;

/**
 * The sizes and counts of one run.
 *
 * @param quick whether this is the quick run ({@code --quick}: small sizes, the harness's smoke run)
 * @param fileBytes size of the file of the throughput benchmarks
 * @param warmups unrecorded rounds before the measured ones
 * @param rounds measured rounds (repetitions) of each trial
 * @param listEntries entries in the directory that is listed
 * @param listRepeats listings per sample (one session), to time more than one
 * @param loginWindow how long one login sample runs
 * @param parallelLogins clients logging in at once in the parallel login benchmark
 * @param concurrentClients clients transferring at once in the concurrency benchmark
 * @param concurrentFileBytes the file each of them transfers
 * @param concurrentRounds measured rounds of the concurrency benchmark
 * @param idleSessions idle logged-in sessions whose memory is measured (0: not measured)
 */
record BenchSettings(boolean quick, long fileBytes, int warmups, int rounds, int listEntries, int listRepeats,
        Duration loginWindow, int parallelLogins, int concurrentClients, long concurrentFileBytes, int concurrentRounds,
        int idleSessions) {

    static final long MIB = 1024L * 1024L;

    /**
     * The full run: 1 GiB transfers, 10,000 listed entries, 300 clients at once; 7 rounds of everything, the
     * fewest that issue 21 accepts a median from.
     */
    static BenchSettings fullRun() {
        return new BenchSettings(false, 1024 * MIB, 1, 7, 10_000, 3, Duration.ofMillis(1000), 50, 300, 10 * MIB, 7,
                10_000);
    }

    /** The quick run: the same benchmarks on small sizes, in well under a minute. */
    static BenchSettings quickRun() {
        return new BenchSettings(true, 4 * MIB, 0, 5, 500, 1, Duration.ofMillis(50), 5, 5, MIB, 5, 50);
    }

    BenchSettings withFileBytes(long bytes) {
        return new BenchSettings(quick, bytes, warmups, rounds, listEntries, listRepeats, loginWindow, parallelLogins,
                concurrentClients, concurrentFileBytes, concurrentRounds, idleSessions);
    }

    BenchSettings withListEntries(int entries) {
        return new BenchSettings(quick, fileBytes, warmups, rounds, entries, listRepeats, loginWindow, parallelLogins,
                concurrentClients, concurrentFileBytes, concurrentRounds, idleSessions);
    }

    BenchSettings withRounds(int count) {
        return new BenchSettings(quick, fileBytes, warmups, count, listEntries, listRepeats, loginWindow, parallelLogins,
                concurrentClients, concurrentFileBytes, Math.min(concurrentRounds, count), idleSessions);
    }

    /** {@code 1 GiB}, {@code 8 MiB}. */
    static String size(long bytes) {
        if (bytes % (1024 * MIB) == 0) {
            return bytes / (1024 * MIB) + " GiB";
        }
        if (bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        return bytes + " bytes";
    }
}
