package dev.ftpkit.client.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The sidecar file of a segmented download ({@code LOCAL.ftpkit-segments}): the remote size and the byte ranges
 * already written and forced to disk, one {@code done START END} line each. It is rewritten (through a temporary
 * file and a rename) after each range, read when a download of the same file starts, and removed at the end.
 * A sidecar of another size, or one that does not parse, is ignored: the download starts over.
 */
final class SegmentState {

    private static final String HEADER = "ftpkit-segments 1";
    /** A sane bound on the lines read: a sidecar is written with a few per segment. */
    private static final int MAX_RANGES = 100_000;

    private final Path file;
    private final long size;
    private final List<long[]> done = new ArrayList<>();

    private SegmentState(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    static Path sidecarOf(Path local) {
        return local.resolveSibling(local.getFileName() + ".ftpkit-segments");
    }

    /** The recorded ranges when the sidecar exists, the local file exists and the size matches; else none. */
    static SegmentState load(Path local, long size) {
        SegmentState state = new SegmentState(sidecarOf(local), size);
        if (!Files.isRegularFile(local) || !Files.isRegularFile(state.file)) {
            return state;
        }
        try {
            List<String> lines = Files.readAllLines(state.file, StandardCharsets.US_ASCII);
            if (lines.size() < 2 || lines.size() > MAX_RANGES || !lines.get(0).equals(HEADER)
                    || !lines.get(1).equals("size " + size)) {
                return state;
            }
            for (String line : lines.subList(2, lines.size())) {
                String[] parts = line.split(" ");
                if (parts.length != 3 || !parts[0].equals("done")) {
                    state.done.clear();
                    return state;
                }
                long start = Long.parseLong(parts[1]);
                long end = Long.parseLong(parts[2]);
                if (start < 0 || end < start || end > size) {
                    state.done.clear();
                    return state;
                }
                state.done.add(new long[] {start, end});
            }
        } catch (IOException | RuntimeException unreadable) {
            state.done.clear();
        }
        return state;
    }

    /** The parts of {@code [start, end)} not yet recorded as done, in order. */
    synchronized List<long[]> missing(long start, long end) {
        List<long[]> result = new ArrayList<>();
        long position = start;
        List<long[]> sorted = new ArrayList<>(done);
        sorted.sort((a, b) -> Long.compare(a[0], b[0]));
        for (long[] range : sorted) {
            if (range[1] <= position || range[0] >= end) {
                continue;
            }
            if (range[0] > position) {
                result.add(new long[] {position, range[0]});
            }
            position = Math.max(position, range[1]);
        }
        if (position < end) {
            result.add(new long[] {position, end});
        }
        return result;
    }

    synchronized long doneBytes() {
        long total = 0;
        for (long[] range : missing(0, size)) {
            total += range[1] - range[0];
        }
        return size - total;
    }

    /** Records a range as written (the caller forced it to disk first) and rewrites the sidecar. */
    synchronized void record(long start, long end) throws IOException {
        if (end <= start) {
            return;
        }
        done.add(new long[] {start, end});
        StringBuilder text = new StringBuilder(HEADER).append("\nsize ").append(size).append('\n');
        for (long[] range : done) {
            text.append("done ").append(range[0]).append(' ').append(range[1]).append('\n');
        }
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
    }
}
