package dev.ftpkit.examples.serve;

import dev.ftpkit.examples.ExitCode;
import dev.ftpkit.examples.Main;
import dev.ftpkit.examples.Terminal;

import dev.ftpkit.testsupport.Background;
import dev.ftpkit.testsupport.Peers;
import dev.ftpkit.testsupport.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ServeCommandTest {

    private static final Pattern READY = Pattern.compile("ftpkit serving (.+) at ftp://127\\.0\\.0\\.1:(\\d+)/");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Terminal io = new Terminal(new ByteArrayInputStream(new byte[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(Main.run(List.of("serve", "--port", "99999", "--anonymous"), io)).isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(List.of("serve", "--passive-ports", "50010-50000", "--anonymous"), io))
                .isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(List.of("serve", "--user", "nocolon"), io)).isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(List.of("serve", "--root", "."), io)).isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(List.of("serve", "--frobnicate"), io)).isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(List.of("serve", "--anonymous", "--root", ".", "--trusted-proxies", "10.0.0.0/8"), io))
                .isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(List.of("serve", "--anonymous", "--root", ".", "--proxy-protocol", "--trusted-proxies",
                "balancer.example/8"), io)).isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(List.of("serve", "--anonymous", "--root", ".", "--max-sessions-per-ip", "0"), io))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate")
                .contains("nobody could log in").contains("--trusted-proxies needs --proxy-protocol")
                .contains("trustedProxies entry is not an IP literal").contains("--max-sessions-per-ip");
    }

    @Test
    void serveListsTheRootToCurlAndStopsGracefullyOnSigterm(@TempDir Path dir) throws Exception {
        Path curl = Peers.require("curl");
        Path root = Files.createDirectories(dir.resolve("served"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.ftpkit.examples.Main", "serve", "--port", "0", "--root", root.toString(), "--anonymous",
                "--user", "bob:pw", "--write")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String ready = stdout.readLine();
            Matcher matcher = READY.matcher(String.valueOf(ready));
            assertThat(matcher.matches()).as("ready line: " + ready).isTrue();
            assertThat(Path.of(matcher.group(1))).isEqualTo(root.toAbsolutePath().normalize());
            int port = Integer.parseInt(matcher.group(2));
            // read the rest of stdout from now on, so the end of the stream is seen however fast the JVM exits
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> {
                StringBuilder lines = new StringBuilder();
                try {
                    for (String line; (line = stdout.readLine()) != null; ) {
                        lines.append(line).append('\n');
                    }
                } catch (IOException e) {
                    lines.append("(stdout failed: ").append(e).append(')');
                }
                return lines.toString();
            }, Background.THREADS);
            Files.writeString(root.resolve("hello.txt"), "hello from serve");
            Files.writeString(dir.resolve("up.txt"), "uploaded by bob");

            ProcessBuilder list = new ProcessBuilder(curl.toString(), "-sS", "--max-time", "20",
                    "ftp://127.0.0.1:" + port + "/");
            String listing = run(list);
            String upload = run(new ProcessBuilder(curl.toString(), "-sS", "--max-time", "20", "-T",
                    dir.resolve("up.txt").toString(), "ftp://bob:pw@127.0.0.1:" + port + "/up.txt"));

            assertThat(listing).contains("hello.txt");
            assertThat(upload).isEmpty();
            assertThat(root.resolve("up.txt")).hasContent("uploaded by bob");
            try (Socket idle = new Socket()) {
                idle.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                idle.setSoTimeout(20_000);
                BufferedReader replies = new BufferedReader(new InputStreamReader(idle.getInputStream(),
                        StandardCharsets.US_ASCII));
                assertThat(replies.readLine()).startsWith("220 ");
                server.destroy(); // SIGTERM
                assertThat(replies.readLine()).isEqualTo("421 Server shutting down.");
            }
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(rest.get(20, TimeUnit.SECONDS)).isEmpty(); // exactly one line on stdout
        } finally {
            server.destroyForcibly();
        }
        assertThat(Files.readString(dir.resolve("stderr.txt"))).contains("connected").contains("login bob")
                .contains("STOR up.txt 15 bytes").contains("shutting down");
    }

    @Test
    void tlsOptionsNeedAKeystore(@TempDir Path dir) {
        String root = dir.toString();
        assertThat(Main.run(List.of("serve", "--anonymous", "--root", root, "--tls-required"), io))
                .isEqualTo(ExitCode.USAGE);
        assertThat(Main.run(List.of("serve", "--anonymous", "--root", root, "--tls-keystore", "x.p12"), io))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("need --tls-keystore")
                .contains("--tls-keystore needs --tls-password");
    }

    @Test
    void serveWithATlsKeystoreServesCurlOverExplicitAndImplicitTls(@TempDir Path dir) throws Exception {
        Path curl = Peers.require("curl");
        TestCertificates certs = TestCertificates.generate(Files.createDirectories(dir.resolve("certs")));
        Path root = Files.createDirectories(dir.resolve("served"));
        Files.writeString(root.resolve("hello.txt"), "hello over TLS");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "dev.ftpkit.examples.Main", "serve", "--port", "0", "--root", root.toString(), "--user", "bob:pw",
                "--write", "--tls-keystore", certs.keystore().toString(), "--tls-password", TestCertificates.PASSWORD,
                "--tls-required", "--implicit-tls-port", "0")
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        try (BufferedReader stdout = new BufferedReader(new InputStreamReader(server.getInputStream(),
                StandardCharsets.UTF_8))) {
            String ready = stdout.readLine();
            Matcher matcher = Pattern.compile("ftpkit serving .+ at ftp://127\\.0\\.0\\.1:(\\d+)/"
                    + " and ftps://127\\.0\\.0\\.1:(\\d+)/").matcher(String.valueOf(ready));
            assertThat(matcher.matches()).as("ready line: " + ready).isTrue();
            String explicit = "ftp://bob:pw@localhost:" + matcher.group(1) + "/";
            String implicit = "ftps://bob:pw@localhost:" + matcher.group(2) + "/";
            Files.writeString(dir.resolve("up.txt"), "uploaded over TLS");

            String download = run(new ProcessBuilder(curl.toString(), "-sS", "--max-time", "20", "--ssl-reqd",
                    "--cacert", certs.pem().toString(), explicit + "hello.txt"));
            String upload = run(new ProcessBuilder(curl.toString(), "-sS", "--max-time", "20", "--cacert",
                    certs.pem().toString(), "-T", dir.resolve("up.txt").toString(), implicit + "up.txt"));
            Process plain = new ProcessBuilder(curl.toString(), "-sS", "--max-time", "20", explicit + "hello.txt")
                    .redirectErrorStream(true).start();
            plain.getInputStream().readAllBytes();

            assertThat(download).isEqualTo("hello over TLS");
            assertThat(upload).isEmpty();
            assertThat(root.resolve("up.txt")).hasContent("uploaded over TLS");
            assertThat(plain.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(plain.exitValue()).as("login without TLS is denied").isEqualTo(67);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static String run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(output, StandardCharsets.UTF_8)).isZero();
        return new String(output, StandardCharsets.UTF_8);
    }
}
