package dev.ftpkit.server;

import dev.ftpkit.core.FeatureSet;
import dev.ftpkit.core.Reply;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** MODE Z (draft-preston-ftpext-deflate): offered when configured, each transfer one zlib stream. */
class ModeZTest {

    @TempDir
    Path root;
    @TempDir
    Path local;

    private FtpServer start() throws IOException {
        return TestServers.builder(root).modeZ(6).build().start();
    }

    /** Incompressible bytes (also for {@code FtpkitClientModeZTest}). */
    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Compressible text with LF line ends. */
    static byte[] text(int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append("line ").append(i).append(" of a compressible file\n");
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] deflate(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflating = new DeflaterOutputStream(out)) {
            deflating.write(bytes);
        }
        return out.toByteArray();
    }

    /** PASV, the command, the whole zlib stream inflated, and the final reply. */
    private static byte[] retrieveDeflated(RawFtp ftp, String command) throws IOException {
        try (Socket data = ftp.passive()) {
            ftp.expect(150, command);
            byte[] bytes;
            try (InputStream in = new InflaterInputStream(data.getInputStream())) {
                bytes = in.readAllBytes();
            }
            assertThat(ftp.read().codeValue()).isEqualTo(226);
            return bytes;
        }
    }

    @Test
    void featListsModeZOnlyWhenConfigured() throws Exception {
        try (FtpServer plain = TestServers.start(root); RawFtp ftp = RawFtp.login(plain.port())) {
            assertThat(FeatureSet.parse(ftp.send("FEAT")).has("MODE", "Z")).isFalse();
            assertThat(ftp.send("MODE Z").codeValue()).isEqualTo(504);
        }
        try (FtpServer server = start(); RawFtp ftp = RawFtp.login(server.port())) {
            assertThat(FeatureSet.parse(ftp.send("FEAT")).has("MODE", "Z")).isTrue();
            ftp.expect(200, "MODE Z");
            ftp.expect(200, "MODE S");
        }
    }

    @Test
    void retrieveSendsOneZlibStreamOfTheFile() throws Exception {
        byte[] compressible = text(20_000);
        byte[] incompressible = random(300_000, 1);
        Files.write(root.resolve("text.txt"), compressible);
        Files.write(root.resolve("random.bin"), incompressible);
        Files.write(root.resolve("empty.bin"), new byte[0]);
        try (FtpServer server = start(); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "MODE Z");

            assertThat(retrieveDeflated(ftp, "RETR text.txt")).isEqualTo(compressible);
            assertThat(retrieveDeflated(ftp, "RETR random.bin")).isEqualTo(incompressible);
            assertThat(retrieveDeflated(ftp, "RETR empty.bin")).isEmpty();
        }
    }

    @Test
    void asciiRetrieveDeflatesTheNetworkForm() throws Exception {
        Files.write(root.resolve("unix.txt"), "one\ntwo\n".getBytes(StandardCharsets.US_ASCII));
        try (FtpServer server = start(); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "TYPE A");
            ftp.expect(200, "MODE Z");

            assertThat(new String(retrieveDeflated(ftp, "RETR unix.txt"), StandardCharsets.US_ASCII))
                    .isEqualTo("one\r\ntwo\r\n");
        }
    }

    @Test
    void listingIsDeflatedToo() throws Exception {
        Files.write(root.resolve("listed.txt"), new byte[3]);
        try (FtpServer server = start(); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "MODE Z");

            assertThat(new String(retrieveDeflated(ftp, "NLST"), StandardCharsets.UTF_8)).isEqualTo("listed.txt\r\n");
        }
    }

    @Test
    void storeInflatesTheUpload() throws Exception {
        byte[] compressible = text(30_000);
        byte[] incompressible = random(200_000, 2);
        try (FtpServer server = start(); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "MODE Z");
            ftp.expect(200, "OPTS MODE Z LEVEL 9");

            ftp.store("text.txt", deflate(compressible));
            ftp.store("random.bin", deflate(incompressible));
        }
        assertThat(Files.readAllBytes(root.resolve("text.txt"))).isEqualTo(compressible);
        assertThat(Files.readAllBytes(root.resolve("random.bin"))).isEqualTo(incompressible);
    }

    @Test
    void uploadCutInsideTheZlibStreamFailsAndCommitsNothing() throws Exception {
        byte[] whole = deflate(random(100_000, 3));
        try (FtpServer server = start(); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "MODE Z");
            try (Socket data = ftp.passive()) {
                ftp.expect(150, "STOR cut.bin");
                data.getOutputStream().write(Arrays.copyOf(whole, whole.length / 2));
                data.shutdownOutput();
                assertThat(ftp.read().codeValue()).isEqualTo(426);
            }
        }
        assertThat(root.resolve("cut.bin")).doesNotExist();
    }

    @Test
    void restartIsRefusedInModeZ() throws Exception {
        try (FtpServer server = start(); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(350, "REST 10");
            ftp.expect(200, "MODE Z"); // drops the pending offset
            assertThat(ftp.send("REST 10").codeValue()).isEqualTo(504);
            ftp.expect(350, "REST 0");
            assertThat(ftp.send("OPTS MODE Z LEVEL 10").codeValue()).isEqualTo(501);
            assertThat(ftp.send("STAT").text()).contains("MODE: Deflate");
        }
    }

    @Test
    void storedLevelZeroStillRoundTrips() throws Exception {
        byte[] bytes = text(1000);
        Files.write(root.resolve("t.txt"), bytes);
        try (FtpServer server = start(); RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "OPTS MODE Z LEVEL 0");
            ftp.expect(200, "MODE Z");
            assertThat(retrieveDeflated(ftp, "RETR t.txt")).isEqualTo(bytes);
        }
    }

    @Test
    void lftpDownloadsAndUploadsWithModeZ() throws Exception {
        Path lftp = Peers.require("lftp");
        byte[] down = text(50_000);
        byte[] up = random(150_000, 4);
        Files.write(root.resolve("down.txt"), down);
        Files.write(local.resolve("up.bin"), up);
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (FtpServer server = TestServers.builder(root).modeZ(6).listener(new ServerListener() {
            @Override
            public void commandHandled(FtpSession session, dev.ftpkit.core.Command command, Reply reply) {
                seen.add(command + " " + reply.codeValue());
            }
        }).build().start()) {
            String script = "set net:max-retries 1; set net:timeout 10; set cmd:fail-exit true; "
                    + "set ftp:use-mode-z yes; "
                    + "open -u " + TestServers.USER + "," + TestServers.PASSWORD + " -p " + server.port()
                    + " 127.0.0.1; get down.txt -o " + local.resolve("down.txt") + "; put "
                    + local.resolve("up.bin") + " -o up.bin; bye";
            Processes.Result result = Processes.run(local, Duration.ofSeconds(60),
                    List.of(lftp.toString(), "-c", script));

            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        assertThat(seen).as("lftp switched to MODE Z").contains("MODE Z 200");
        assertThat(Files.readAllBytes(local.resolve("down.txt"))).isEqualTo(down);
        assertThat(Files.readAllBytes(root.resolve("up.bin"))).isEqualTo(up);
    }
}
