package dev.ftpkit.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a peer program with a deadline; output goes to files so a chatty peer can never block on a pipe. */
public final class Processes {

    /** What a peer did: its exit code and both of its outputs. */
    public record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
        }
    }

    private Processes() {
    }

    /**
     * Runs {@code command} in {@code workDir}, its standard input empty.
     *
     * @throws AssertionError if it did not finish within {@code timeout} (it is killed then)
     */
    public static Result run(Path workDir, Duration timeout, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "peer", ".out");
        Path err = Files.createTempFile(workDir, "peer", ".err");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            throw new AssertionError(command.get(0) + " did not finish within " + timeout + "\nstdout:\n"
                    + Files.readString(out, StandardCharsets.UTF_8) + "\nstderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
