package dev.ftpkit.server.s3;

import dev.ftpkit.server.FtpServer;
import dev.ftpkit.testsupport.Peers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** curl against the server on an S3 bucket (s3proxy): upload, download, resumed download, listing, MKD. */
class S3RootCurlTest {

    @TempDir
    static Path storeDir;
    static S3ProxyServer s3;
    static S3Storage bucket;
    static FtpServer server;

    @TempDir
    Path local;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3ProxyServer.start(storeDir);
        bucket = s3.bucket("curl");
        server = FtpServer.builder().root(bucket.root()).port(0).authenticator(S3RootTest.USERS)
                .loginFailureDelay(Duration.ofMillis(20)).dataTimeout(Duration.ofSeconds(30)).build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        bucket.close();
        s3.close();
    }

    private static String url(String path) {
        return "ftp://" + S3RootTest.USER + ":" + S3RootTest.PASSWORD + "@127.0.0.1:" + server.port() + "/" + path;
    }

    /** Runs curl with a deadline; its output goes to files so it can never block on a pipe. */
    private int curl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Peers.require("curl").toString(), "-sS", "--max-time", "30"));
        command.addAll(Arrays.asList(args));
        File out = local.resolve("curl.out").toFile();
        Process process = new ProcessBuilder(command).directory(local.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out).redirectError(local.resolve("curl.err").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("curl did not finish within 60 s");
        }
        return process.exitValue();
    }

    private String output() throws Exception {
        return Files.readString(local.resolve("curl.out"), StandardCharsets.UTF_8);
    }

    @Test
    void uploadThenDownloadReturnsTheExactBytes() throws Exception {
        byte[] content = new byte[700_000];
        new Random(7).nextBytes(content);
        Files.write(local.resolve("up.bin"), content);

        assertThat(curl("-T", "up.bin", url("up.bin"))).isZero();
        assertThat(Files.readAllBytes(s3.objectFile("curl", "up.bin"))).isEqualTo(content);

        assertThat(curl("-o", "down.bin", url("up.bin"))).isZero();
        assertThat(Files.readAllBytes(local.resolve("down.bin"))).isEqualTo(content);
    }

    @Test
    void resumedDownloadFetchesOnlyTheRest() throws Exception {
        byte[] content = new byte[300_000];
        new Random(8).nextBytes(content);
        Files.write(bucket.root().resolve("resume.bin"), content); // a PUT through the provider
        Files.write(local.resolve("partial.bin"), Arrays.copyOf(content, 100_000));

        assertThat(curl("-C", "-", "-o", "partial.bin", url("resume.bin"))).isZero();
        assertThat(Files.readAllBytes(local.resolve("partial.bin"))).isEqualTo(content);
    }

    @Test
    void uploadWithCreateDirsMakesTheDirectoryAndListingShowsIt() throws Exception {
        Files.writeString(local.resolve("note.txt"), "hello");

        assertThat(curl("--ftp-create-dirs", "-T", "note.txt", url("made/by/curl/note.txt"))).isZero();
        assertThat(Files.readString(s3.objectFile("curl", "made/by/curl/note.txt"))).isEqualTo("hello");

        assertThat(curl(url("made/by/curl/"))).isZero();
        assertThat(output()).contains("note.txt").startsWith("-");
        assertThat(curl("-l", url("made/"))).isZero();
        assertThat(output().strip()).isEqualTo("by");
    }
}
