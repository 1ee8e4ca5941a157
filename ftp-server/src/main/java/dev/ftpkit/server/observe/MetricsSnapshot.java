package dev.ftpkit.server.observe;

import dev.ftpkit.server.TransferEvent.Direction;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The server's counters at one moment, as {@link ServerMetrics#snapshot()} took them. Every count but
 * {@code sessionsActive} only grows while the server runs.
 *
 * @param sessionsActive control connections open now
 * @param sessionsTotal  control connections accepted since the metrics were installed
 * @param loginsSucceeded logins that got 230
 * @param loginsFailed   logins that got 530 (wrong password or unknown user)
 * @param transfers      per direction: transfers that ended with 226, those that did not, and payload bytes
 * @param commands       final replies sent per command verb (verbs past the first {@value ServerMetrics#MAX_VERBS}
 *                       distinct ones are counted under {@code "OTHER"})
 * @param replies        final replies sent per reply code
 */
public record MetricsSnapshot(long sessionsActive, long sessionsTotal, long loginsSucceeded, long loginsFailed,
                              Map<Direction, Transfers> transfers, SortedMap<String, Long> commands,
                              SortedMap<Integer, Long> replies) {

    /**
     * The transfers in one direction.
     *
     * @param succeeded transfers that ended with 226
     * @param failed    transfers that were aborted, broke or were refused after the data connection opened
     * @param bytes     payload bytes that crossed data connections, of both kinds
     */
    public record Transfers(long succeeded, long failed, long bytes) {

        /** No transfer. */
        public static final Transfers NONE = new Transfers(0, 0, 0);
    }

    /**
     * Copies the maps; a direction without transfers is {@link Transfers#NONE}.
     *
     * @throws NullPointerException if a map is null
     */
    public MetricsSnapshot {
        EnumMap<Direction, Transfers> all = new EnumMap<>(Direction.class);
        for (Direction direction : Direction.values()) {
            all.put(direction, Objects.requireNonNull(transfers, "transfers").getOrDefault(direction, Transfers.NONE));
        }
        transfers = java.util.Collections.unmodifiableMap(all);
        commands = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(commands));
        replies = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(replies));
    }

    /**
     * The transfers in one direction.
     *
     * @param direction upload, download or listing
     * @return the counts
     */
    public Transfers transfers(Direction direction) {
        return transfers.get(direction);
    }
}
