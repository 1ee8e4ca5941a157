package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Memory of a process, or of the processes of one program in a process tree, from Linux's
 * {@code /proc/PID/smaps_rollup} (proc(5)). RSS counts every page a process maps, so summing it over processes that
 * share pages (vsftpd's two processes per session share its code and libraries) counts those pages once per process;
 * PSS divides each shared page among its sharers, so a sum of PSS is what the processes cost the machine together.
 *
 * @param rssBytes resident set size, summed
 * @param pssBytes proportional set size, summed
 * @param processes how many processes were summed
 */
record ProcessMemory(long rssBytes, long pssBytes, int processes) {

    /** What could not be read (no such process, or no {@code /proc}). */
    static final ProcessMemory NONE = new ProcessMemory(-1, -1, 0);

    /** One process. */
    static ProcessMemory of(long pid) throws IOException {
        long[] fields = rollup(pid);
        return new ProcessMemory(fields[0], fields[1], 1);
    }

    /**
     * The processes of {@code root}'s tree, {@code root} included, whose command name ({@code /proc/PID/comm}) is
     * {@code command}: vsftpd's listener and session processes without the wrapper that started it.
     */
    static ProcessMemory ofTree(long root, String command) throws IOException {
        List<ProcessHandle> tree = new ArrayList<>();
        ProcessHandle.of(root).ifPresent(tree::add);
        ProcessHandle.of(root).map(ProcessHandle::descendants).orElseGet(Stream::empty).forEach(tree::add);
        long rss = 0;
        long pss = 0;
        int processes = 0;
        for (ProcessHandle process : tree) {
            try {
                if (!Files.readString(Path.of("/proc", Long.toString(process.pid()), "comm")).strip().equals(command)) {
                    continue;
                }
                long[] fields = rollup(process.pid());
                rss += fields[0];
                pss += fields[1];
                processes++;
            } catch (IOException gone) {
                // exited while the tree was read: it holds no memory any more
            }
        }
        return new ProcessMemory(rss, pss, processes);
    }

    /** {@code Rss} and {@code Pss} in bytes (the file gives kB). */
    private static long[] rollup(long pid) throws IOException {
        long[] fields = {-1, -1};
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 2 && (words[0].equals("Rss:") || words[0].equals("Pss:"))) {
                fields[words[0].equals("Rss:") ? 0 : 1] = Long.parseLong(words[1]) * 1024;
            }
        }
        if (fields[0] < 0 || fields[1] < 0) {
            throw new IOException("/proc/" + pid + "/smaps_rollup has no Rss or Pss line");
        }
        return fields;
    }
}
