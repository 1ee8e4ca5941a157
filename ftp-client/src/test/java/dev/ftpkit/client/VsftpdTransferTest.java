package dev.ftpkit.client;

import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Resume, abort, ASCII and a large file against a real vsftpd. */
class VsftpdTransferTest {

    @TempDir
    Path dir;

    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static FtpClient connect(Vsftpd vsftpd, FtpClientConfig config) throws Exception {
        FtpClient client = FtpClient.connect(config, vsftpd.host(), vsftpd.port());
        client.loginAnonymous();
        return client;
    }

    private static FtpClientConfig quick() {
        return FtpClientConfig.builder().timeouts(Duration.ofSeconds(10)).build();
    }

    @Test
    void resumedDownloadAppendsTheRestToThePartialFile() throws Exception {
        RecordingProtocolListener dialogue = new RecordingProtocolListener();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            byte[] content = randomBytes(1_000_000, 10);
            Files.write(vsftpd.root().resolve("resume.bin"), content);
            Path local = Files.write(dir.resolve("resume.bin"), Arrays.copyOf(content, 333_333));

            try (FtpClient client = connect(vsftpd, quick().toBuilder().protocolListener(dialogue).build())) {
                long received = client.resumeRetrieve("resume.bin", local);

                assertThat(received).isEqualTo(content.length - 333_333);
            }
            assertThat(Files.readAllBytes(local)).isEqualTo(content);
            assertThat(dialogue.commands).anySatisfy(c -> assertThat(c.toString()).isEqualTo("REST 333333"));
        }
    }

    @Test
    void resumedUploadSendsOnlyTheMissingBytes() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start();
             FtpClient client = connect(vsftpd, quick())) {
            byte[] content = randomBytes(800_000, 11);
            Path local = Files.write(dir.resolve("up.bin"), content);
            try (OutputStream out = client.store("upload/up.bin")) {
                out.write(content, 0, 250_000);
            }

            long sent = client.resumeStore(local, "upload/up.bin");

            assertThat(sent).isEqualTo(content.length - 250_000);
            assertThat(Files.readAllBytes(vsftpd.uploadDir().resolve("up.bin"))).isEqualTo(content);
            assertThat(client.resumeStore(local, "upload/up.bin")).isZero();
        }
    }

    @Test
    void abortMidDownloadLeavesAWorkingConnection() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            try (RandomAccessFile big = new RandomAccessFile(vsftpd.root().resolve("huge.bin").toFile(), "rw")) {
                big.setLength(512L * 1024 * 1024);
            }
            Files.writeString(vsftpd.root().resolve("small.txt"), "still works");

            try (FtpClient client = connect(vsftpd, quick())) {
                InputStream in = client.retrieve("huge.bin");
                assertThat(in.readNBytes(100_000)).hasSize(100_000);

                client.abort();

                assertThat(client.size("huge.bin")).isEqualTo(512L * 1024 * 1024);
                try (InputStream small = client.retrieve("small.txt")) {
                    assertThat(new String(small.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("still works");
                }
                in.close();
                client.noop();
            }
        }
    }

    @Test
    void closingADownloadEarlyAbortsItAndTheConnectionStaysUsable() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            try (RandomAccessFile big = new RandomAccessFile(vsftpd.root().resolve("huge.bin").toFile(), "rw")) {
                big.setLength(512L * 1024 * 1024);
            }
            try (FtpClient client = connect(vsftpd, quick())) {
                for (int i = 0; i < 3; i++) {
                    try (InputStream in = client.retrieve("huge.bin")) {
                        assertThat(in.readNBytes(1_000_000)).hasSize(1_000_000);
                    }
                    assertThat(client.workingDirectory()).isEqualTo("/");
                }
            }
        }
    }

    @Test
    void asciiTransfersConvertLineEndsBothWays() throws Exception {
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server"))
                .option("ascii_download_enable", "YES").option("ascii_upload_enable", "YES").start()) {
            Files.writeString(vsftpd.root().resolve("unix.txt"), "one\ntwo\n\nthree\n");
            Path local = Files.writeString(dir.resolve("local.txt"), "alpha\nbeta\r\ngamma\n");
            FtpClientConfig ascii = quick().toBuilder().transferType(TransferType.ASCII).build();

            try (FtpClient client = connect(vsftpd, ascii)) {
                Path down = dir.resolve("down.txt");
                client.retrieve("unix.txt", down);
                assertThat(Files.readString(down)).isEqualTo("one" + System.lineSeparator() + "two"
                        + System.lineSeparator() + System.lineSeparator() + "three" + System.lineSeparator());

                client.store(local, "upload/ascii.txt");

                client.setTransferType(TransferType.BINARY);
                ByteArrayOutputStreamHolder wire = new ByteArrayOutputStreamHolder();
                client.retrieve("unix.txt", wire.out);
                assertThat(wire.text()).isEqualTo("one\ntwo\n\nthree\n");
            }
            // vsftpd turns the CRLF we sent back into its local LF: proof the wire carried CRLF.
            assertThat(Files.readString(vsftpd.uploadDir().resolve("ascii.txt"))).isEqualTo("alpha\nbeta\ngamma\n");
        }
    }

    private static final class ByteArrayOutputStreamHolder {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        String text() {
            return out.toString(StandardCharsets.US_ASCII);
        }
    }

    @Test
    void transferListenerSeesProgressUpToTheAnnouncedTotal() throws Exception {
        List<TransferProgress> events = new CopyOnWriteArrayList<>();
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            Files.write(vsftpd.root().resolve("p.bin"), randomBytes(300_000, 12));
            FtpClientConfig config = quick().toBuilder().transferListener(events::add).build();

            try (FtpClient client = connect(vsftpd, config)) {
                client.retrieve("p.bin", dir.resolve("p.bin"));
            }

            assertThat(events).isNotEmpty();
            assertThat(events.get(0).bytes()).isZero();
            TransferProgress last = events.get(events.size() - 1);
            assertThat(last.bytes()).isEqualTo(300_000);
            assertThat(last.total()).hasValue(300_000);
            assertThat(last.direction()).isEqualTo(TransferProgress.Direction.DOWNLOAD);
        }
    }

    @Test
    void largeFileRoundTripsWithTheSameHash() throws Exception {
        long size = 256L * 1024 * 1024;
        try (Vsftpd vsftpd = Vsftpd.builder(dir.resolve("server")).start()) {
            String expected = writeLargeFile(vsftpd.root().resolve("large.bin"), size);
            Path local = dir.resolve("large.bin");

            try (FtpClient client = connect(vsftpd, quick())) {
                assertThat(client.retrieve("large.bin", local)).isEqualTo(size);
                assertThat(sha256(local)).isEqualTo(expected);

                assertThat(client.store(local, "upload/large.bin")).isEqualTo(size);
            }
            assertThat(sha256(vsftpd.uploadDir().resolve("large.bin"))).isEqualTo(expected);
            Files.delete(vsftpd.uploadDir().resolve("large.bin"));
        }
    }

    /** Writes {@code size} pseudo-random bytes quickly (a random 1 MiB block, varied per MiB); returns the SHA-256. */
    private static String writeLargeFile(Path file, long size) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] block = randomBytes(1024 * 1024, 13);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long written = 0; written < size; written += block.length) {
                block[(int) ((written / block.length) % block.length)] ^= 0x5a;
                block[0] = (byte) (written >>> 20);
                out.write(block);
                digest.update(block);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1024 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
