package dev.ftpkit.testsupport;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor for a test's background work ({@code CompletableFuture.runAsync(task, Background.THREADS)}): a new
 * daemon thread per task. Not the default of {@code CompletableFuture}'s async methods: since Java 25 they run on
 * {@code ForkJoinPool.commonPool()} even on a 2-core machine, where it has one thread, so a single task that blocks
 * (a write to a peer that stopped reading, a server thread that never returns) holds back every later task of every
 * test in the same JVM until their timeouts. (Java 17 gives each task a thread of its own there.)
 */
public final class Background {

    /** Starts each task on a new daemon thread. */
    public static final Executor THREADS = Background::start;

    private static final AtomicInteger STARTED = new AtomicInteger();

    private Background() {
    }

    private static void start(Runnable task) {
        Thread thread = new Thread(task, "test-background-" + STARTED.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }
}
