package dev.ftpkit.server;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

/** Thread factories for session threads: platform threads, or virtual threads where the JVM has them. */
public final class SessionThreads {

    private SessionThreads() {
    }

    /**
     * Daemon platform threads named {@code prefix-N}; the server's default.
     *
     * @param prefix the name prefix
     * @return the factory
     */
    public static ThreadFactory platform(String prefix) {
        AtomicLong counter = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Virtual threads on Java 21 and later ({@code Thread.ofVirtual().name(prefix, 1).factory()}, looked up at
     * run time so this library still runs on Java 17), else {@link #platform(String)}.
     *
     * @param prefix the name prefix
     * @return the factory
     */
    public static ThreadFactory virtualIfAvailable(String prefix) {
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            MethodHandle ofVirtual = lookup.findStatic(Thread.class, "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual")));
            MethodHandle name = lookup.findVirtual(builderType, "name",
                    MethodType.methodType(builderType, String.class, long.class));
            MethodHandle factory = lookup.findVirtual(builderType, "factory", MethodType.methodType(ThreadFactory.class));
            Object builder = ofVirtual.invoke();
            builder = name.invoke(builder, prefix + "-", 1L);
            return (ThreadFactory) factory.invoke(builder);
        } catch (Throwable notAvailable) {
            return platform(prefix);
        }
    }

    /**
     * Whether {@link #virtualIfAvailable(String)} yields virtual threads on this JVM.
     *
     * @return true on Java 21 and later
     */
    public static boolean virtualThreadsAvailable() {
        try {
            Thread.class.getMethod("ofVirtual");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
