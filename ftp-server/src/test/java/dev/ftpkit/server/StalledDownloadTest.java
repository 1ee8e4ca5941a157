package dev.ftpkit.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Big downloads go by sendfile where that is faster (the first one from a store alternates sendfile and a copy to
 * find out, starting with sendfile): a client that stops reading one can still abort it, quit, or drop its control
 * connection, and the transfer thread is freed each time; REST downloads carry exactly the file's bytes.
 */
class StalledDownloadTest {

    /** Big enough for the first download from the store to probe both ways (from 96 MiB). */
    private static final long SIZE = 160L * 1024 * 1024;

    @TempDir
    Path root;
    private final BlockingQueue<TransferEvent> transfers = new LinkedBlockingQueue<>();
    private FtpServer server;

    @BeforeEach
    void start() throws Exception {
        // sparse, with random blocks here and there: quick to make, and a misplaced byte would show
        try (RandomAccessFile file = new RandomAccessFile(root.resolve("big.bin").toFile(), "rw")) {
            file.setLength(SIZE);
            SplittableRandom random = new SplittableRandom(21);
            byte[] block = new byte[256 * 1024];
            for (long at = 0; at < SIZE; at += 7L * 1024 * 1024 + 12_345) {
                random.nextBytes(block);
                file.seek(at);
                file.write(block, 0, (int) Math.min(block.length, SIZE - at));
            }
        }
        server = TestServers.builder(root).listener(listener()).build().start();
    }

    private ServerListener listener() {
        return new ServerListener() {
            @Override
            public void transferEnded(FtpSession session, TransferEvent event) {
                transfers.add(event);
            }
        };
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aborOfADownloadTheClientStoppedReadingAnswers426And226AndTheSessionGoesOn() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port()); Socket data = ftp.passive()) {
            stall(ftp, data);
            ftp.sendRaw("ABOR\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(ftp.read().codeValue()).isEqualTo(426);
            assertThat(ftp.read().codeValue()).isEqualTo(226);
            assertThat(transfers.poll(30, TimeUnit.SECONDS)).extracting(TransferEvent::success).isEqualTo(false);
            ftp.expect(200, "NOOP");
            ftp.expect(213, "SIZE big.bin"); // the session goes on, with the file system
        }
    }

    /**
     * RFC 959 §4.1.1: QUIT during a transfer waits for its result; a download the client stopped reading has none
     * to give until the stall watchdog aborts it after the data timeout, which must wake the blocked sendfile.
     */
    @Test
    void quitDuringADownloadTheClientStoppedReadingEndsWhenTheStallWatchdogAbortsIt() throws Exception {
        server.close();
        server = TestServers.builder(root).listener(listener()).dataTimeout(Duration.ofSeconds(2)).build().start();
        try (RawFtp ftp = RawFtp.login(server.port()); Socket data = ftp.passive()) {
            stall(ftp, data);
            ftp.sendRaw("QUIT\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(transfers.poll(30, TimeUnit.SECONDS)).extracting(TransferEvent::success).isEqualTo(false);
            assertThat(ftp.read().codeValue()).isEqualTo(426);
            assertThat(ftp.read().codeValue()).isEqualTo(221);
            assertThat(ftp.closedByServer()).isTrue();
        }
    }

    @Test
    void losingTheControlConnectionDuringADownloadTheClientStoppedReadingFreesTheTransfer() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port()); Socket data = ftp.passive()) {
            stall(ftp, data);
            ftp.socket().setSoLinger(true, 0);
            ftp.socket().close(); // a reset: the client is gone
            assertThat(transfers.poll(30, TimeUnit.SECONDS)).extracting(TransferEvent::success).isEqualTo(false);
        }
    }

    @Test
    void restDownloadsCarryExactlyTheFilesBytesFromTheOffset() throws Exception {
        try (RawFtp ftp = RawFtp.login(server.port())) {
            for (long offset : new long[] {0, 1, 9L * 1024 * 1024 + 77, SIZE - 3, SIZE}) {
                try (Socket data = ftp.passive()) {
                    ftp.expect(350, "REST " + offset);
                    ftp.expect(150, "RETR big.bin");
                    assertThat(digest(data.getInputStream())).as("from " + offset).isEqualTo(fileDigest(offset));
                }
                assertThat(ftp.read().codeValue()).isEqualTo(226);
            }
        }
    }

    /** RETR on the passive connection, then one byte read and nothing more: the server's sending blocks. */
    private static void stall(RawFtp ftp, Socket data) throws Exception {
        ftp.expect(150, "RETR big.bin");
        assertThat(data.getInputStream().read()).isNotNegative(); // the transfer runs (20 s timeout)
    }

    private static String digest(InputStream in) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[256 * 1024];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private String fileDigest(long offset) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (FileChannel file = FileChannel.open(root.resolve("big.bin"), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
            file.position(offset);
            while (file.read(buffer) >= 0) {
                buffer.flip();
                sha.update(buffer);
                buffer.clear();
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
