package dev.ftpkit.opentelemetry;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.server.FtpServer;
import dev.ftpkit.testsupport.Peers;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ServerTracing turns what real clients do into session, command and transfer spans with exact attributes. */
class ServerTracingTest {

    @TempDir
    Path root;
    @TempDir
    Path work;

    private RecordedSpans spans;
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        spans = new RecordedSpans();
        ServerTracing tracing = ServerTracing.create(spans.openTelemetry());
        server = TestServer.builder(root).listener(tracing).hook(tracing).build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        spans.close();
    }

    @Test
    void sessionSpanParentsEveryCommandAndTransferOfTheFtpkitClient() throws Exception {
        Files.write(root.resolve("down.bin"), new byte[1500]);
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            assertThatThrownBy(() -> ftp.login(TestServer.USER, "wrong")).isInstanceOf(FtpReplyException.class);
            ftp.login(TestServer.USER, TestServer.PASSWORD);
            ftp.store(new ByteArrayInputStream(new byte[3000]), "up.bin");
            assertThat(ftp.retrieve("down.bin", new ByteArrayOutputStream())).isEqualTo(1500);
            assertThatThrownBy(() -> ftp.retrieve("missing.bin", new ByteArrayOutputStream()))
                    .isInstanceOf(FtpReplyException.class);
            ftp.quit();
        }
        spans.awaitSessionsEnded(1);

        SpanData session = spans.only("FTP session");
        assertThat(session.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(RecordedSpans.isRoot(session)).isTrue();
        assertThat(session.getAttributes().get(FtpAttributes.USER)).isEqualTo(TestServer.USER);
        assertThat(session.getAttributes().get(FtpAttributes.CLIENT_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(session.getAttributes().get(FtpAttributes.NETWORK_PEER_ADDRESS)).isEqualTo("127.0.0.1");
        assertThat(session.getAttributes().get(FtpAttributes.NETWORK_LOCAL_PORT)).isEqualTo(server.port());
        assertThat(session.getAttributes().get(FtpAttributes.SESSION_ID)).isNotEmpty();
        List<EventData> logins = session.getEvents();
        assertThat(logins).extracting(EventData::getName).containsExactly("ftp.login", "ftp.login");
        assertThat(logins).extracting(e -> e.getAttributes().get(FtpAttributes.LOGIN_SUCCESS))
                .containsExactly(false, true);

        // every other span is the session's child, in its trace
        List<SpanData> children = spans.childrenOf(session);
        assertThat(children).hasSize(spans.all().size() - 1);
        assertThat(children).allSatisfy(span ->
                assertThat(span.getTraceId()).isEqualTo(session.getTraceId()));

        assertThat(spans.named("FTP PASS")).extracting(s -> s.getAttributes().get(FtpAttributes.REPLY_CODE))
                .containsExactly(530L, 230L);
        assertThat(spans.named("FTP PASS")).extracting(s -> s.getStatus().getStatusCode())
                .containsExactly(StatusCode.ERROR, StatusCode.UNSET);
        SpanData stor = spans.only("FTP STOR");
        assertThat(stor.getAttributes().get(FtpAttributes.COMMAND)).isEqualTo("STOR");
        assertThat(stor.getAttributes().get(FtpAttributes.REPLY_CODE)).isEqualTo(226L);
        assertThat(spans.named("FTP RETR")).extracting(s -> s.getAttributes().get(FtpAttributes.REPLY_CODE))
                .containsExactly(226L, 550L);
        assertThat(spans.only("FTP QUIT").getAttributes().get(FtpAttributes.REPLY_CODE)).isEqualTo(221L);

        SpanData upload = spans.only("FTP upload");
        assertThat(upload.getAttributes().get(FtpAttributes.TRANSFER_BYTES)).isEqualTo(3000L);
        assertThat(upload.getAttributes().get(FtpAttributes.PATH)).isEqualTo("up.bin");
        assertThat(upload.getAttributes().get(FtpAttributes.TRANSFER_DIRECTION)).isEqualTo("upload");
        assertThat(upload.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        SpanData download = spans.only("FTP download");
        assertThat(download.getAttributes().get(FtpAttributes.TRANSFER_BYTES)).isEqualTo(1500L);
        assertThat(download.getAttributes().get(FtpAttributes.COMMAND)).isEqualTo("RETR");
        // the transfer ran within its command's span
        assertThat(upload.getStartEpochNanos()).isGreaterThanOrEqualTo(stor.getStartEpochNanos());
        assertThat(upload.getEndEpochNanos()).isLessThanOrEqualTo(stor.getEndEpochNanos());
    }

    @Test
    void unknownVerbGetsOneFixedSpanNameAndAnErrorStatus() throws Exception {
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            ftp.login(TestServer.USER, TestServer.PASSWORD);
            assertThat(ftp.sendCommand("XYZZY", null).codeValue()).isIn(500, 502);
            ftp.quit();
        }
        spans.awaitSessionsEnded(1);

        SpanData other = spans.only("FTP OTHER");
        assertThat(other.getAttributes().get(FtpAttributes.COMMAND)).isEqualTo("XYZZY");
        assertThat(other.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(other.getParentSpanId()).isEqualTo(spans.only("FTP session").getSpanId());
    }

    @Test
    void commandRefusedBeforeLoginStillGetsItsSpan() throws Exception {
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            assertThatThrownBy(() -> ftp.delete("x")).isInstanceOf(FtpReplyException.class);
        }
        spans.awaitSessionsEnded(1);

        SpanData dele = spans.only("FTP DELE");
        assertThat(dele.getAttributes().get(FtpAttributes.REPLY_CODE)).isEqualTo(530L);
        assertThat(dele.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void curlUploadAndDownloadGiveTransferSpansWithExactBytes() throws Exception {
        Path curl = Peers.require("curl");
        byte[] content = new byte[12_345];
        new java.util.Random(7).nextBytes(content);
        Files.write(work.resolve("up.bin"), content);
        String url = "ftp://" + TestServer.USER + ":" + TestServer.PASSWORD + "@127.0.0.1:" + server.port() + "/";
        assertThat(run(curl.toString(), "-sS", "--max-time", "20", "-T", "up.bin", url + "up.bin")).isZero();
        assertThat(run(curl.toString(), "-sS", "--max-time", "20", "-o", "back.bin", url + "up.bin")).isZero();
        spans.awaitSessionsEnded(2);

        assertThat(Files.readAllBytes(work.resolve("back.bin"))).isEqualTo(content);
        assertThat(spans.only("FTP upload").getAttributes().get(FtpAttributes.TRANSFER_BYTES)).isEqualTo(12_345L);
        assertThat(spans.only("FTP download").getAttributes().get(FtpAttributes.TRANSFER_BYTES)).isEqualTo(12_345L);
        List<SpanData> sessions = spans.named("FTP session");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).getTraceId()).isNotEqualTo(sessions.get(1).getTraceId());
        assertThat(spans.only("FTP upload").getParentSpanId()).isIn(sessions.get(0).getSpanId(),
                sessions.get(1).getSpanId());
    }

    private int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("curl.log").toFile()).start();
        try {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("curl finished").isTrue();
            return process.exitValue();
        } finally {
            process.destroyForcibly();
        }
    }
}
