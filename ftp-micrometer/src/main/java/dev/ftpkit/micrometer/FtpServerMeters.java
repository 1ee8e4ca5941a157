package dev.ftpkit.micrometer;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;
import dev.ftpkit.server.TransferEvent.Direction;
import dev.ftpkit.server.observe.MetricsSnapshot;
import dev.ftpkit.server.observe.ServerMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;

/**
 * The server's {@link ServerMetrics} as Micrometer meters, named so that a Prometheus registry exposes them under
 * the names {@link dev.ftpkit.server.observe.PrometheusText} uses: {@code ftpkit.sessions.active} (gauge,
 * {@code ftpkit_sessions_active}), {@code ftpkit.sessions}, {@code ftpkit.logins{result}},
 * {@code ftpkit.transfers{direction,result}}, {@code ftpkit.transfer.bytes{direction}}, {@code ftpkit.commands{verb}}
 * and {@code ftpkit.replies{code}} (counters, {@code ftpkit_..._total}). Install it as the server's listener (it
 * counts through its own {@link ServerMetrics}) and bind it to one or more registries:
 *
 * <pre>{@code
 * FtpServerMeters meters = new FtpServerMeters();
 * meters.bindTo(registry);
 * FtpServer server = FtpServer.builder().listener(meters)...build();
 * }</pre>
 *
 * Meters read the counts when the registry publishes; a verb or reply code gets its meter when the server first
 * answers it.
 */
public final class FtpServerMeters implements ServerListener, MeterBinder {

    private final ServerMetrics metrics = new ServerMetrics();
    private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();
    private final Set<String> verbsWithMeters = ConcurrentHashMap.newKeySet();
    private final Set<Integer> codesWithMeters = ConcurrentHashMap.newKeySet();

    /** Starts with every count at zero and no registry. */
    public FtpServerMeters() {
    }

    /**
     * The counts behind the meters, e.g. to render them with {@link dev.ftpkit.server.observe.PrometheusText} too.
     *
     * @return the metrics this listener feeds
     */
    public ServerMetrics metrics() {
        return metrics;
    }

    @Override
    public synchronized void bindTo(MeterRegistry registry) {
        registries.add(registry);
        Gauge.builder("ftpkit.sessions.active", metrics, m -> m.snapshot().sessionsActive())
                .description("FTP control connections open now.").register(registry);
        counter(registry, "ftpkit.sessions", "FTP control connections accepted.", MetricsSnapshot::sessionsTotal);
        String logins = "Logins by result.";
        counter(registry, "ftpkit.logins", logins, MetricsSnapshot::loginsSucceeded, "result", "success");
        counter(registry, "ftpkit.logins", logins, MetricsSnapshot::loginsFailed, "result", "failure");
        for (Direction direction : Direction.values()) {
            String name = direction.name().toLowerCase(Locale.ROOT);
            String transfers = "Transfers whose data connection opened, by direction and result.";
            counter(registry, "ftpkit.transfers", transfers, s -> s.transfers(direction).succeeded(),
                    "direction", name, "result", "ok");
            counter(registry, "ftpkit.transfers", transfers, s -> s.transfers(direction).failed(),
                    "direction", name, "result", "failed");
            counter(registry, "ftpkit.transfer.bytes", "Payload bytes on data connections, by direction.",
                    s -> s.transfers(direction).bytes(), "direction", name);
        }
        verbsWithMeters.forEach(verb -> verbCounter(registry, verb));
        codesWithMeters.forEach(code -> codeCounter(registry, code));
    }

    private void counter(MeterRegistry registry, String name, String description,
                         ToDoubleFunction<MetricsSnapshot> count, String... tags) {
        FunctionCounter.builder(name, metrics, m -> count.applyAsDouble(m.snapshot()))
                .description(description).tags(tags).register(registry);
    }

    private void verbCounter(MeterRegistry registry, String verb) {
        counter(registry, "ftpkit.commands", "Commands answered, by verb.",
                s -> s.commands().getOrDefault(verb, 0L), "verb", verb);
    }

    private void codeCounter(MeterRegistry registry, int code) {
        counter(registry, "ftpkit.replies", "Final replies sent, by code.",
                s -> s.replies().getOrDefault(code, 0L), "code", Integer.toString(code));
    }

    @Override
    public void connected(FtpSession session) {
        metrics.connected(session);
    }

    @Override
    public void disconnected(FtpSession session) {
        metrics.disconnected(session);
    }

    @Override
    public void loggedIn(FtpSession session, Account account) {
        metrics.loggedIn(session, account);
    }

    @Override
    public void loginFailed(FtpSession session, String userName) {
        metrics.loginFailed(session, userName);
    }

    @Override
    public void commandHandled(FtpSession session, Command command, Reply reply) {
        metrics.commandHandled(session, command, reply);
        // past ServerMetrics.MAX_VERBS, new verbs count under OTHER: no more meters to add for them
        boolean newVerb = !verbsWithMeters.contains(command.verb())
                && verbsWithMeters.size() <= ServerMetrics.MAX_VERBS;
        if (newVerb || !codesWithMeters.contains(reply.codeValue())) {
            addMetersForNewLabels();
        }
    }

    /** Meters, in every bound registry, for the verbs and codes counted now but without meters yet. */
    private synchronized void addMetersForNewLabels() {
        MetricsSnapshot now = metrics.snapshot();
        for (String verb : now.commands().keySet()) {
            if (verbsWithMeters.add(verb)) {
                registries.forEach(registry -> verbCounter(registry, verb));
            }
        }
        for (int code : now.replies().keySet()) {
            if (codesWithMeters.add(code)) {
                registries.forEach(registry -> codeCounter(registry, code));
            }
        }
    }

    @Override
    public void transferEnded(FtpSession session, TransferEvent event) {
        metrics.transferEnded(session, event);
    }
}
