package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.core.FtpReplyException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dev.ftpkit.* JFR events of server and client, recorded in-process and read back from the dump. */
class JfrEventsTest extends ServerFixture {

    @TempDir
    Path dumps;

    @Test
    void sessionsLoginsAndTransfersOfServerAndClientAreRecorded() throws Exception {
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            for (String name : new String[] {"Session", "Login", "Transfer", "Command"}) {
                recording.enable("dev.ftpkit.server." + name).withThreshold(java.time.Duration.ZERO);
                recording.enable("dev.ftpkit.client." + name).withThreshold(java.time.Duration.ZERO);
            }
            recording.start();
            runWorkload();
            recording.stop();
            events = readBack(recording);
        }

        assertThat(fields(events, "dev.ftpkit.server.Login", "user", "success"))
                .containsExactly("alice false", "alice true");
        assertThat(fields(events, "dev.ftpkit.client.Login", "user", "success"))
                .containsExactly("alice false", "alice true");
        assertThat(fields(events, "dev.ftpkit.server.Transfer", "verb", "path", "direction", "bytes", "success", "user"))
                .containsExactly("STOR up.bin upload 1000 true alice", "RETR down.bin download 1500 true alice");
        assertThat(fields(events, "dev.ftpkit.client.Transfer", "verb", "path", "direction", "bytes", "success"))
                .containsExactly("STOR up.bin upload 1000 true", "RETR down.bin download 1500 true");
        assertThat(fields(events, "dev.ftpkit.server.Session", "client", "user")).containsExactly("127.0.0.1 alice");
        assertThat(fields(events, "dev.ftpkit.client.Session", "server", "user")).containsExactly("127.0.0.1 alice");
        assertThat(fields(events, "dev.ftpkit.server.Command", "verb", "replyCode")).contains("PASS 530", "PASS 230",
                "STOR 226", "QUIT 221");
        RecordedEvent transfer = events.stream()
                .filter(e -> e.getEventType().getName().equals("dev.ftpkit.server.Transfer")).findFirst().orElseThrow();
        assertThat(transfer.getDuration()).isPositive();
        assertThat(transfer.getStackTrace()).isNull();
    }

    @Test
    void commandEventsAreOffInTheDefaultConfigurationTheOthersOn() throws Exception {
        List<RecordedEvent> events;
        try (Recording recording = new Recording(Configuration.getConfiguration("default"))) {
            recording.start();
            runWorkload();
            recording.stop();
            events = readBack(recording);
        }
        assertThat(fields(events, "dev.ftpkit.server.Command", "verb")).isEmpty();
        assertThat(fields(events, "dev.ftpkit.server.Login", "success")).containsExactly("false", "true");
    }

    private void runWorkload() throws Exception {
        Files.write(root.resolve("down.bin"), new byte[1500]);
        CountDownLatch gone = new CountDownLatch(1);
        server = TestServers.builder(root).listener(countingDownOnDisconnect(gone)).build().start();
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", server.port())) {
            assertThatThrownBy(() -> ftp.login(TestServers.USER, "wrong")).isInstanceOf(FtpReplyException.class);
            ftp.login(TestServers.USER, TestServers.PASSWORD);
            ftp.store(new ByteArrayInputStream(new byte[1000]), "up.bin");
            ftp.retrieve("down.bin", new ByteArrayOutputStream());
            ftp.quit();
        }
        assertThat(gone.await(20, TimeUnit.SECONDS)).isTrue(); // the server's Session event is committed then
    }

    private List<RecordedEvent> readBack(Recording recording) throws Exception {
        Path dump = dumps.resolve("recording.jfr");
        recording.dump(dump);
        return RecordingFile.readAllEvents(dump).stream()
                .filter(e -> e.getEventType().getName().startsWith("dev.ftpkit."))
                .sorted(java.util.Comparator.comparing(RecordedEvent::getStartTime))
                .collect(Collectors.toList());
    }

    /** The named fields of each event of one type, space-separated, in start order. */
    private static List<String> fields(List<RecordedEvent> events, String type, String... names) {
        return events.stream()
                .filter(e -> e.getEventType().getName().equals(type))
                .map(e -> java.util.Arrays.stream(names).map(n -> String.valueOf(e.<Object>getValue(n)))
                        .collect(Collectors.joining(" ")))
                .collect(Collectors.toList());
    }
}
