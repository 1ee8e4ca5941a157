package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.UsageException;

import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.observe.AuditLog;
import dev.ftpkit.server.observe.PrometheusText;
import dev.ftpkit.server.observe.ServerMetrics;
import dev.ftpkit.server.observe.XferLog;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code serve --metrics-port}, {@code --xferlog} and {@code --audit-log} add to the server: their listeners,
 * the metrics endpoint, and closing the log files at shutdown.
 */
final class ServeOperations implements AutoCloseable {

    private final ServerMetrics metrics = new ServerMetrics();
    private final List<ServerListener> listeners = new ArrayList<>();
    private final List<Closeable> resources = new ArrayList<>();
    private final int metricsPort;

    private ServeOperations(int metricsPort) {
        this.metricsPort = metricsPort;
        if (metricsPort >= 0) {
            listeners.add(metrics);
        }
    }

    /**
     * Opens the log files the options name.
     *
     * @param metricsPort the metrics port, 0 for any, -1 for no endpoint
     * @param xferlog     the xferlog file, or null
     * @param auditLog    the audit log file, or null
     * @return the operations
     * @throws UsageException if a log file cannot be opened
     */
    static ServeOperations open(int metricsPort, Path xferlog, Path auditLog) throws UsageException {
        ServeOperations operations = new ServeOperations(metricsPort);
        try {
            operations.openLog("--xferlog", xferlog, XferLog::appendingTo);
            operations.openLog("--audit-log", auditLog, AuditLog::appendingTo);
        } catch (UsageException e) {
            operations.close();
            throw e;
        }
        return operations;
    }

    /** How a log file is opened. */
    private interface LogOpener<L extends ServerListener & Closeable> {
        L open(Path file) throws IOException;
    }

    private <L extends ServerListener & Closeable> void openLog(String option, Path file, LogOpener<L> opener)
            throws UsageException {
        if (file == null) {
            return;
        }
        try {
            L log = opener.open(file);
            listeners.add(log);
            resources.add(log);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot open " + file + " for appending (" + e + ")");
        }
    }

    /** The server's listener: {@code base} (the stderr log), then metrics and logs. */
    ServerListener listener(ServerListener base) {
        List<ServerListener> all = new ArrayList<>();
        all.add(base);
        all.addAll(listeners);
        return all.size() == 1 ? base : ServerListener.all(all.toArray(ServerListener[]::new));
    }

    /** Starts the metrics endpoint if a port was given and says where it is on {@code log}. */
    void startMetrics(PrintStream log) throws IOException {
        if (metricsPort >= 0) {
            MetricsEndpoint endpoint = MetricsEndpoint.start(metricsPort, () -> PrometheusText.render(metrics.snapshot()));
            resources.add(endpoint);
            log.println("ftpkit metrics at " + endpoint.url());
        }
    }

    /** Stops the endpoint and closes the log files (after the server stopped). */
    @Override
    public void close() {
        for (Closeable resource : resources) {
            try {
                resource.close();
            } catch (IOException e) {
                // closing a flushed log loses nothing
            }
        }
    }
}
