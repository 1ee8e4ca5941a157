package dev.ftpkit.examples.serve;

import dev.ftpkit.testsupport.Peers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real haproxy (the Debian package) as a child process: in the foreground ({@code -db}) with a configuration the
 * test wrote, stopped by its PID. Missing haproxy skips the test locally and fails it on CI ({@link Peers}).
 */
final class Haproxy implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;

    private Haproxy(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The TCP-mode defaults every test configuration starts with. */
    static String defaults() {
        return """
                global
                    maxconn 1000
                defaults
                    mode tcp
                    timeout connect 5s
                    timeout client 120s
                    timeout server 120s
                    retries 3
                    option redispatch
                """;
    }

    /**
     * Writes the configuration, starts haproxy and waits until every frontend port accepts connections.
     *
     * @param dir       where the configuration and haproxy's output go
     * @param config    the configuration
     * @param frontends the ports haproxy listens on (on 127.0.0.1)
     */
    static Haproxy start(Path dir, String config, List<Integer> frontends) throws IOException, InterruptedException {
        Path haproxy = Peers.require("haproxy");
        Path file = Files.writeString(dir.resolve("haproxy.cfg"), config);
        Path log = dir.resolve("haproxy.log");
        Process process = new ProcessBuilder(haproxy.toString(), "-db", "-f", file.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Haproxy started = new Haproxy(process, log);
        try {
            for (int port : frontends) {
                started.awaitListening(port);
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            started.close();
            throw e;
        }
        return started;
    }

    /** Polls the port (haproxy announces nothing when its listeners are bound), bounded by a deadline. */
    private void awaitListening(int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            if (!process.isAlive()) {
                throw new IOException("haproxy exited " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return;
            } catch (IOException notYet) {
                // haproxy has an accept event we cannot wait on: retry shortly
                process.waitFor(Math.min(200, 10L * (attempt + 1)), TimeUnit.MILLISECONDS);
            }
        }
        throw new IOException("haproxy did not listen on " + port + " within " + READY_TIMEOUT + ": "
                + Files.readString(log));
    }

    /** A loopback port that was free a moment ago, for haproxy's frontends (haproxy cannot report port 0). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Stops haproxy by its PID: SIGTERM, then SIGKILL if it does not exit. */
    @Override
    public void close() {
        ProcessStop.stop(process);
    }
}
