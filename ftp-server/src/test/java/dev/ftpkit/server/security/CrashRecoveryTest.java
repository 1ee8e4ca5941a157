package dev.ftpkit.server.security;

import dev.ftpkit.server.RawFtp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server killed with SIGKILL in the middle of an upload (kill -9: no shutdown hook, no finally): after a restart
 * the target is the old file or the complete new one that got 226, never a partial one (atomic rename, POSIX
 * rename(2)); leftover temp files are hidden. Item 22.
 */
class CrashRecoveryTest {

    @TempDir
    Path root;

    private ChildServer server;

    @AfterEach
    void kill() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    private int startServerProcess() throws Exception {
        server = ChildServer.start(CrashServerMain.class, List.of(), null, root.toString());
        return server.port();
    }

    private void killServer() throws Exception {
        server.kill();
        server = null;
    }

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // rename(2) is atomic (POSIX): a crash leaves either name's old or new content, never a mix
    @Test
    void killMinusNineMidUploadLeavesTheOldOrTheCompleteNewFile() throws Exception {
        Files.writeString(root.resolve("target.bin"), "old content");
        Files.writeString(root.resolve("done.bin"), "old content");
        byte[] fresh = new byte[4 << 20];
        Arrays.fill(fresh, (byte) 'n');
        int port = startServerProcess();
        try (RawFtp client = RawFtp.login(port)) {
            client.store("done.bin", fresh); // 226 came: this one must survive the crash
            try (Socket data = client.passive(); WatchService watch = FileSystems.getDefault().newWatchService()) {
                root.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                client.expect(150, "STOR target.bin");
                OutputStream out = data.getOutputStream();
                out.write(fresh, 0, fresh.length / 2);
                out.flush();
                // wait (bounded, on file events) until the server has written part of the upload
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!partialTempExists() && System.nanoTime() < deadline) {
                    var key = watch.poll(200, TimeUnit.MILLISECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                }
                assertThat(partialTempExists()).isTrue();
                killServer();
            }
        }
        port = startServerProcess();
        try (RawFtp client = RawFtp.login(port)) {
            assertThat(new String(client.retrieve("target.bin"), StandardCharsets.UTF_8)).isEqualTo("old content");
            assertThat(client.retrieve("done.bin")).isEqualTo(fresh);
            // the crash's leftover is never shown, whatever listing is asked for
            assertThat(client.list("NLST -a")).doesNotContain(".ftpkit-upload-");
            assertThat(client.list("LIST -a")).doesNotContain(".ftpkit-upload-");
            assertThat(client.list("MLSD")).doesNotContain(".ftpkit-upload-");
            // and the next upload of the same name works
            client.store("target.bin", "new".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(client.retrieve("target.bin"), StandardCharsets.UTF_8)).isEqualTo("new");
        }
        assertThat(Files.readString(root.resolve("target.bin"))).isEqualTo("new");
        assertThat(Files.readAllBytes(root.resolve("done.bin"))).isEqualTo(fresh);
        assertThat(names()).filteredOn(n -> !n.startsWith(".ftpkit-upload-"))
                .containsExactly("done.bin", "target.bin");
    }

    private boolean partialTempExists() throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".ftpkit-upload-") && sizeOf(p) > 0);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException gone) {
            return 0;
        }
    }
}
