package dev.ftpkit.server.internal.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which way a server sends binary downloads over plain TCP, per file store: {@code sendfile}
 * ({@code FileChannel.transferTo}) or a copy through one direct buffer. Neither wins everywhere: from an ext4 file
 * in the page cache sendfile is faster, from tmpfs it ran at 0.59× a heap copy on the same kernel (issue 21). So the
 * choice is measured, once per store, lazily on the first download from it that is big enough to measure
 * (96 MiB): that download alternates slices of both ways (see {@link ChannelSend}) and the faster
 * one is kept for every later download from the store. No calibration at start-up: the root may be read-only (no
 * test file can be written), may hold no big file, and a virtual host or an account's home may live on another
 * store; and only a real client's download measures the path the server actually serves. A probe whose two ways
 * came out within {@link #MARGIN} of each other (a slow client or network is the limit, or the file came from disk)
 * decides nothing, and the next big download from that store probes again. Until a store is decided, downloads from
 * it copy (the way measured in BENCHMARKS.md table 3b to be never slow).
 *
 * <p>Shared by all sessions of one server, so there is no static state.
 */
public final class SendWays {

    /** How a download moves the bytes. */
    public enum Way {
        /** {@code FileChannel.transferTo} to the socket channel: the kernel's sendfile. */
        SENDFILE,
        /** {@code FileChannel.read} into a direct buffer, {@code SocketChannel.write} from it. */
        COPY
    }

    /** Below this a download just copies: a few system calls either way, nothing to win. */
    static final long SENDFILE_MIN_BYTES = 1024 * 1024;
    /** Bytes per slice of a probe; a probe sends 10 slices, half each way (the first two unmeasured). */
    static final long PROBE_SLICE = 8L * 1024 * 1024;
    /** One way must take less than this fraction of the other's time to be chosen. */
    static final double MARGIN = 0.9;

    private final ConcurrentMap<Object, Way> decided = new ConcurrentHashMap<>();
    private final Set<Object> probing = ConcurrentHashMap.newKeySet();
    private final Optional<Way> fixed;
    private final long probeSlice;

    /** A new server's choices: every store undecided. */
    public SendWays() {
        this(Optional.empty(), PROBE_SLICE);
    }

    private SendWays(Optional<Way> fixed, long probeSlice) {
        this.fixed = fixed;
        this.probeSlice = probeSlice;
    }

    /** Choices where every store is already decided for {@code way}, and nothing is measured (tests). */
    static SendWays always(Way way) {
        return new SendWays(Optional.of(way), PROBE_SLICE);
    }

    /** Undecided choices whose probes send slices of {@code slice} bytes (tests: small files probe too). */
    static SendWays probingWith(long slice) {
        return new SendWays(Optional.empty(), slice);
    }

    /** Bytes per slice of a probe. */
    long probeSlice() {
        return probeSlice;
    }

    /** A download from an undecided store shorter than this copies and does not probe: 12 slices. */
    long probeMinBytes() {
        return 12 * probeSlice;
    }

    /**
     * The key of the store a file lives on: the device number where the file system has one (one {@code stat},
     * cheaper than building a {@link java.nio.file.FileStore}, which reads the mount table), else the store.
     *
     * @param file the file being sent
     * @return a key equal for files on the same store, or empty if none can be told
     */
    static Optional<Object> storeOf(Path file) {
        try {
            return Optional.of(Files.getAttribute(file, "unix:dev"));
        } catch (UnsupportedOperationException | IllegalArgumentException | IOException notUnix) {
            try {
                return Optional.of(Files.getFileStore(file));
            } catch (IOException | RuntimeException none) {
                return Optional.empty();
            }
        }
    }

    /** The way chosen for a store, if one was. */
    Optional<Way> decided(Object store) {
        return fixed.isPresent() ? fixed : Optional.ofNullable(decided.get(store));
    }

    /** Claims the probe of an undecided store; false if it is decided or another download probes it now. */
    boolean startProbe(Object store) {
        return !decided.containsKey(store) && probing.add(store);
    }

    /**
     * Ends a probe with the time each way took for the same number of bytes, and keeps the faster way if it won
     * clearly.
     *
     * @return the way chosen for the store, or empty if the probe was inconclusive (or failed: pass 0 times)
     */
    Optional<Way> probed(Object store, long sendfileNanos, long copyNanos) {
        try {
            Optional<Way> winner = winner(sendfileNanos, copyNanos);
            winner.ifPresent(way -> decided.put(store, way));
            return winner;
        } finally {
            probing.remove(store);
        }
    }

    /** The way that took clearly less time, if one did. */
    static Optional<Way> winner(long sendfileNanos, long copyNanos) {
        if (sendfileNanos <= 0 || copyNanos <= 0) {
            return Optional.empty();
        }
        if (sendfileNanos < copyNanos * MARGIN) {
            return Optional.of(Way.SENDFILE);
        }
        if (copyNanos < sendfileNanos * MARGIN) {
            return Optional.of(Way.COPY);
        }
        return Optional.empty();
    }
}
