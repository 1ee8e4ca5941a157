package dev.ftpkit.server.observe;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;
import dev.ftpkit.server.TransferEvent.Direction;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the server does, without any dependency: install it as (one of) the server's listeners and read
 * {@link #snapshot()} whenever you like, e.g. to render it with {@link PrometheusText}.
 *
 * <pre>{@code
 * ServerMetrics metrics = new ServerMetrics();
 * FtpServer server = FtpServer.builder().listener(ServerListener.all(metrics, otherListener))...build();
 * String text = PrometheusText.render(metrics.snapshot());
 * }</pre>
 *
 * Counting is lock-free ({@link LongAdder}s), so sessions on many threads do not contend.
 */
public final class ServerMetrics implements ServerListener {

    /** How many distinct verbs are counted by name; a client sending made-up verbs cannot grow the table further. */
    public static final int MAX_VERBS = 64;
    private static final String OTHER_VERB = "OTHER";
    private static final int MAX_REPLY_CODE = 599;

    private final LongAdder sessionsActive = new LongAdder();
    private final LongAdder sessionsTotal = new LongAdder();
    private final LongAdder loginsSucceeded = new LongAdder();
    private final LongAdder loginsFailed = new LongAdder();
    private final Map<Direction, TransferCounters> transfers = new EnumMap<>(Direction.class);
    private final ConcurrentHashMap<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final AtomicLongArray replies = new AtomicLongArray(MAX_REPLY_CODE + 1);

    /** Starts with every count at zero. */
    public ServerMetrics() {
        for (Direction direction : Direction.values()) {
            transfers.put(direction, new TransferCounters());
        }
    }

    /**
     * The counts now. Each count is exact; counts taken while sessions run may be a moment apart from each other.
     *
     * @return an immutable snapshot
     */
    public MetricsSnapshot snapshot() {
        Map<Direction, MetricsSnapshot.Transfers> byDirection = new EnumMap<>(Direction.class);
        transfers.forEach((direction, counters) -> byDirection.put(direction, counters.snapshot()));
        TreeMap<String, Long> verbs = new TreeMap<>();
        commands.forEach((verb, count) -> verbs.put(verb, count.sum()));
        TreeMap<Integer, Long> codes = new TreeMap<>();
        for (int code = 0; code <= MAX_REPLY_CODE; code++) {
            long count = replies.get(code);
            if (count > 0) {
                codes.put(code, count);
            }
        }
        return new MetricsSnapshot(sessionsActive.sum(), sessionsTotal.sum(), loginsSucceeded.sum(),
                loginsFailed.sum(), byDirection, verbs, codes);
    }

    @Override
    public void connected(FtpSession session) {
        sessionsActive.increment();
        sessionsTotal.increment();
    }

    @Override
    public void disconnected(FtpSession session) {
        sessionsActive.decrement();
    }

    @Override
    public void loggedIn(FtpSession session, Account account) {
        loginsSucceeded.increment();
    }

    @Override
    public void loginFailed(FtpSession session, String userName) {
        loginsFailed.increment();
    }

    @Override
    public void commandHandled(FtpSession session, Command command, Reply reply) {
        String verb = command.verb();
        LongAdder count = commands.get(verb);
        if (count == null) {
            // the bound is checked loosely (two threads may both pass it): it only has to stop unbounded growth
            count = commands.size() < MAX_VERBS
                    ? commands.computeIfAbsent(verb, v -> new LongAdder())
                    : commands.computeIfAbsent(OTHER_VERB, v -> new LongAdder());
        }
        count.increment();
        int code = reply.codeValue();
        if (code >= 0 && code <= MAX_REPLY_CODE) {
            replies.incrementAndGet(code);
        }
    }

    @Override
    public void transferEnded(FtpSession session, TransferEvent event) {
        transfers.get(event.direction()).add(event);
    }

    /** The counters of one direction. */
    private static final class TransferCounters {
        private final LongAdder succeeded = new LongAdder();
        private final LongAdder failed = new LongAdder();
        private final LongAdder bytes = new LongAdder();

        void add(TransferEvent event) {
            (event.success() ? succeeded : failed).increment();
            bytes.add(event.bytes());
        }

        MetricsSnapshot.Transfers snapshot() {
            return new MetricsSnapshot.Transfers(succeeded.sum(), failed.sum(), bytes.sum());
        }
    }
}
