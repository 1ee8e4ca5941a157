package dev.ftpkit.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * (8) Memory of idle logged-in sessions of an in-process server: the clients run in a child JVM
 * ({@link IdleClients}) so this JVM's heap holds only the server's side; heap after a full GC, before and after the
 * sessions are open, divided by their count. The resident set size of this JVM (thread stacks included) is shown
 * beside it.
 */
final class IdleMemory {

    static final String DESCRIPTION = "The clients (one logged-in control connection each, then idle) run in a child "
            + "JVM, so this JVM's heap holds only the in-process server's side of them: used heap after System.gc(), "
            + "with the sessions open minus before, divided by the number of sessions (median of three GCs each). "
            + "Thread stacks of platform threads are outside the heap and not counted. vsftpd (two processes per "
            + "session) is not part of this comparison.";

    /**
     * One server's figures.
     *
     * @param server the server's name
     * @param sessions sessions that were opened
     * @param refused sessions the server refused or dropped
     * @param perSessionBytes heap per session
     */
    record Row(String server, int sessions, int refused, Stats perSessionBytes) {
        String formatKib() {
            return Stats.number(perSessionBytes.median() / 1024.0);
        }
    }

    private IdleMemory() {
    }

    /** Looks at the heap again, beside the used-heap figure: before the sessions open and while they are open. */
    interface Observer {
        /** Does nothing. */
        Observer NONE = new Observer() {
            @Override
            public void before() {
            }

            @Override
            public void whileOpen() {
            }
        };

        void before() throws Exception;

        void whileOpen() throws Exception;
    }

    static Row measure(BenchServer.Running running, String server, Endpoint endpoint, int sessions) throws Exception {
        return measure(running, server, endpoint, sessions, List.of(), "-Xmx512m", Observer.NONE);
    }

    /**
     * @param clientOptions what {@link IdleClients} takes after the session count (TLS)
     * @param clientHeap the child JVM's {@code -Xmx} option
     */
    static Row measure(BenchServer.Running running, String server, Endpoint endpoint, int sessions,
            List<String> clientOptions, String clientHeap, Observer observer) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // Sessions of an earlier benchmark (or server) still winding down would count against this one.
        awaitSessions(running, 0);
        double before = usedHeapAfterGc(memory);
        observer.before();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, clientHeap, "-cp", System.getProperty("java.class.path"),
                IdleClients.class.getName(), endpoint.host(), Integer.toString(endpoint.port()), endpoint.user(),
                endpoint.password(), Integer.toString(sessions)));
        command.addAll(clientOptions);
        Process clients = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(clients.getInputStream(),
                StandardCharsets.US_ASCII))) {
            // The child prints "open N refused M" once every session is logged in (or refused), then waits for stdin.
            String line = reader.readLine();
            if (line == null || !line.startsWith("open ")) {
                throw new IOException("idle clients did not report: " + line);
            }
            String[] words = line.split(" ");
            int open = Integer.parseInt(words[1]);
            int refused = Integer.parseInt(words[3]);
            double after = usedHeapAfterGc(memory);
            observer.whileOpen();
            clients.getOutputStream().close();
            if (!clients.waitFor(60, TimeUnit.SECONDS)) {
                clients.destroyForcibly();
            }
            awaitSessions(running, 0);
            int counted = Math.max(open, 1);
            return new Row(server, sessions, refused, Stats.of((after - before) / counted));
        } finally {
            clients.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Waits (up to 60 s, checking every 50 ms) until the server holds {@code count} sessions, where it can tell. */
    private static void awaitSessions(BenchServer.Running running, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        Object pacer = new Object();
        while (running.openSessions() > count && System.nanoTime() < deadline) {
            synchronized (pacer) {
                pacer.wait(50);
            }
        }
    }

    /** Used heap after {@code System.gc()}, the median of three. */
    static double usedHeapAfterGc(MemoryMXBean memory) {
        List<Double> used = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            System.gc();
            used.add((double) memory.getHeapMemoryUsage().getUsed());
        }
        return Stats.of(used).median();
    }
}
