package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/** Logins per second: {@code clients} threads each log in over and over until the window closes. */
final class LoginRate {

    /** One whole login session: connect, log in, quit, close. */
    interface Login {
        void once() throws IOException;
    }

    private LoginRate() {
    }

    /** Runs {@code clients} login loops on {@code pool} for {@code window}; one sample of logins done. */
    static Sample measure(int clients, ExecutorService pool, Duration window, Login login) throws Exception {
        return measure(clients, pool, window, client -> login);
    }

    /**
     * The same, where client {@code i} logs in with {@code logins.apply(i)} (from an address of its own, say).
     */
    static Sample measure(int clients, ExecutorService pool, Duration window, IntFunction<Login> logins)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + window.toNanos();
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Login login = logins.apply(i);
            futures.add(pool.submit(() -> {
                // Bounded by the deadline and by a count, whichever comes first; every client tries once even when
                // a busy machine let the window pass before it started (a quick run must measure something).
                for (int n = 0; n < 1_000_000 && (n == 0 || System.nanoTime() < deadline); n++) {
                    try {
                        login.once();
                        done.incrementAndGet();
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, e.toString());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get(10, TimeUnit.MINUTES);
        }
        long nanos = System.nanoTime() - start;
        if (done.get() == 0) {
            throw new IOException("no login succeeded (" + failed.get() + " failed)");
        }
        return Sample.operations(nanos, done.get(), failed.get(), firstFailure.get());
    }
}
