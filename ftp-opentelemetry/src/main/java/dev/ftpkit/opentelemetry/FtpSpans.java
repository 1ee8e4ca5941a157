package dev.ftpkit.opentelemetry;

import dev.ftpkit.core.Reply;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Locale;

/**
 * The spans both sides make, named and attributed alike: {@code FTP session} (server or client kind), one
 * {@code FTP <VERB>} per command and one {@code FTP upload|download|listing} per data transfer, the last two
 * children of the session. A negative reply (4xx, 5xx) or a failed transfer sets the span's status to error.
 */
final class FtpSpans {

    /** The instrumentation scope's name. */
    static final String SCOPE = "dev.ftpkit.opentelemetry";
    static final String SESSION_SPAN = "FTP session";
    static final String LOGIN_EVENT = "ftp.login";
    /** RFC 959 §4.2.1: 4yz and 5yz are the negative completion replies. */
    private static final int FIRST_NEGATIVE_CODE = 400;

    private final Tracer tracer;

    FtpSpans(OpenTelemetry openTelemetry) {
        String version = FtpSpans.class.getPackage().getImplementationVersion();
        this.tracer = version == null
                ? openTelemetry.getTracer(SCOPE)
                : openTelemetry.getTracer(SCOPE, version);
    }

    /** Starts a session span under {@code parent}. */
    Span session(Context parent, SpanKind kind) {
        return tracer.spanBuilder(SESSION_SPAN).setParent(parent).setSpanKind(kind)
                .setAttribute(FtpAttributes.NETWORK_TRANSPORT, "tcp").startSpan();
    }

    /** Puts the two ends of the control connection on a session span. */
    static void endpoints(Span session, InetSocketAddress peer, InetSocketAddress local) {
        session.setAttribute(FtpAttributes.NETWORK_PEER_ADDRESS, peer.getAddress().getHostAddress());
        session.setAttribute(FtpAttributes.NETWORK_PEER_PORT, (long) peer.getPort());
        session.setAttribute(FtpAttributes.NETWORK_LOCAL_ADDRESS, local.getAddress().getHostAddress());
        session.setAttribute(FtpAttributes.NETWORK_LOCAL_PORT, (long) local.getPort());
    }

    /** Starts a command's span now, or at {@code start} if given (a command seen only once answered). */
    Span command(Span session, String verb, String name, Instant start) {
        SpanBuilder builder = child(session, "FTP " + name).setAttribute(FtpAttributes.COMMAND, verb);
        if (start != null) {
            builder.setStartTimestamp(start);
        }
        return builder.startSpan();
    }

    /** Ends a command's span with its final reply. */
    static void answered(Span command, Reply reply) {
        command.setAttribute(FtpAttributes.REPLY_CODE, (long) reply.codeValue());
        if (reply.codeValue() >= FIRST_NEGATIVE_CODE) {
            command.setStatus(StatusCode.ERROR, reply.codeValue() + " " + reply.firstLine());
        }
        command.end();
    }

    /** Ends a span whose work failed without a reply. */
    static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        span.end();
    }

    /** Ends a span that its session's end cut short. */
    static void cutShort(Span span) {
        span.setStatus(StatusCode.ERROR, "the session ended first");
        span.end();
    }

    /** Starts a data transfer's span; its {@link #direction} is named now or at its end. */
    Span transfer(Span session, String verb, String path) {
        return child(session, "FTP transfer")
                .setAttribute(FtpAttributes.COMMAND, verb)
                .setAttribute(FtpAttributes.PATH, path)
                .startSpan();
    }

    /** Names a transfer span after its direction: {@code FTP upload}, {@code FTP download}, {@code FTP listing}. */
    static void direction(Span transfer, Enum<?> direction) {
        String name = direction.name().toLowerCase(Locale.ROOT);
        transfer.updateName("FTP " + name);
        transfer.setAttribute(FtpAttributes.TRANSFER_DIRECTION, name);
    }

    /** Ends a data transfer's span with its payload byte count. */
    static void transferEnded(Span transfer, long bytes, boolean success) {
        transfer.setAttribute(FtpAttributes.TRANSFER_BYTES, bytes);
        if (!success) {
            transfer.setStatus(StatusCode.ERROR, "transfer failed or aborted after " + bytes + " bytes");
        }
        transfer.end();
    }

    /** Adds a login event to the session span; a successful login names the session's user. */
    static void login(Span session, String user, boolean success) {
        if (success) {
            session.setAttribute(FtpAttributes.USER, user);
        }
        session.addEvent(LOGIN_EVENT, Attributes.of(FtpAttributes.USER, user, FtpAttributes.LOGIN_SUCCESS, success));
    }

    private SpanBuilder child(Span session, String name) {
        return tracer.spanBuilder(name).setParent(Context.root().with(session)).setSpanKind(SpanKind.INTERNAL);
    }
}
