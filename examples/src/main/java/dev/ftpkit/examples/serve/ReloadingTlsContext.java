package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.CommandFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * The server's TLS context for {@code serve}, reloaded when its files change on disk (a renewed certificate), for
 * {@code TlsSettings.builder(Supplier)}. No thread watches: each new TLS session asks for the context, and at most
 * once per {@link #CHECK_INTERVAL} that looks at the files' modification time and size. A file that cannot be
 * loaded (half written, wrong password) leaves the previous context in use and is logged (System.Logger) once per
 * change.
 */
final class ReloadingTlsContext implements Supplier<SSLContext> {

    /** How often at most the files are looked at. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(2);

    /** Loads the context from the files. */
    interface Loader {
        SSLContext load() throws CommandFailure;
    }

    private record Stamp(FileTime modified, long size) {
        static Stamp of(Path file) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(attributes.lastModifiedTime(), attributes.size());
            } catch (IOException e) {
                return new Stamp(FileTime.fromMillis(0), -1);
            }
        }
    }

    private final List<Path> files;
    private final Loader loader;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private SSLContext current;
    private List<Stamp> stamps;
    private long nextCheck;

    private static final System.Logger LOG = System.getLogger(ReloadingTlsContext.class.getName());

    private ReloadingTlsContext(List<Path> files, Loader loader, Duration interval, LongSupplier nanoTime)
            throws CommandFailure {
        this.files = List.copyOf(files);
        this.loader = loader;
        this.nanoTime = nanoTime;
        this.intervalNanos = interval.toNanos();
        this.stamps = stamps();
        this.current = loader.load();
        this.nextCheck = nanoTime.getAsLong() + intervalNanos;
    }

    /**
     * Loads the context now (a failure stops {@code serve} from starting) and reloads it when {@code files} change.
     *
     * @param files  the files the context comes from
     * @param loader reads them
     * @return the reloading context
     * @throws CommandFailure if the first load fails
     */
    static ReloadingTlsContext watching(List<Path> files, Loader loader) throws CommandFailure {
        return new ReloadingTlsContext(files, loader, CHECK_INTERVAL, System::nanoTime);
    }

    /** As {@link #watching(List, Loader)}, checking at most every {@code interval} of {@code nanoTime} (tests). */
    static ReloadingTlsContext watching(List<Path> files, Loader loader, Duration interval, LongSupplier nanoTime)
            throws CommandFailure {
        return new ReloadingTlsContext(files, loader, interval, nanoTime);
    }

    @Override
    public synchronized SSLContext get() {
        long now = nanoTime.getAsLong();
        if (now - nextCheck >= 0) {
            nextCheck = now + intervalNanos;
            List<Stamp> seen = stamps();
            if (!seen.equals(stamps)) {
                stamps = seen;
                try {
                    current = Objects.requireNonNull(loader.load());
                    LOG.log(System.Logger.Level.INFO, "TLS: reloaded " + files);
                } catch (CommandFailure | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "TLS: keeping the previous certificate: " + e.getMessage());
                }
            }
        }
        return current;
    }

    private List<Stamp> stamps() {
        return files.stream().map(Stamp::of).toList();
    }
}
