package dev.ftpkit.server;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.TransferType;
import dev.ftpkit.server.observe.XferLog;
import dev.ftpkit.testsupport.Vsftpd;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** XferLog writes what vsftpd writes (xferlog_std_format=YES) for the same transfers, field by field. */
class XferLogTest extends ServerFixture {

    /** Sat Dec  5 12:00:00 2026: the day padded with a space, as ctime(3). */
    private static final String TIME = "[A-Z][a-z]{2} [A-Z][a-z]{2} [ 1-3]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}";
    private static final int FIELDS = 18; // the time is 5 of them when split on white space
    private static final int BYTES = 7;
    private static final int FILE_NAME = 8;
    private static final int STATUS = 17;

    @Test
    void sameTransfersGiveTheSameFieldsAsVsftpd() throws Exception {
        Path vsftpdDir = Files.createDirectories(root.resolve("vsftpd"));
        Path vsftpdLog = vsftpdDir.resolve("xferlog");
        List<String> expected;
        try (Vsftpd vsftpd = Vsftpd.builder(vsftpdDir).option("xferlog_enable", "YES")
                .option("xferlog_std_format", "YES").option("xferlog_file", vsftpdLog.toString()).start()) {
            files(vsftpd.root());
            runWorkload(vsftpd.port());
            expected = awaitLines(vsftpdLog, 5);
        }

        Path ftpkitRoot = Files.createDirectories(root.resolve("ftpkit"));
        Files.createDirectories(ftpkitRoot.resolve("upload"));
        files(ftpkitRoot);
        Path ftpkitLog = root.resolve("ftpkit-xferlog");
        try (XferLog xferlog = XferLog.appendingTo(ftpkitLog)) {
            CountDownLatch gone = new CountDownLatch(1);
            server = TestServers.builder(ftpkitRoot).authenticator(Authenticator.anonymous(Permission.all()))
                    .listener(ServerListener.all(xferlog, countingDownOnDisconnect(gone))).build().start();
            runWorkload(server.port());
            assertThat(gone.await(20, TimeUnit.SECONDS)).isTrue();
        }
        List<String> actual = Files.readAllLines(ftpkitLog, StandardCharsets.UTF_8);

        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            String[] want = expected.get(i).split(" +");
            String[] got = actual.get(i).split(" +");
            assertThat(actual.get(i)).matches(TIME + " \\d+ 127\\.0\\.0\\.1 .*");
            assertThat(got).as(actual.get(i)).hasSize(FIELDS);
            assertThat(want).as(expected.get(i)).hasSize(FIELDS);
            boolean complete = want[STATUS].equals("c");
            for (int field = BYTES; field < FIELDS; field++) {
                if (field == BYTES && !complete) {
                    continue; // how much of an aborted download left the server is a matter of timing
                }
                assertThat(got[field]).as("field %d of %s vs vsftpd's %s", field, actual.get(i), expected.get(i))
                        .isEqualTo(want[field]);
            }
        }
        assertThat(actual.get(0).split(" +")[FILE_NAME]).isEqualTo("/upload/a_file.bin");
        assertThat(actual.get(4).split(" +")[STATUS]).isEqualTo("i");
    }

    private static void files(Path dir) throws Exception {
        Files.writeString(dir.resolve("hello.txt"), "hello world"); // no line end: TYPE A sends the same bytes
        byte[] big = new byte[16 << 20];
        new Random(7).nextBytes(big);
        Files.write(dir.resolve("big.bin"), big);
    }

    /**
     * An anonymous upload, binary and ASCII downloads, a download relative to the working directory, an ABOR.
     * (No {@code ..} in a path: vsftpd writes {@code /upload/../big.bin} as given, XferLog the normalized name.)
     */
    private static void runWorkload(int port) throws Exception {
        try (FtpClient ftp = FtpClient.connect("127.0.0.1", port)) {
            ftp.login("anonymous", "me@example.org");
            ftp.store(new ByteArrayInputStream(new byte[1000]), "upload/a file.bin");
            ftp.retrieve("hello.txt", new ByteArrayOutputStream());
            ftp.setTransferType(TransferType.ASCII);
            ftp.retrieve("/hello.txt", new ByteArrayOutputStream());
            ftp.setTransferType(TransferType.BINARY);
            ftp.changeDirectory("upload");
            ftp.retrieve("a file.bin", new ByteArrayOutputStream());
            try (InputStream in = ftp.retrieve("/big.bin")) {
                assertThat(in.read()).isNotNegative();
                ftp.abort();
            }
            ftp.quit();
        }
    }

    /** vsftpd writes its line from another process: wait for it, bounded. */
    private static List<String> awaitLines(Path log, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
            if (lines.size() >= count) {
                return lines;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("vsftpd wrote " + lines.size() + " of " + count + " lines: " + lines);
    }

    @Test
    void realUserLineHasEveryFieldInOrder() throws Exception {
        Files.writeString(root.resolve("a.txt"), "12345");
        StringWriter out = new StringWriter();
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
        server = TestServers.builder(root).listener(XferLog.writingTo(out, clock)).build().start();
        try (RawFtp ftp = RawFtp.login(server.port())) {
            ftp.expect(200, "TYPE I");
            ftp.retrieve("a.txt");
        }
        assertThat(out.toString()).isEqualTo("Sat Dec  5 12:00:00 2026 1 127.0.0.1 5 /a.txt b _ o r alice ftp 0 * c\n");
    }
}
