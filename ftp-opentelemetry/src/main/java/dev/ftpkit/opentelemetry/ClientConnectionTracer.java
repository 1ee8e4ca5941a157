package dev.ftpkit.opentelemetry;

import dev.ftpkit.client.ClientListener;
import dev.ftpkit.client.TransferProgress;
import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import io.opentelemetry.api.trace.Span;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of one client connection. Synchronized: an {@code ABOR} may be sent by another thread than the one
 * waiting for the transfer's reply.
 */
final class ClientConnectionTracer implements ClientListener {

    private final FtpSpans spans;
    private final Span session;
    /** Commands sent and not yet answered, by identity. */
    private final Map<Command, Span> commands = new IdentityHashMap<>();
    private Span transfer;
    private boolean ended;

    ClientConnectionTracer(FtpSpans spans, Span session) {
        this.spans = spans;
        this.session = session;
    }

    @Override
    public synchronized void connected(InetSocketAddress server, InetSocketAddress local) {
        FtpSpans.endpoints(session, server, local);
    }

    @Override
    public synchronized void connectFailed(IOException failure) {
        endAll();
        ended = true;
        FtpSpans.failed(session, failure);
    }

    @Override
    public synchronized void commandSent(Command command) {
        if (!ended) {
            commands.put(command, spans.command(session, command.verb(), command.verb(), null));
        }
    }

    @Override
    public synchronized void commandAnswered(Command command, Reply reply) {
        Span span = commands.remove(command);
        if (span != null) {
            FtpSpans.answered(span, reply);
        }
    }

    @Override
    public synchronized void commandFailed(Command command, IOException failure) {
        Span span = commands.remove(command);
        if (span != null) {
            FtpSpans.failed(span, failure);
        }
    }

    @Override
    public synchronized void loggedIn(String user) {
        FtpSpans.login(session, user, true);
    }

    @Override
    public synchronized void loginFailed(String user, IOException failure) {
        FtpSpans.login(session, user, false);
    }

    @Override
    public synchronized void transferStarted(Command command, TransferProgress.Direction direction) {
        if (!ended) {
            transfer = spans.transfer(session, command.verb(), command.argument());
            FtpSpans.direction(transfer, direction);
        }
    }

    @Override
    public synchronized void transferEnded(Command command, TransferProgress.Direction direction, long bytes,
                                           boolean success) {
        if (transfer != null) {
            FtpSpans.transferEnded(transfer, bytes, success);
            transfer = null;
        }
    }

    @Override
    public synchronized void closed() {
        if (!ended) {
            endAll();
            ended = true;
            session.end();
        }
    }

    /** Ends what the connection's end cut short. */
    private void endAll() {
        if (transfer != null) {
            FtpSpans.cutShort(transfer);
            transfer = null;
        }
        List<Span> open = new ArrayList<>(commands.values());
        commands.clear();
        open.forEach(FtpSpans::cutShort);
    }
}
