package dev.ftpkit.examples.bench;

/**
 * One repetition of one trial.
 *
 * @param seconds wall-clock time
 * @param bytes bytes transferred (0 where nothing is)
 * @param operations operations done (logins, listings; 1 for a transfer)
 * @param cpuSeconds CPU time of the side under test, or NaN where not measured
 * @param machineCpuSeconds busy time of the whole machine meanwhile, or NaN where not measured
 * @param failures operations that failed within the repetition (the concurrency benchmark)
 * @param firstFailure the first of those failures, or null
 */
record Sample(double seconds, long bytes, long operations, double cpuSeconds, double machineCpuSeconds, long failures,
        String firstFailure) {

    static final double MIB = 1024.0 * 1024.0;
    static final double GIB = 1024.0 * MIB;

    static Sample transfer(long nanos, long bytes, long cpuNanos, long machineNanos) {
        return new Sample(nanos / 1e9, bytes, 1, cpuNanos / 1e9, machineNanos / 1e9, 0, null);
    }

    static Sample operations(long nanos, long operations, long failures, String firstFailure) {
        return new Sample(nanos / 1e9, 0, operations, Double.NaN, Double.NaN, failures, firstFailure);
    }
}
