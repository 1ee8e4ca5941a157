package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * CPU time of process {@code root} and every process below it, alive or exited, nanoseconds. Each process counts
     * its own time and that of the children it has already reaped; children not yet reaped (running, or zombies) are
     * in the tree and count their own. So nothing is counted twice and nothing is lost while a parent is slow to
     * reap (vsftpd's listener reaps its sessions only when the next connection arrives). A reap between two
     * readings would move time from a child to its parent unseen: the reading is repeated when the root's reaped
     * time changed meanwhile.
     */
    static long processTreeNanos(long root) throws IOException {
        for (int attempt = 0; attempt < 10; attempt++) {
            long[] before = statOrZero(root);
            long total = 0;
            for (long pid : tree(root)) {
                long[] fields = statOrZero(pid);
                total += fields[0] + fields[1] + fields[2] + fields[3];
            }
            long[] after = statOrZero(root);
            if (before[2] == after[2] && before[3] == after[3]) {
                return total * TICK_NANOS;
            }
        }
        throw new IOException("the process tree of " + root + " kept changing while it was read");
    }

    /** {@code root} and its descendants, zombies included (ProcessHandle.descendants() leaves zombies out). */
    private static List<Long> tree(long root) throws IOException {
        Map<Long, List<Long>> children = new HashMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                try {
                    String text = Files.readString(entry.resolve("stat"));
                    String[] rest = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
                    children.computeIfAbsent(Long.parseLong(rest[1]), parent -> new ArrayList<>()).add(pid);
                } catch (IOException | IndexOutOfBoundsException gone) {
                    // exited while the directory was read (ENOENT, or ESRCH while its stat was being read)
                }
            }
        }
        List<Long> tree = new ArrayList<>();
        ArrayDeque<Long> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty() && tree.size() < 1_000_000) {
            long pid = pending.poll();
            tree.add(pid);
            pending.addAll(children.getOrDefault(pid, List.of()));
        }
        return tree;
    }

    private static long[] statOrZero(long pid) {
        try {
            return stat(Long.toString(pid));
        } catch (IOException | RuntimeException gone) {
            // exited meanwhile (ENOENT or ESRCH): its time is in its parent's once reaped
            return new long[4];
        }
    }

    /**
     * Busy time of the whole machine (all CPUs: user, nice, system, irq, softirq, steal from {@code /proc/stat}),
     * nanoseconds. It also counts the kernel's network work on loopback, which per-process figures attribute to
     * whichever process happens to be running, and every other process on the machine.
     */
    static long machineNanos() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
            if (line.startsWith("cpu ")) {
                String[] fields = line.trim().split(" +");
                long busy = 0;
                for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                    busy += Long.parseLong(fields[i]);
                }
                return busy * TICK_NANOS;
            }
        }
        throw new IOException("no cpu line in /proc/stat");
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
