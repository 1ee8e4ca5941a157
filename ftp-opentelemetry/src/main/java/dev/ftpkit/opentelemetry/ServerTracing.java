package dev.ftpkit.opentelemetry;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.CommandVerdict;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerHook;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;

import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Traces an {@link dev.ftpkit.server.FtpServer}'s sessions: one {@code FTP session} span (kind server, the root of
 * its own trace: FTP carries no trace context) per control connection, with {@code FTP <VERB>} spans for commands
 * and {@code FTP upload|download|listing} spans for data transfers as its children. Install it both as a listener
 * and as a hook, so that a command's span starts when the command starts to run:
 *
 * <pre>{@code
 * ServerTracing tracing = ServerTracing.create(openTelemetry);
 * FtpServer server = FtpServer.builder().listener(tracing).hook(tracing)...build();
 * }</pre>
 *
 * As a listener only, command spans start when the reply is sent (no duration). Commands refused before they run
 * (unknown verbs, not logged in) get spans too; an unknown verb's span is named {@code FTP OTHER} so that a client
 * cannot make up span names. The hook never refuses anything.
 */
public final class ServerTracing implements ServerListener, ServerHook {

    /** RFC 959 §4.2.1: 500 syntax error (unknown command), 502 not implemented. */
    private static final int UNRECOGNIZED = 500;
    private static final int NOT_IMPLEMENTED = 502;

    private final FtpSpans spans;
    private final Map<FtpSession, SessionSpans> sessions = new ConcurrentHashMap<>();

    private ServerTracing(OpenTelemetry openTelemetry) {
        this.spans = new FtpSpans(openTelemetry);
    }

    /**
     * Makes the tracing of one server (or several: sessions are told apart by their own identity).
     *
     * @param openTelemetry where the tracer comes from
     * @return the tracing, to install as listener and hook
     */
    public static ServerTracing create(OpenTelemetry openTelemetry) {
        return new ServerTracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    /** The spans under way in one session. */
    private static final class SessionSpans {
        final Span session;
        /** Commands running now, by identity (a transfer command and an ABOR may run at the same time). */
        final Map<Command, Span> commands = Collections.synchronizedMap(new IdentityHashMap<>());
        volatile Span transfer;

        SessionSpans(Span session) {
            this.session = session;
        }
    }

    @Override
    public void connected(FtpSession session) {
        Span span = spans.session(Context.root(), SpanKind.SERVER);
        span.setAttribute(FtpAttributes.SESSION_ID, session.id());
        span.setAttribute(FtpAttributes.CLIENT_ADDRESS, session.clientAddress().getAddress().getHostAddress());
        span.setAttribute(FtpAttributes.CLIENT_PORT, (long) session.clientAddress().getPort());
        FtpSpans.endpoints(span, session.clientAddress(), session.serverAddress());
        sessions.put(session, new SessionSpans(span));
    }

    @Override
    public void loggedIn(FtpSession session, Account account) {
        SessionSpans open = sessions.get(session);
        if (open != null) {
            FtpSpans.login(open.session, account.name(), true);
        }
    }

    @Override
    public void loginFailed(FtpSession session, String userName) {
        SessionSpans open = sessions.get(session);
        if (open != null) {
            FtpSpans.login(open.session, userName, false);
        }
    }

    @Override
    public CommandVerdict beforeCommand(FtpSession session, Command command) {
        SessionSpans open = sessions.get(session);
        if (open != null) {
            open.commands.put(command, spans.command(open.session, command.verb(), command.verb(), null));
        }
        return CommandVerdict.allow();
    }

    @Override
    public void commandHandled(FtpSession session, Command command, Reply reply) {
        SessionSpans open = sessions.get(session);
        if (open == null) {
            return;
        }
        Span span = open.commands.remove(command);
        if (span == null) {
            // refused before it ran (no hook call): a span of its own, named by a verb only if the server knew it
            boolean unknown = reply.codeValue() == UNRECOGNIZED || reply.codeValue() == NOT_IMPLEMENTED;
            span = spans.command(open.session, command.verb(), unknown ? "OTHER" : command.verb(), Instant.now());
        }
        FtpSpans.answered(span, reply);
    }

    @Override
    public void transferStarted(FtpSession session, String verb, String path) {
        SessionSpans open = sessions.get(session);
        if (open != null) {
            open.transfer = spans.transfer(open.session, verb, path);
        }
    }

    @Override
    public void transferEnded(FtpSession session, TransferEvent event) {
        SessionSpans open = sessions.get(session);
        if (open == null) {
            return;
        }
        Span span = open.transfer;
        open.transfer = null;
        if (span != null) {
            FtpSpans.direction(span, event.direction());
            FtpSpans.transferEnded(span, event.bytes(), event.success());
        }
    }

    @Override
    public void disconnected(FtpSession session) {
        SessionSpans open = sessions.remove(session);
        if (open == null) {
            return;
        }
        Span transfer = open.transfer;
        if (transfer != null) {
            FtpSpans.cutShort(transfer);
        }
        synchronized (open.commands) {
            open.commands.values().forEach(FtpSpans::cutShort);
            open.commands.clear();
        }
        open.session.end();
    }
}
