package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.TransferType;
import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.list.ListEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ftpkit client against the ftpkit server in MODE Z: what arrives equals what was sent. */
class FtpkitClientModeZTest {

    @TempDir
    Path root;

    private static FtpClient connect(FtpServer server, boolean modeZ) throws Exception {
        FtpClient client = FtpClientConfig.builder().modeZ(modeZ).modeZLevel(9).timeouts(Duration.ofSeconds(30))
                .build().connect("127.0.0.1", server.port());
        client.login(TestServers.USER, TestServers.PASSWORD);
        return client;
    }

    private static byte[] roundTrip(FtpClient client, byte[] bytes, String name) throws Exception {
        client.store(new ByteArrayInputStream(bytes), name);
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        client.retrieve(name, back);
        return back.toByteArray();
    }

    @Test
    void binaryUploadsAndDownloadsAreByteIdentical() throws Exception {
        byte[] compressible = ModeZTest.text(100_000);
        byte[] incompressible = ModeZTest.random(1_000_000, 11);
        try (FtpServer server = TestServers.builder(root).modeZ(1).build().start();
             FtpClient client = connect(server, true)) {
            assertThat(client.features().has("MODE", "Z")).isTrue();

            assertThat(roundTrip(client, compressible, "text.csv")).isEqualTo(compressible);
            assertThat(roundTrip(client, incompressible, "random.bin")).isEqualTo(incompressible);
            assertThat(roundTrip(client, new byte[0], "empty.bin")).isEmpty();
            assertThat(client.list("")).extracting(ListEntry::name)
                    .containsExactlyInAnyOrder("text.csv", "random.bin", "empty.bin");
        }
        assertThat(Files.readAllBytes(root.resolve("text.csv"))).isEqualTo(compressible);
        assertThat(Files.readAllBytes(root.resolve("random.bin"))).isEqualTo(incompressible);
    }

    @Test
    void asciiTransfersConvertLineEndsUnderModeZ() throws Exception {
        byte[] local = "one\ntwo\n".replace("\n", System.lineSeparator()).getBytes(StandardCharsets.US_ASCII);
        try (FtpServer server = TestServers.builder(root).modeZ(6).build().start();
             FtpClient client = connect(server, true)) {
            client.setTransferType(TransferType.ASCII);

            assertThat(roundTrip(client, local, "lines.txt")).isEqualTo(local);
        }
        assertThat(Files.readString(root.resolve("lines.txt"))).isEqualTo("one\ntwo\n");
    }

    @Test
    void abortMidDownloadLeavesTheSessionUsable() throws Exception {
        byte[] big = ModeZTest.random(8_000_000, 12);
        Files.write(root.resolve("big.bin"), big);
        try (FtpServer server = TestServers.builder(root).modeZ(6).build().start();
             FtpClient client = connect(server, true)) {
            try (InputStream in = client.retrieve("big.bin")) {
                assertThat(in.readNBytes(100_000)).isEqualTo(java.util.Arrays.copyOf(big, 100_000));
            } // closed before the end: ABOR

            byte[] small = ModeZTest.text(1000);
            assertThat(roundTrip(client, small, "after.txt")).isEqualTo(small);
        }
    }

    @Test
    void abortMidUploadStoresNothing() throws Exception {
        try (FtpServer server = TestServers.builder(root).modeZ(6).build().start();
             FtpClient client = connect(server, true)) {
            java.io.OutputStream out = client.store("partial.bin");
            out.write(ModeZTest.random(500_000, 15));
            out.flush();
            client.abort(); // the zlib stream never ends: the server must not commit what it got

            assertThat(client.listNames("")).isEmpty();
        }
        assertThat(root.resolve("partial.bin")).doesNotExist();
    }

    @Test
    void switchingBackToModeSWorks() throws Exception {
        byte[] bytes = ModeZTest.random(50_000, 13);
        try (FtpServer server = TestServers.builder(root).modeZ(6).build().start();
             FtpClient client = connect(server, true)) {
            assertThat(roundTrip(client, bytes, "z.bin")).isEqualTo(bytes);
            client.setModeZ(false);
            assertThat(client.modeZ()).isFalse();
            assertThat(roundTrip(client, bytes, "s.bin")).isEqualTo(bytes);
            assertThat(client.status().text()).contains("MODE: Stream");
        }
    }

    @Test
    void serverWithoutModeZRefusesTheTransferWith504() throws Exception {
        try (FtpServer server = TestServers.start(root); FtpClient client = connect(server, true)) {
            assertThatThrownBy(() -> client.store(new ByteArrayInputStream(new byte[1]), "x.bin"))
                    .isInstanceOfSatisfying(FtpReplyException.class,
                            e -> assertThat(e.reply().codeValue()).isEqualTo(504));
            client.setModeZ(false);
            client.store(new ByteArrayInputStream(new byte[1]), "x.bin");
        }
        assertThat(root.resolve("x.bin")).hasSize(1);
    }

    @Test
    void resumeIsRefusedUnderModeZ() throws Exception {
        Files.write(root.resolve("f.bin"), ModeZTest.random(1000, 14));
        try (FtpServer server = TestServers.builder(root).modeZ(6).build().start();
             FtpClient client = connect(server, true)) {
            client.store(new ByteArrayInputStream(new byte[1]), "warmup.bin"); // MODE Z is now in effect
            assertThatThrownBy(() -> client.retrieve("f.bin", 10))
                    .isInstanceOfSatisfying(FtpReplyException.class,
                            e -> assertThat(e.reply().codeValue()).isEqualTo(504));
        }
    }
}
