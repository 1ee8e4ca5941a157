package dev.ftpkit.server.security;

import dev.ftpkit.testsupport.Background;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A server in a child JVM (its own heap, killable with SIGKILL): runs a main class that prints {@code PORT n} once
 * it listens. Stopped by its process, never by name.
 */
final class ChildServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private ChildServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code main} with the test class path.
     *
     * @param jvmOptions options such as {@code -Xmx256m}
     * @param log        where the child's standard error goes (inside a temp directory)
     */
    static ChildServer start(Class<?> main, List<String> jvmOptions, Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectError(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        try {
            String line = CompletableFuture.supplyAsync(() -> {
                try {
                    return out.readLine();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }, Background.THREADS).get(30, TimeUnit.SECONDS);
            if (line == null || !line.startsWith("PORT ")) {
                throw new IllegalStateException("the child server did not start: " + line);
            }
            return new ChildServer(process, Integer.parseInt(line.substring(5).trim()));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL on Unix: no shutdown hook, no finally. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the child server did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
