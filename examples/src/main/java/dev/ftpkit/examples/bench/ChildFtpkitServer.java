package dev.ftpkit.examples.bench;

import dev.ftpkit.server.FtpServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ftpkit's server ({@link FtpkitServer#configured}) in a child JVM of its own, on the JVM's defaults as
 * {@code ftpkit serve} runs: its resident memory is then its own, comparable with vsftpd's processes, and the
 * clients in this JVM do not share its heap or CPU. {@code FTPKIT_BENCH_CHILD_OPTS} in the environment adds JVM
 * options to the child (space-separated; e.g. a flight recording, or another garbage collector to compare). The
 * child prints {@code port N}, answers {@code heap} with {@code heap USED COMMITTED} (bytes, used after a full GC),
 * and stops when its standard input closes.
 */
final class ChildFtpkitServer implements AutoCloseable {

    private final Process process;
    private final BufferedReader replies;
    private final OutputStream commands;
    private final int port;

    private ChildFtpkitServer(Process process, BufferedReader replies, int port) {
        this.process = process;
        this.replies = replies;
        this.commands = process.getOutputStream();
        this.port = port;
    }

    /** Starts the child over {@code root} and waits (up to the JVM's start) for its port. */
    static ChildFtpkitServer start(Path root) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = new ArrayList<>(List.of(java));
        String opts = System.getenv("FTPKIT_BENCH_CHILD_OPTS");
        if (opts != null && !opts.isBlank()) {
            argv.addAll(List.of(opts.trim().split("\\s+")));
        }
        argv.addAll(List.of("-cp", System.getProperty("java.class.path"),
                ChildFtpkitServer.class.getName(), root.toString()));
        Process process = new ProcessBuilder(argv)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader replies = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII));
            String line = replies.readLine();
            if (line == null || !line.startsWith("port ")) {
                throw new IOException("the ftpkit server process did not start: " + line);
            }
            return new ChildFtpkitServer(process, replies, Integer.parseInt(line.substring(5)));
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** The child's used heap after a full GC (median of three), bytes, and its committed heap. */
    long[] heapAfterGc() throws IOException {
        commands.write("heap\n".getBytes(StandardCharsets.US_ASCII));
        commands.flush();
        String line = replies.readLine();
        if (line == null || !line.startsWith("heap ")) {
            throw new IOException("the ftpkit server process did not report its heap: " + line);
        }
        String[] words = line.split(" ");
        return new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])};
    }

    @Override
    public void close() throws IOException {
        commands.close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The child: serves {@code args[0]} until standard input closes.
     *
     * @param args the root directory
     */
    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.US_ASCII);
        try (FtpServer server = FtpkitServer.configured(Path.of(args[0])).build().start()) {
            out.println("port " + server.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("heap")) {
                    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
                    out.println("heap " + (long) IdleMemory.usedHeapAfterGc(memory) + " "
                            + memory.getHeapMemoryUsage().getCommitted());
                }
            }
        }
    }
}
