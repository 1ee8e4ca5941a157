package dev.ftpkit.examples.bench;

import java.util.function.ToDoubleFunction;

/** What a table shows of its samples, in which unit, and which way is better. */
enum Metric {
    /** Throughput. */
    MIB_PER_SECOND("MiB/s", true, sample -> sample.bytes() / Sample.MIB / sample.seconds()),
    /** Time of one operation. */
    MILLISECONDS("ms", false, sample -> sample.seconds() * 1000.0 / sample.operations()),
    /** Operations per second. */
    PER_SECOND("/s", true, sample -> sample.operations() / sample.seconds()),
    /** CPU time per GiB moved. */
    CPU_SECONDS_PER_GIB("CPU s/GiB", false, sample -> sample.cpuSeconds() > 0
            ? sample.cpuSeconds() / (sample.bytes() / Sample.GIB)
            // Zero clock ticks (a tiny transfer) is below the resolution of the reading, not free: unknown.
            : Double.NaN),
    /** Busy time of the whole machine per GiB moved. */
    MACHINE_CPU_SECONDS_PER_GIB("machine CPU s/GiB", false, sample -> sample.machineCpuSeconds() > 0
            ? sample.machineCpuSeconds() / (sample.bytes() / Sample.GIB)
            : Double.NaN);

    private final String unit;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<Sample> value;

    Metric(String unit, boolean higherIsBetter, ToDoubleFunction<Sample> value) {
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.value = value;
    }

    String unit() {
        return unit;
    }

    boolean higherIsBetter() {
        return higherIsBetter;
    }

    double of(Sample sample) {
        return value.applyAsDouble(sample);
    }
}
