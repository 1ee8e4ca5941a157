package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file system that fails while an upload is stored: disk full, quota, permission denied (RFC 959 §4.2: 452
 * insufficient storage, 552 exceeded storage allocation, 550 file unavailable). No partial target, no temp file.
 * Item 21.
 */
class StorageFailureTest extends SecurityFixture {

    private Map<String, String> uploadAgainst(Path failingRoot, String expectedReply, String command)
            throws Exception {
        Security.server(root);
        Files.writeString(root.resolve("target.bin"), "old content");
        server = Security.server(root).root(failingRoot).build().start();
        Map<String, String> before = Security.snapshot(root);
        try (RawFtp client = RawFtp.login(server.port()); Socket data = client.passive()) {
            client.sendRaw((command + " target.bin\r\n").getBytes(StandardCharsets.US_ASCII));
            String first = client.read().encode();
            if (first.startsWith("150 ")) {
                OutputStream out = data.getOutputStream();
                try {
                    out.write(new byte[1 << 20]);
                    data.shutdownOutput();
                } catch (java.io.IOException serverStoppedReading) {
                    // the server gave up on the upload: fine, its reply says why
                }
                first = client.read().encode();
            }
            assertThat(first).isEqualTo(expectedReply);
            assertThat(client.reply("NOOP")).startsWith("200 ");
            Security.bystanderIsServed(server);
        }
        Security.bystanderIsServed(server);
        return before;
    }

    // RFC 959 §4.2 452 "Insufficient storage space in system": ENOSPC mid-upload, the old file stays
    @Test
    void diskFullMidUploadIs452AndLeavesNoPartialTarget() throws Exception {
        Path failing = FailingFileSystem.wrap(root, 64 * 1024,
                p -> new FileSystemException(p.toString(), null, "No space left on device"));
        Map<String, String> before = uploadAgainst(failing, "452 Insufficient storage space.\r\n", "STOR");
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // RFC 959 §4.2 552 "Exceeded storage allocation": a quota error mid-upload
    @Test
    void quotaExceededMidUploadIs552AndLeavesNoPartialTarget() throws Exception {
        Path failing = FailingFileSystem.wrap(root, 64 * 1024,
                p -> new FileSystemException(p.toString(), null, "Disk quota exceeded"));
        Map<String, String> before = uploadAgainst(failing, "552 Exceeded storage allocation.\r\n", "STOR");
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // RFC 959 §4.2 550: permission denied when the file is opened for writing
    @Test
    void permissionDeniedIs550AndTouchesNothing() throws Exception {
        Path failing = FailingFileSystem.wrap(root, -1, p -> new AccessDeniedException(p.toString()));
        Map<String, String> before = uploadAgainst(failing, "550 Permission denied.\r\n", "STOR");
        assertThat(Security.snapshot(root)).isEqualTo(before);
    }

    // APPE writes in place by definition: a failure keeps what was there plus what fitted, never more
    @Test
    void diskFullDuringAppendIs452() throws Exception {
        Path failing = FailingFileSystem.wrap(root, 64 * 1024,
                p -> new FileSystemException(p.toString(), null, "No space left on device"));
        uploadAgainst(failing, "452 Insufficient storage space.\r\n", "APPE");
        assertThat(Files.readString(root.resolve("target.bin"), StandardCharsets.ISO_8859_1)).startsWith("old content");
        try (var names = Files.list(root)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("target.bin", Security.PROBE);
        }
    }
}
