package dev.ftpkit.testing;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.core.FtpReplyException;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fault of {@link Fault}, struck on a real session, and what a client sees of it. */
class FaultInjectionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private final byte[] content = new byte[200_000];
    private FtpTestServer server;

    @BeforeEach
    void start() throws IOException {
        new Random(17).nextBytes(content);
        server = FtpTestServer.builder().user("alice", "secret").file("/data.bin", content).start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FtpClient client(Duration timeout) throws IOException {
        FtpClient client = FtpClient.connect(FtpClientConfig.builder().timeouts(timeout).build(), server.host(),
                server.port());
        client.login("alice", "secret");
        return client;
    }

    private FTPClient commonsNet() throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setDefaultTimeout((int) WAIT.toMillis());
        ftp.connect(server.host(), server.port());
        return ftp;
    }

    @Test
    void a421AtTheThirdCommandClosesTheSessionAndStrikesOnlyOnce() throws Exception {
        server.inject(Fault.reply(421, "Too busy").atCommand(3));
        FTPClient ftp = commonsNet();
        assertThat(ftp.login("alice", "secret")).isTrue();
        assertThatThrownBy(ftp::sendNoOp).isInstanceOf(FTPConnectionClosedException.class);
        assertThat(ftp.getReplyCode()).isEqualTo(421);
        server.transcript().awaitAllDisconnected(WAIT);

        FTPClient again = commonsNet();
        assertThat(again.login("alice", "secret")).isTrue();
        assertThat(again.sendNoOp()).isTrue();
        again.disconnect();
    }

    @Test
    void pasvCanBeAnswered425() throws Exception {
        server.inject(Fault.reply(425, "No data port").on("PASV"));
        FTPClient ftp = commonsNet();
        ftp.login("alice", "secret");
        assertThat(ftp.pasv()).isEqualTo(425);
        assertThat(ftp.pasv()).isEqualTo(227);
        ftp.disconnect();
    }

    @Test
    void storCanBeAnswered550AndStoresNothing() throws Exception {
        server.inject(Fault.reply(550, "Not today").on("STOR"));
        try (FtpClient client = client(WAIT)) {
            assertThatThrownBy(() -> client.store(new ByteArrayInputStream(content), "up.bin"))
                    .isInstanceOfSatisfying(FtpReplyException.class, e -> assertThat(e.reply().code().value()).isEqualTo(550));
        }
        assertThat(server.root().resolve("up.bin")).doesNotExist();
    }

    @Test
    void aDelayedReplyArrivesLateButComplete() throws Exception {
        server.inject(Fault.delay(Duration.ofMillis(1500)).on("PWD"));
        FTPClient tooImpatient = commonsNet();
        tooImpatient.login("alice", "secret");
        tooImpatient.setSoTimeout(300); // only now: logging in on a loaded machine may take longer
        assertThatThrownBy(tooImpatient::printWorkingDirectory).isInstanceOf(SocketTimeoutException.class);
        tooImpatient.disconnect();

        server.inject(Fault.delay(Duration.ofMillis(200)).on("PWD"));
        try (FtpClient patient = client(WAIT)) {
            assertThat(patient.workingDirectory()).isEqualTo("/");
        }
    }

    @Test
    void aGarbledLineIsSeenBeforeTheReply() throws Exception {
        server.inject(Fault.garbledReply("2x0 what is this").on("NOOP"));
        FTPClient ftp = commonsNet();
        ftp.login("alice", "secret");
        assertThatThrownBy(ftp::noop).isInstanceOf(IOException.class);
        server.transcript().awaitCommand("NOOP", WAIT);
    }

    @Test
    void aResetControlConnectionFailsTheClientsCommand() throws Exception {
        server.inject(Fault.resetControlConnection().on("SIZE"));
        try (FtpClient client = client(WAIT)) {
            assertThatThrownBy(() -> client.size("/data.bin")).isInstanceOf(IOException.class)
                    .isNotInstanceOf(FtpReplyException.class);
        }
        server.transcript().awaitAllDisconnected(WAIT);
    }

    @Test
    void aDroppedDownloadDeliversExactlyTheBytesBeforeTheDropAndAnswers426() throws Exception {
        server.inject(Fault.dropDataAfter(50_000).on("RETR"));
        FTPClient ftp = commonsNet();
        ftp.login("alice", "secret");
        ftp.setFileType(FTP.BINARY_FILE_TYPE);
        ftp.enterLocalPassiveMode();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean done = ftp.retrieveFile("/data.bin", received);
        assertThat(done).isFalse();
        assertThat(ftp.getReplyCode()).isEqualTo(426);
        assertThat(received.toByteArray()).hasSize(50_000);
        ftp.disconnect();
    }

    @Test
    void aDroppedUploadFailsAndLeavesNoFile() throws Exception {
        server.inject(Fault.dropDataAfter(10_000).on("STOR"));
        byte[] big = new byte[4 << 20];
        try (FtpClient client = client(WAIT)) {
            assertThatThrownBy(() -> client.store(new ByteArrayInputStream(big), "up.bin"))
                    .isInstanceOf(IOException.class);
        }
        server.transcript().awaitReply(426, WAIT);
        assertThat(server.root().resolve("up.bin")).doesNotExist();
    }

    @Test
    void aStalledDownloadTripsTheClientsReadTimeoutAndEndsWhenTheClientLeaves() throws Exception {
        server.inject(Fault.stallDataAfter(1000).on("RETR"));
        try (FtpClient client = client(Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> {
                try (InputStream in = client.retrieve("/data.bin")) {
                    in.readAllBytes();
                }
            }).isInstanceOf(IOException.class);
        }
        server.transcript().awaitAllDisconnected(WAIT);
    }

    @Test
    void drippedDataArrivesCompleteInManySmallSteps() throws Exception {
        byte[] small = new byte[2000];
        new Random(3).nextBytes(small);
        Files.write(server.root().resolve("small.bin"), small);
        server.inject(Fault.dripData(500, Duration.ofMillis(20)).on("RETR"));
        try (FtpClient client = client(WAIT)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.retrieve("/small.bin", out);
            assertThat(out.toByteArray()).isEqualTo(small);
        }
    }

    @Test
    void aFaultWithTimesStrikesThatOftenAndAlwaysNeverWearsOff() throws Exception {
        server.inject(Fault.reply(550, "no").on("MKD").times(2));
        server.inject(Fault.reply(502, "never").on("SYST").always());
        try (FtpClient client = client(WAIT)) {
            assertThatThrownBy(() -> client.makeDirectory("a")).isInstanceOf(FtpReplyException.class);
            assertThatThrownBy(() -> client.makeDirectory("a")).isInstanceOf(FtpReplyException.class);
            assertThat(client.makeDirectory("a")).isEqualTo("/a");
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(client::system).isInstanceOf(FtpReplyException.class);
            }
        }
    }

    @Test
    void aDataFaultWaitsForATransferCommand() throws Exception {
        server.inject(Fault.dropDataAfter(0));
        try (FtpClient client = client(WAIT)) {
            assertThat(client.workingDirectory()).isEqualTo("/");
            assertThatThrownBy(() -> client.retrieve("/data.bin", new ByteArrayOutputStream()))
                    .isInstanceOf(IOException.class);
            assertThat(client.retrieve("/data.bin", new ByteArrayOutputStream())).isEqualTo(content.length);
        }
    }

    @Test
    void faultsNameTheOptionTheyRefuse() {
        assertThatThrownBy(() -> Fault.dropDataAfter(-1)).hasMessageContaining("bytes");
        assertThatThrownBy(() -> Fault.dripData(0, Duration.ofMillis(1))).hasMessageContaining("dripData");
        assertThatThrownBy(() -> Fault.delay(Duration.ZERO)).hasMessageContaining("delay");
        assertThatThrownBy(() -> Fault.reply(421, "x").atCommand(0)).hasMessageContaining("atCommand");
        assertThatThrownBy(() -> Fault.reply(421, "x").on("NOT A VERB")).hasMessageContaining("on(verb)");
        assertThat(Fault.reply(421, "x").on("pasv").times(2)).hasToString("reply 421 on PASV, 2 times");
    }
}
