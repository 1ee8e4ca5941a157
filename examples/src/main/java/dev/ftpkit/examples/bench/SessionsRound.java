package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One trial of the many-sessions benchmark (table 7b) against one server: every session on a thread of its own
 * connects from a loopback address of its own ({@link SourceAddresses}; {@link Benchmarks#CONNECTS_AT_ONCE}
 * connections being opened at a time, as in table 7), logs in and starts at once to download the small files and
 * upload files of its own, one after the other; then it keeps its
 * session open until every session has finished, so that all of them are open together when the server's memory is
 * read, and only then sends QUIT. Every wait is bounded.
 */
final class SessionsRound {

    private static final int THREAD_STACK_BYTES = 256 * 1024;
    private static final long ROUND_TIMEOUT_MINUTES = 5;

    /** What the sessions do: {@code files} downloads and as many uploads, each of {@code fileBytes}. */
    record Load(int sessions, int files, int fileBytes) {
    }

    /** What the round reads of the server under test. */
    interface ServerProbe {
        /** The server's CPU time so far (user + system, every process of it), nanoseconds. */
        long cpuNanos() throws Exception;

        /** The server's memory now, read while every session is open. */
        ServerMemory memory() throws IOException;
    }

    /**
     * The server's memory with every session open.
     *
     * @param process resident memory of its processes
     * @param heapUsedBytes used heap after a full GC (a JVM), or -1
     * @param heapCommittedBytes heap the JVM has taken from the OS, or -1
     */
    record ServerMemory(ProcessMemory process, long heapUsedBytes, long heapCommittedBytes) {
    }

    /**
     * One round's figures.
     *
     * @param seconds from the start until the last session finished its transfers
     * @param bytes bytes of every completed transfer, both ways
     * @param loginMillis connect until 230, one value per session that logged in
     * @param failedSessions sessions with any failure (connect, login, a transfer, a wrong size)
     * @param firstFailure the first failure, or null
     * @param mostTransferring the most sessions that were in their transfers at the same time
     * @param serverCpuSeconds the server's CPU time over the same span as {@code seconds}
     * @param memory the server's memory with every session open
     */
    record Outcome(double seconds, long bytes, double[] loginMillis, int failedSessions, String firstFailure,
            int mostTransferring, double serverCpuSeconds, ServerMemory memory) {
    }

    private final Endpoint endpoint;
    private final Load load;
    private final byte[] content;
    private final Path uploads;
    private final CountDownLatch go = new CountDownLatch(1);
    private final CountDownLatch finished;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Semaphore connecting = new Semaphore(Benchmarks.CONNECTS_AT_ONCE);
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger transferring = new AtomicInteger();
    private final AtomicInteger mostTransferring = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();
    private final AtomicLongArray loginNanos;
    private final AtomicIntegerArray failed;

    private SessionsRound(Endpoint endpoint, Load load, byte[] content, Path uploads) {
        this.endpoint = endpoint;
        this.load = load;
        this.content = content;
        this.uploads = uploads;
        this.finished = new CountDownLatch(load.sessions());
        this.loginNanos = new AtomicLongArray(load.sessions());
        this.failed = new AtomicIntegerArray(load.sessions());
    }

    /**
     * Runs one round.
     *
     * @param content what every upload sends (its length is the load's file size)
     * @param uploads the directory where the server puts {@code /upload}, to check the uploaded sizes
     */
    static Outcome run(Endpoint endpoint, Load load, byte[] content, Path uploads, ServerProbe probe)
            throws Exception {
        return new SessionsRound(endpoint, load, content, uploads).run(probe);
    }

    static String download(int file) {
        return "/data/sessions/f-" + file + ".bin";
    }

    private static String upload(int session, int file) {
        return "/upload/s-" + session + "-" + file + ".bin";
    }

    private Outcome run(ServerProbe probe) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < load.sessions(); i++) {
            int session = i;
            Thread thread = new Thread(null, () -> session(session), "bench-session-" + i, THREAD_STACK_BYTES);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        long cpu = probe.cpuNanos();
        long start = System.nanoTime();
        go.countDown();
        boolean allFinished = finished.await(ROUND_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        ServerMemory memory;
        double cpuSeconds;
        try {
            cpuSeconds = (probe.cpuNanos() - cpu) / 1e9;
            memory = probe.memory();
        } finally {
            release.countDown();
        }
        long joinDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(joinDeadline - System.nanoTime())));
        }
        if (!allFinished) {
            firstFailure.compareAndSet(null, "sessions still running after " + ROUND_TIMEOUT_MINUTES + " minutes");
        }
        checkUploads();
        List<Double> logins = new ArrayList<>();
        int failures = 0;
        for (int i = 0; i < load.sessions(); i++) {
            if (failed.get(i) != 0 || loginNanos.get(i) == 0) {
                failures++;
            }
            if (loginNanos.get(i) > 0) {
                logins.add(loginNanos.get(i) / 1e6);
            }
        }
        return new Outcome(seconds, bytes.get(), logins.stream().mapToDouble(Double::doubleValue).toArray(), failures,
                firstFailure.get(), mostTransferring.get(), cpuSeconds, memory);
    }

    private void session(int session) {
        boolean counted = false;
        try {
            // the last sessions wait for every earlier one to log in: bounded by the round, not by one login
            if (!go.await(60, TimeUnit.SECONDS) || !connecting.tryAcquire(ROUND_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new IOException("no turn to connect within " + ROUND_TIMEOUT_MINUTES + " minutes");
            }
            RawFtp connection;
            long start = System.nanoTime();
            try {
                connection = RawFtp.connect(endpoint, SourceAddresses.of(session));
            } finally {
                connecting.release();
            }
            try (RawFtp ftp = connection) {
                ftp.login(endpoint.user(), endpoint.password());
                loginNanos.set(session, Math.max(1, System.nanoTime() - start));
                transfers(ftp, session);
                finished.countDown();
                counted = true;
                if (!release.await(ROUND_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                    throw new IOException("not released within " + ROUND_TIMEOUT_MINUTES + " minutes");
                }
                ftp.quit();
            }
        } catch (Exception e) {
            failed.set(session, 1);
            firstFailure.compareAndSet(null, e.toString());
        } finally {
            if (!counted) {
                finished.countDown();
            }
        }
    }

    private void transfers(RawFtp ftp, int session) throws IOException {
        mostTransferring.accumulateAndGet(transferring.incrementAndGet(), Math::max);
        try {
            byte[] buffer = new byte[load.fileBytes()];
            for (int file = 0; file < load.files(); file++) {
                long received = ftp.retrieve(download(file), buffer);
                if (received != load.fileBytes()) {
                    throw new IOException(download(file) + ": " + received + " bytes, expected " + load.fileBytes());
                }
                bytes.addAndGet(received);
                ftp.store(upload(session, file), content, content.length);
                bytes.addAndGet(content.length);
            }
        } finally {
            transferring.decrementAndGet();
        }
    }

    /** An upload that the server acknowledged but did not store in full fails its session. */
    private void checkUploads() throws IOException {
        for (int session = 0; session < load.sessions(); session++) {
            for (int file = 0; file < load.files() && failed.get(session) == 0 && loginNanos.get(session) > 0; file++) {
                Path stored = uploads.resolve(upload(session, file).substring("/upload/".length()));
                if (!Files.exists(stored) || Files.size(stored) != load.fileBytes()) {
                    failed.set(session, 1);
                    firstFailure.compareAndSet(null, stored.getFileName() + " was not stored in full");
                }
            }
        }
    }
}
