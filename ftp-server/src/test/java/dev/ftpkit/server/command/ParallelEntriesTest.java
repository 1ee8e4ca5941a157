package dev.ftpkit.server.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelEntriesTest {

    private static final int MANY = 64;
    /** For readers that make their infos up: no directory is read. */
    private static final DirectoryStream<Path> NO_DIRECTORY = null;

    private final AtomicInteger threadsMade = new AtomicInteger();
    private final Semaphore helpers = new Semaphore(MANY);
    private final ThreadFactory countingThreads = runnable -> {
        threadsMade.incrementAndGet();
        return new Thread(runnable);
    };

    @Test
    void largeDirectoryIsReadOnHelperThreadsAndKeepsItsOrder() throws Exception {
        List<Path> entries = paths(3 * ParallelEntries.ENTRIES_PER_THREAD + 17);

        List<FileInfo> infos = ParallelEntries.read(entries, NO_DIRECTORY, ParallelEntriesTest::info, countingThreads,
                helpers);

        assertThat(infos).extracting(FileInfo::name)
                .containsExactlyElementsOf(entries.stream().map(Path::toString).toList());
        assertThat(threadsMade.get()).isEqualTo(Math.min(3, Runtime.getRuntime().availableProcessors()) - 1);
    }

    @Test
    void smallDirectoryStaysOnTheSessionThread() throws Exception {
        List<Path> entries = paths(ParallelEntries.ENTRIES_PER_THREAD - 1);

        List<FileInfo> infos = ParallelEntries.read(entries, NO_DIRECTORY, ParallelEntriesTest::info, countingThreads,
                helpers);

        assertThat(infos).hasSize(entries.size());
        assertThat(threadsMade.get()).isZero();
    }

    @Test
    void entriesThatVanishOrAreNotShownAreLeftOut() throws Exception {
        List<Path> entries = paths(4 * ParallelEntries.ENTRIES_PER_THREAD);

        List<FileInfo> infos = ParallelEntries.read(entries, NO_DIRECTORY, (directory, entry) -> {
            int n = Integer.parseInt(entry.toString());
            if (n % 3 == 0) {
                throw new NoSuchFileException(entry.toString());
            }
            return n % 3 == 1 ? null : info(directory, entry);
        }, countingThreads, helpers);

        assertThat(infos).extracting(FileInfo::name).containsExactlyElementsOf(entries.stream().map(Path::toString)
                .filter(name -> Integer.parseInt(name) % 3 == 2).toList());
    }

    // an OutOfMemoryError on a helper left its slice out of a listing that still ended with 226 (issue 13)
    @ParameterizedTest(name = "an Error: {0}")
    @ValueSource(booleans = {false, true})
    void unexpectedFailureOnAHelperReachesTheSessionThread(boolean error) {
        List<Path> entries = paths(4 * ParallelEntries.ENTRIES_PER_THREAD);
        String last = entries.get(entries.size() - 1).toString();

        assertThatThrownBy(() -> ParallelEntries.read(entries, NO_DIRECTORY, (directory, entry) -> {
            if (entry.toString().equals(last) && error) {
                throw new OutOfMemoryError("simulated");
            }
            if (entry.toString().equals(last)) {
                throw new SecurityException("simulated");
            }
            return info(directory, entry);
        }, countingThreads, helpers)).isInstanceOf(error ? OutOfMemoryError.class : SecurityException.class)
                .hasMessage("simulated");
    }

    @Test
    void withoutFreeHelperPermitsTheSessionThreadReadsEverySliceItself() throws Exception {
        List<Path> entries = paths(4 * ParallelEntries.ENTRIES_PER_THREAD);
        Semaphore none = new Semaphore(0);

        List<FileInfo> infos = ParallelEntries.read(entries, NO_DIRECTORY, ParallelEntriesTest::info, countingThreads,
                none);

        assertThat(infos).hasSize(entries.size());
        assertThat(threadsMade.get()).isZero();
    }

    @Test
    void helpersGiveTheirPermitsBack() throws Exception {
        ParallelEntries.read(paths(4 * ParallelEntries.ENTRIES_PER_THREAD), NO_DIRECTORY, ParallelEntriesTest::info,
                countingThreads, helpers);

        assertThat(helpers.availablePermits()).isEqualTo(MANY);
    }

    @Test
    void helpersReadThroughHandlesOfTheirOwnOnTheSameDirectoryAndCloseThem(@TempDir Path dir) throws Exception {
        int count = 3 * ParallelEntries.ENTRIES_PER_THREAD;
        List<Path> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(Files.write(dir.resolve(String.format("%06d", i)), new byte[i % 7]));
        }
        Set<DirectoryStream<Path>> handles = ConcurrentHashMap.newKeySet();
        long descriptorsBefore = openDescriptors();

        List<FileInfo> infos;
        try (DirectoryStream<Path> directory = Files.newDirectoryStream(dir)) {
            infos = ParallelEntries.read(entries, directory, (handle, entry) -> {
                handles.add(handle);
                return FileInfo.readEntry(handle, DirectoryEntry.of(entry), true);
            }, countingThreads, helpers);
            assertThat(handles).contains(directory).hasSize(threadsMade.get() + 1);
        }

        assertThat(infos).extracting(FileInfo::size)
                .containsExactlyElementsOf(IntStream.range(0, count).mapToObj(i -> (long) (i % 7)).toList());
        assertThat(openDescriptors()).isEqualTo(descriptorsBefore);
    }

    /** The process's open file descriptors (Linux), or -1 where /proc does not list them. */
    private static long openDescriptors() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds)) {
            return -1;
        }
        try (var listed = Files.list(fds)) {
            return listed.count();
        }
    }

    private static List<Path> paths(int count) {
        List<Path> paths = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> paths.add(Path.of(String.format("%06d", i))));
        return paths;
    }

    private static FileInfo info(DirectoryStream<Path> directory, Path entry) throws IOException {
        return new FileInfo(entry.toString(), false, true, false, 1, Instant.EPOCH, null, null);
    }
}
