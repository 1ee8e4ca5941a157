package dev.ftpkit.examples.serve;

import dev.ftpkit.core.ProxyHeader;
import dev.ftpkit.testsupport.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ftpkit serve --proxy-protocol} behind a real haproxy, used by a real curl from source address 127.0.0.5
 * (issue 18, done-when): PROXY v2 ({@code send-proxy-v2}) and v1 ({@code send-proxy}), passive and active mode.
 * Active mode ({@code -P 127.0.0.5}) only works if the server took 127.0.0.5 from the header: EPRT to any other
 * address than the client's is refused, and haproxy's own address is 127.0.0.1.
 */
class CurlThroughHaproxyTest {

    private static final String CLIENT = "127.0.0.5";

    @TempDir
    Path dir;

    private record Result(int exit, String output) {
    }

    private static Result curl(Path curl, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(curl.toString(), "-sS", "-v", "--max-time", "30",
                "--interface", CLIENT));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    @Test
    @SuppressWarnings("try") // haproxy only has to run while curl goes through it
    void curlThroughHaproxyWithBothHeaderVersionsTransfersInPassiveAndActiveMode() throws Exception {
        Path curl = Peers.require("curl");
        Path root = Files.createDirectories(dir.resolve("root"));
        byte[] content = "served behind haproxy\n".repeat(2_000).getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("file.txt"), content);
        Path upload = Files.writeString(dir.resolve("up.txt"), "uploaded through haproxy\n".repeat(1_000));
        try (ServeProcess server = ServeProcess.start(dir.resolve("serve.log"), "--port", "0", "--root",
                root.toString(), "--user", "bob:pw", "--write", "--proxy-protocol", "--verbose")) {
            int v2 = Haproxy.freePort();
            int v1 = Haproxy.freePort();
            String backend = "127.0.0.1:" + server.port();
            String config = Haproxy.defaults() + """
                    frontend ftp_v2
                        bind 127.0.0.1:%d
                        default_backend servers_v2
                    backend servers_v2
                        server ftpkit %s send-proxy-v2 check inter 1s
                    frontend ftp_v1
                        bind 127.0.0.1:%d
                        default_backend servers_v1
                    backend servers_v1
                        server ftpkit %s send-proxy check inter 1s
                    """.formatted(v2, backend, v1, backend);
            try (Haproxy ignored = Haproxy.start(dir, config, List.of(v2, v1))) {
                for (int port : List.of(v2, v1)) {
                    String base = "ftp://bob:pw@127.0.0.1:" + port + "/";
                    for (List<String> mode : List.of(List.<String>of(), List.of("-P", CLIENT))) {
                        String name = "up-" + port + "-" + (mode.isEmpty() ? "passive" : "active") + ".txt";
                        List<String> down = new ArrayList<>(mode);
                        down.addAll(List.of("-Q", "STAT", "-o", dir.resolve(name + ".down").toString(),
                                base + "file.txt"));
                        Result download = curl(curl, down.toArray(String[]::new));
                        List<String> up = new ArrayList<>(mode);
                        up.addAll(List.of("-T", upload.toString(), base + name));
                        Result uploaded = curl(curl, up.toArray(String[]::new));

                        assertThat(download.exit()).as(download.output()).isZero();
                        assertThat(dir.resolve(name + ".down")).hasBinaryContent(content);
                        // the -v log shows the server's STAT naming the real client
                        assertThat(download.output()).contains("Connected to " + CLIENT);
                        assertThat(uploaded.exit()).as(uploaded.output()).isZero();
                        assertThat(root.resolve(name)).hasSameBinaryContentAs(upload);
                        if (!mode.isEmpty()) {
                            assertThat(uploaded.output()).contains("EPRT |1|" + CLIENT + "|");
                        }
                    }
                }
            }
            assertThat(server.log()).contains(CLIENT + "] connected").contains(CLIENT + "] login bob")
                    .doesNotContain("127.0.0.1] login");
        }
    }

    @Test
    void connectionsWithoutAHeaderOrFromAnUntrustedAddressGetNoGreeting() throws Exception {
        Path curl = Peers.require("curl");
        Path root = Files.createDirectories(dir.resolve("root"));
        try (ServeProcess server = ServeProcess.start(dir.resolve("serve.log"), "--port", "0", "--root",
                root.toString(), "--anonymous", "--proxy-protocol")) {
            // curl straight to the server: trusted address (127.0.0.1 is a trusted proxy) but no header
            Process direct = new ProcessBuilder(curl.toString(), "-sS", "-v", "--max-time", "30",
                    "ftp://127.0.0.1:" + server.port() + "/").redirectErrorStream(true).start();
            String directLog = new String(direct.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(direct.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(direct.exitValue()).isNotZero();
            assertThat(directLog).doesNotContain("< 220");

            byte[] header = ProxyHeader.forwarding(ProxyHeader.Version.V2, new InetSocketAddress(CLIENT, 1234),
                    new InetSocketAddress("127.0.0.1", 21)).encode();
            try (Socket untrusted = new Socket()) {
                untrusted.bind(new InetSocketAddress("127.0.0.2", 0));
                untrusted.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                untrusted.getOutputStream().write(header);
                untrusted.setSoTimeout(20_000);
                assertThat(readOrReset(untrusted)).as("no greeting for an untrusted source").isEqualTo(-1);
            }
            try (Socket trusted = new Socket()) {
                trusted.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
                trusted.getOutputStream().write(header);
                trusted.setSoTimeout(20_000);
                assertThat(readOrReset(trusted)).as("the same header from a trusted proxy is greeted")
                        .isEqualTo('2');
            }
        }
    }

    private static int readOrReset(Socket socket) throws IOException {
        try {
            return socket.getInputStream().read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
