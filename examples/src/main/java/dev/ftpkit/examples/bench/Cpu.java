package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * CPU time from Linux's {@code /proc/PID/stat} (proc(5)): user and system time of a process, and the time of
 * its children that it has already waited for. Clock ticks are {@link #TICK_NANOS} long.
 */
final class Cpu {

    /** One clock tick ({@code sysconf(_SC_CLK_TCK)} is 100 on Linux for every architecture that matters here). */
    static final long TICK_NANOS = 10_000_000L;

    private Cpu() {
    }

    /** User + system time of this JVM, nanoseconds. */
    static long selfNanos() throws IOException {
        long[] fields = stat("self");
        return (fields[0] + fields[1]) * TICK_NANOS;
    }

    /** User + system time of this JVM's children that have exited and been waited for (curl runs), nanoseconds. */
    static long reapedChildrenNanos() throws IOException {
        long[] fields = stat("self");
        return (fields[2] + fields[3]) * TICK_NANOS;
    }

    /** User + system time of process {@code pid} and of its children it has waited for, nanoseconds; 0 when gone. */
    static long processTreeNanos(long pid) throws IOException {
        try {
            long[] fields = stat(Long.toString(pid));
            return (fields[0] + fields[1] + fields[2] + fields[3]) * TICK_NANOS;
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }

    /** Whether CPU times can be read here. */
    static boolean available() {
        return Files.isReadable(Path.of("/proc/self/stat"));
    }

    /** utime, stime, cutime, cstime (fields 14 to 17 of proc(5)). */
    private static long[] stat(String pid) throws IOException {
        String text = Files.readString(Path.of("/proc", pid, "stat"));
        // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
        String[] rest = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
        // rest[0] is field 3 (state), so field N is rest[N - 3].
        return new long[] {Long.parseLong(rest[11]), Long.parseLong(rest[12]), Long.parseLong(rest[13]),
                Long.parseLong(rest[14])};
    }
}
