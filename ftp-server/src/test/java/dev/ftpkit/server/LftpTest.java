package dev.ftpkit.server;

import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** lftp mirrors a nested tree down (mirror) and up (mirror -R); both copies equal the source. */
class LftpTest {

    @TempDir
    Path root;
    @TempDir
    Path local;

    private static void makeTree(Path base, long seed) throws IOException {
        Random random = new Random(seed);
        for (String dir : List.of("a", "a/b", "a/b/c", "d", "d/e f")) {
            Files.createDirectories(base.resolve(dir));
        }
        for (String file : List.of("top.txt", "a/one.bin", "a/b/two.bin", "a/b/c/three.bin", "d/e f/four five.txt",
                "d/empty.bin")) {
            byte[] bytes = new byte[file.contains("empty") ? 0 : 10_000 + random.nextInt(200_000)];
            random.nextBytes(bytes);
            Files.write(base.resolve(file), bytes);
        }
    }

    /** Relative path to the SHA-256 of the content ("dir" for directories). */
    private static Map<String, String> contents(Path base) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.forEach(p -> {
                String relative = base.relativize(p).toString();
                try {
                    files.put(relative, Files.isDirectory(p) ? "dir" : HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        return files;
    }

    private Processes.Result lftp(FtpServer server, String commands) throws Exception {
        Path lftp = Peers.require("lftp");
        String script = "set net:max-retries 1; set net:timeout 10; set cmd:fail-exit true; "
                + "open -u " + TestServers.USER + "," + TestServers.PASSWORD + " -p " + server.port() + " 127.0.0.1; "
                + commands + "; bye";
        return Processes.run(local, Duration.ofSeconds(60), List.of(lftp.toString(), "-c", script));
    }

    @Test
    void mirrorDownloadsTheWholeTree() throws Exception {
        makeTree(root.resolve("tree"), 1);
        try (FtpServer server = TestServers.start(root)) {
            Processes.Result result = lftp(server, "mirror tree " + local.resolve("copy"));

            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        assertThat(contents(local.resolve("copy"))).isEqualTo(contents(root.resolve("tree")));
    }

    @Test
    void reverseMirrorUploadsTheWholeTree() throws Exception {
        makeTree(local.resolve("tree"), 2);
        try (FtpServer server = TestServers.start(root)) {
            Processes.Result result = lftp(server, "mirror -R " + local.resolve("tree") + " uploaded");

            assertThat(result.exitCode()).as(result.toString()).isZero();
        }
        assertThat(contents(root.resolve("uploaded"))).isEqualTo(contents(local.resolve("tree")));
    }
}
