package dev.ftpkit.server.security;

import dev.ftpkit.testsupport.Background;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The attacker's half of a symlink race (the TOCTOU class of CVE-2010-4221): swaps a directory inside the root,
 * over and over, between the real directory and a link to a directory outside the root; the real directory waits
 * inside the root (as {@code parked}) while the link stands. Runs on its own thread until stopped, at most
 * {@link #MAX_FLIPS} times.
 */
final class LinkFlipper implements AutoCloseable {

    private static final int MAX_FLIPS = 10_000_000;

    private final AtomicBoolean done = new AtomicBoolean();
    private final CompletableFuture<Integer> flips;

    private LinkFlipper(Path directory, Path outside) {
        this.flips = CompletableFuture.supplyAsync(() -> flip(directory, outside), Background.THREADS);
    }

    /** Starts flipping {@code directory} (inside the root) with a link to {@code outside}. */
    static LinkFlipper start(Path directory, Path outside) {
        return new LinkFlipper(directory, outside);
    }

    /**
     * Stops flipping, the real directory back in place.
     *
     * @return how many times it flipped
     */
    int stop() throws InterruptedException, ExecutionException, TimeoutException {
        done.set(true);
        return flips.get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        done.set(true);
    }

    private int flip(Path directory, Path outside) {
        Path parked = directory.resolveSibling("parked");
        int count = 0;
        try {
            while (!done.get() && count < MAX_FLIPS) {
                Files.move(directory, parked);
                Files.createSymbolicLink(directory, outside);
                Files.delete(directory);
                Files.move(parked, directory);
                count++;
            }
        } catch (NoSuchFileException e) {
            throw new AssertionError("the server moved the race directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return count;
    }
}
