package dev.ftpkit.examples.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ftpkit serve} in a child JVM (this test's class path), its port read from the ready line. */
final class ServeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("ftpkit serving .+ at ftp://[^:]+:(\\d+)/.*");

    private final Process process;
    private final Path stderr;
    private final int port;

    private ServeProcess(Process process, Path stderr, int port) {
        this.process = process;
        this.stderr = stderr;
        this.port = port;
    }

    /**
     * Starts {@code ftpkit serve} with these options and waits for its ready line.
     *
     * @param stderr where the server's log goes
     */
    static ServeProcess start(Path stderr, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), "dev.ftpkit.examples.Main", "serve"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String ready = stdout.readLine(); // the JVM writes it once bound, or exits
        Matcher matcher = READY.matcher(String.valueOf(ready));
        if (!matcher.matches()) {
            process.destroyForcibly();
            throw new IOException("serve did not start: " + ready + " " + Files.readString(stderr));
        }
        return new ServeProcess(process, stderr, Integer.parseInt(matcher.group(1)));
    }

    int port() {
        return port;
    }

    String log() throws IOException {
        return Files.readString(stderr);
    }

    /** SIGKILL by PID: no shutdown hook, no goodbye, as a crashed instance. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        ProcessStop.stop(process);
    }
}
