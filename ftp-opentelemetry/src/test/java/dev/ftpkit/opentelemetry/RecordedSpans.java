package dev.ftpkit.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An OpenTelemetry SDK whose spans land in memory, with a wait for session spans to end. */
final class RecordedSpans implements AutoCloseable {

    private static final long WAIT_SECONDS = 20;

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final Semaphore sessionsEnded = new Semaphore(0);
    private final OpenTelemetrySdk sdk;

    RecordedSpans() {
        sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        // exported first, counted second: once a session is counted, its span can be read
                        .addSpanProcessor(SimpleSpanProcessor.create(exporter))
                        .addSpanProcessor(new SessionEnds())
                        .build())
                .build();
    }

    OpenTelemetry openTelemetry() {
        return sdk;
    }

    /** Waits until {@code count} session spans have ended (the server ends its own after the client is gone). */
    void awaitSessionsEnded(int count) throws InterruptedException {
        assertThat(sessionsEnded.tryAcquire(count, WAIT_SECONDS, TimeUnit.SECONDS))
                .as("%d FTP session span(s) ended within %d s", count, WAIT_SECONDS).isTrue();
    }

    List<SpanData> all() {
        return exporter.getFinishedSpanItems();
    }

    List<SpanData> named(String name) {
        return all().stream().filter(span -> span.getName().equals(name)).toList();
    }

    SpanData only(String name) {
        List<SpanData> spans = named(name);
        assertThat(spans).as("spans named %s", name).hasSize(1);
        return spans.get(0);
    }

    List<SpanData> childrenOf(SpanData parent) {
        return all().stream().filter(span -> span.getParentSpanId().equals(parent.getSpanId())).toList();
    }

    static boolean isRoot(SpanData span) {
        return span.getParentSpanId().equals(SpanId.getInvalid());
    }

    @Override
    public void close() {
        sdk.close();
    }

    /** Counts ended session spans. */
    private final class SessionEnds implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            if (span.getName().equals(FtpSpans.SESSION_SPAN)) {
                sessionsEnded.release();
            }
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
