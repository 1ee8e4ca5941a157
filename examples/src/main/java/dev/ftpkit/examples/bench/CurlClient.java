package dev.ftpkit.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * curl as a child process, one per transfer, on its defaults (passive, EPSV first, binary). Its CPU time is read
 * from this JVM's reaped-children counters once it has exited.
 */
final class CurlClient implements BenchClient {

    private static final long TIMEOUT_SECONDS = 600;

    private final Path executable;

    CurlClient(Path executable) {
        this.executable = executable;
    }

    @Override
    public String name() {
        return "curl";
    }

    @Override
    public long retrieve(Endpoint endpoint, String remote, Path local) throws Exception {
        run(endpoint, List.of("-o", local.toString(), endpoint.url(remote)));
        return Files.size(local);
    }

    /** Downloads into /dev/null: the client side costs as little as it can when a server is what is measured. */
    long retrieveToNull(Endpoint endpoint, String remote) throws Exception {
        run(endpoint, List.of("-o", "/dev/null", endpoint.url(remote)));
        return -1;
    }

    @Override
    public long store(Endpoint endpoint, Path local, String remote) throws Exception {
        run(endpoint, List.of("-T", local.toString(), endpoint.url(remote)));
        return Files.size(local);
    }

    @Override
    public long cpuNanos() throws IOException {
        return Cpu.reapedChildrenNanos();
    }

    private void run(Endpoint endpoint, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--silent", "--show-error", "--fail",
                "--max-time", Long.toString(TIMEOUT_SECONDS), "--user", endpoint.user() + ":" + endpoint.password()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(false)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IOException("curl did not finish within " + TIMEOUT_SECONDS + " s");
        }
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0) {
            throw new IOException("curl exited with " + process.exitValue() + ": " + errors);
        }
    }
}
