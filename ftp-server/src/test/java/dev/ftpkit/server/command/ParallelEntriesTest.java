package dev.ftpkit.server.command;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelEntriesTest {

    private static final int MANY = 64;

    private final AtomicInteger threadsMade = new AtomicInteger();
    private final Semaphore helpers = new Semaphore(MANY);
    private final ThreadFactory countingThreads = runnable -> {
        threadsMade.incrementAndGet();
        return new Thread(runnable);
    };

    @Test
    void largeDirectoryIsReadOnHelperThreadsAndKeepsItsOrder() throws Exception {
        List<Path> entries = paths(3 * ParallelEntries.ENTRIES_PER_THREAD + 17);

        List<FileInfo> infos = ParallelEntries.read(entries, ParallelEntriesTest::info, countingThreads, helpers);

        assertThat(infos).extracting(FileInfo::name)
                .containsExactlyElementsOf(entries.stream().map(Path::toString).toList());
        assertThat(threadsMade.get()).isEqualTo(Math.min(3, Runtime.getRuntime().availableProcessors()) - 1);
    }

    @Test
    void smallDirectoryStaysOnTheSessionThread() throws Exception {
        List<Path> entries = paths(ParallelEntries.ENTRIES_PER_THREAD - 1);

        List<FileInfo> infos = ParallelEntries.read(entries, ParallelEntriesTest::info, countingThreads, helpers);

        assertThat(infos).hasSize(entries.size());
        assertThat(threadsMade.get()).isZero();
    }

    @Test
    void entriesThatVanishOrAreNotShownAreLeftOut() throws Exception {
        List<Path> entries = paths(4 * ParallelEntries.ENTRIES_PER_THREAD);

        List<FileInfo> infos = ParallelEntries.read(entries, entry -> {
            int n = Integer.parseInt(entry.toString());
            if (n % 3 == 0) {
                throw new NoSuchFileException(entry.toString());
            }
            return n % 3 == 1 ? null : info(entry);
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

        assertThatThrownBy(() -> ParallelEntries.read(entries, entry -> {
            if (entry.toString().equals(last) && error) {
                throw new OutOfMemoryError("simulated");
            }
            if (entry.toString().equals(last)) {
                throw new SecurityException("simulated");
            }
            return info(entry);
        }, countingThreads, helpers)).isInstanceOf(error ? OutOfMemoryError.class : SecurityException.class)
                .hasMessage("simulated");
    }

    @Test
    void withoutFreeHelperPermitsTheSessionThreadReadsEverySliceItself() throws Exception {
        List<Path> entries = paths(4 * ParallelEntries.ENTRIES_PER_THREAD);
        Semaphore none = new Semaphore(0);

        List<FileInfo> infos = ParallelEntries.read(entries, ParallelEntriesTest::info, countingThreads, none);

        assertThat(infos).hasSize(entries.size());
        assertThat(threadsMade.get()).isZero();
    }

    @Test
    void helpersGiveTheirPermitsBack() throws Exception {
        ParallelEntries.read(paths(4 * ParallelEntries.ENTRIES_PER_THREAD), ParallelEntriesTest::info,
                countingThreads, helpers);

        assertThat(helpers.availablePermits()).isEqualTo(MANY);
    }

    private static List<Path> paths(int count) {
        List<Path> paths = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> paths.add(Path.of(String.format("%06d", i))));
        return paths;
    }

    private static FileInfo info(Path entry) throws IOException {
        return new FileInfo(entry.toString(), false, true, false, 1, Instant.EPOCH, null, null);
    }
}
