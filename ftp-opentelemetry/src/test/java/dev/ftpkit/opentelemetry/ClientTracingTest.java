package dev.ftpkit.opentelemetry;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.testsupport.FreePorts;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ClientTracing turns the ftpkit client's work against a real (in-process ftpkit) server into spans. */
class ClientTracingTest {

    @TempDir
    Path root;

    private RecordedSpans clientSpans;
    private RecordedSpans serverSpans;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        clientSpans = new RecordedSpans();
        serverSpans = new RecordedSpans();
        ServerTracing serverTracing = ServerTracing.create(serverSpans.openTelemetry());
        server = TestServer.builder(root).listener(serverTracing).hook(serverTracing).build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        clientSpans.close();
        serverSpans.close();
    }

    private FtpClient connect() throws IOException {
        FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(20))
                .clientListener(ClientTracing.create(clientSpans.openTelemetry())).build();
        return FtpClient.connect(config, "127.0.0.1", server.port());
    }

    @Test
    void sessionSpanIsAChildOfTheCurrentSpanAndParentsCommandsAndTransfers() throws Exception {
        Files.write(root.resolve("down.bin"), new byte[1500]);
        Span job = clientSpans.openTelemetry().getTracer("test").spanBuilder("nightly sync").startSpan();
        Scope scope = job.makeCurrent();
        try (FtpClient ftp = connect()) {
            assertThatThrownBy(() -> ftp.login(TestServer.USER, "wrong")).isInstanceOf(FtpReplyException.class);
            ftp.login(TestServer.USER, TestServer.PASSWORD);
            ftp.store(new ByteArrayInputStream(new byte[3000]), "up.bin");
            assertThat(ftp.retrieve("down.bin", new ByteArrayOutputStream())).isEqualTo(1500);
            assertThatThrownBy(() -> ftp.retrieve("missing.bin", new ByteArrayOutputStream()))
                    .isInstanceOf(FtpReplyException.class);
            ftp.quit();
        } finally {
            scope.close();
            job.end();
        }
        clientSpans.awaitSessionsEnded(1);

        SpanData session = clientSpans.only("FTP session");
        assertThat(session.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(session.getParentSpanId()).isEqualTo(job.getSpanContext().getSpanId());
        assertThat(session.getTraceId()).isEqualTo(job.getSpanContext().getTraceId());
        assertThat(session.getAttributes().get(FtpAttributes.SERVER_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(session.getAttributes().get(FtpAttributes.SERVER_PORT)).isEqualTo(server.port());
        assertThat(session.getAttributes().get(FtpAttributes.NETWORK_PEER_PORT)).isEqualTo(server.port());
        assertThat(session.getAttributes().get(FtpAttributes.USER)).isEqualTo(TestServer.USER);
        assertThat(session.getEvents()).extracting(e -> e.getAttributes().get(FtpAttributes.LOGIN_SUCCESS))
                .containsExactly(false, true);
        assertThat(session.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);

        List<SpanData> children = clientSpans.childrenOf(session);
        assertThat(children).hasSize(clientSpans.all().size() - 2); // all but the job and the session
        assertThat(clientSpans.named("FTP PASS")).extracting(s -> s.getAttributes().get(FtpAttributes.REPLY_CODE))
                .containsExactly(530L, 230L);
        assertThat(clientSpans.named("FTP RETR")).extracting(s -> s.getAttributes().get(FtpAttributes.REPLY_CODE))
                .containsExactly(226L, 550L);
        assertThat(clientSpans.named("FTP RETR")).extracting(s -> s.getStatus().getStatusCode())
                .containsExactly(StatusCode.UNSET, StatusCode.ERROR);
        assertThat(clientSpans.only("FTP STOR").getAttributes().get(FtpAttributes.REPLY_CODE)).isEqualTo(226L);
        assertThat(clientSpans.only("FTP QUIT").getAttributes().get(FtpAttributes.REPLY_CODE)).isEqualTo(221L);

        SpanData upload = clientSpans.only("FTP upload");
        assertThat(upload.getAttributes().get(FtpAttributes.TRANSFER_BYTES)).isEqualTo(3000L);
        assertThat(upload.getAttributes().get(FtpAttributes.PATH)).isEqualTo("up.bin");
        assertThat(upload.getAttributes().get(FtpAttributes.COMMAND)).isEqualTo("STOR");
        SpanData download = clientSpans.only("FTP download");
        assertThat(download.getAttributes().get(FtpAttributes.TRANSFER_BYTES)).isEqualTo(1500L);
        assertThat(download.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void clientAndServerSpansAgreeOnBytesAndReplyCodes() throws Exception {
        Files.write(root.resolve("down.bin"), new byte[4321]);
        try (FtpClient ftp = connect()) {
            ftp.login(TestServer.USER, TestServer.PASSWORD);
            ftp.store(new ByteArrayInputStream(new byte[9876]), "up.bin");
            ftp.retrieve("down.bin", new ByteArrayOutputStream());
            ftp.quit();
        }
        clientSpans.awaitSessionsEnded(1);
        serverSpans.awaitSessionsEnded(1);

        for (RecordedSpans side : List.of(clientSpans, serverSpans)) {
            assertThat(side.only("FTP upload").getAttributes().get(FtpAttributes.TRANSFER_BYTES)).isEqualTo(9876L);
            assertThat(side.only("FTP download").getAttributes().get(FtpAttributes.TRANSFER_BYTES)).isEqualTo(4321L);
            assertThat(side.only("FTP STOR").getAttributes().get(FtpAttributes.REPLY_CODE)).isEqualTo(226L);
        }
        // the server answered each command the client sent, with the same code
        assertThat(codes(serverSpans)).isEqualTo(codes(clientSpans));
    }

    private static List<String> codes(RecordedSpans side) {
        return side.all().stream().filter(s -> s.getAttributes().get(FtpAttributes.REPLY_CODE) != null)
                .sorted(java.util.Comparator.comparingLong(SpanData::getStartEpochNanos))
                .map(s -> s.getName() + " " + s.getAttributes().get(FtpAttributes.REPLY_CODE)).toList();
    }

    @Test
    void abortedDownloadEndsItsTransferSpanWithAnError() throws Exception {
        try (RandomAccessFile big = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            big.setLength(64L << 20); // more than loopback buffers hold: the transfer is still running at ABOR
        }
        try (FtpClient ftp = connect()) {
            ftp.login(TestServer.USER, TestServer.PASSWORD);
            try (InputStream in = ftp.retrieve("big.bin")) {
                assertThat(in.readNBytes(1000)).hasSize(1000);
            } // closed early: ABOR
            ftp.noop();
        }
        clientSpans.awaitSessionsEnded(1);

        SpanData download = clientSpans.only("FTP download");
        assertThat(download.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(download.getAttributes().get(FtpAttributes.TRANSFER_BYTES)).isEqualTo(1000L);
        assertThat(clientSpans.only("FTP RETR").getAttributes().get(FtpAttributes.REPLY_CODE)).isEqualTo(426L);
        assertThat(clientSpans.only("FTP ABOR").getAttributes().get(FtpAttributes.REPLY_CODE)).isIn(225L, 226L);
        assertThat(clientSpans.named("FTP NOOP")).extracting(s -> s.getAttributes().get(FtpAttributes.REPLY_CODE))
                .containsExactly(200L, 200L);
    }

    @Test
    void refusedConnectionEndsTheSessionSpanWithTheException() {
        int closedPort = FreePorts.pick();
        FtpClientConfig config = FtpClientConfig.builder()
                .clientListener(ClientTracing.create(clientSpans.openTelemetry())).build();
        assertThatThrownBy(() -> FtpClient.connect(config, "127.0.0.1", closedPort)).isInstanceOf(IOException.class);

        SpanData session = clientSpans.only("FTP session");
        assertThat(session.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(session.getEvents()).extracting(EventData::getName).containsExactly("exception");
        assertThat(clientSpans.all()).hasSize(1);
    }
}
