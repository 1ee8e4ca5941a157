package dev.ftpkit.opentelemetry;

import dev.ftpkit.client.ClientListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;

import java.util.Objects;

/**
 * Traces an ftpkit client's connections: one {@code FTP session} span (kind client) per control connection, a child
 * of the span current when the connection was opened, with {@code FTP <VERB>} spans for commands and
 * {@code FTP upload|download} spans for data transfers (listings are downloads) as its children.
 *
 * <pre>{@code
 * FtpClientConfig config = FtpClientConfig.builder()
 *         .clientListener(ClientTracing.create(openTelemetry))
 *         .build();
 * }</pre>
 */
public final class ClientTracing implements ClientListener.Factory {

    private final FtpSpans spans;

    private ClientTracing(OpenTelemetry openTelemetry) {
        this.spans = new FtpSpans(openTelemetry);
    }

    /**
     * Makes the tracing of every connection of the configurations it is set on.
     *
     * @param openTelemetry where the tracer comes from
     * @return the listener factory for {@link dev.ftpkit.client.FtpClientConfig.Builder#clientListener}
     */
    public static ClientTracing create(OpenTelemetry openTelemetry) {
        return new ClientTracing(Objects.requireNonNull(openTelemetry, "openTelemetry"));
    }

    @Override
    public ClientListener create(String host, int port) {
        Span session = spans.session(Context.current(), SpanKind.CLIENT);
        session.setAttribute(FtpAttributes.SERVER_ADDRESS, host);
        session.setAttribute(FtpAttributes.SERVER_PORT, (long) port);
        return new ClientConnectionTracer(spans, session);
    }
}
