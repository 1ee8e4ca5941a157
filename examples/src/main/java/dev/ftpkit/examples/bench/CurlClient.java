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
    private final List<String> options;

    CurlClient(Path executable) {
        this(executable, List.of());
    }

    private CurlClient(Path executable, List<String> options) {
        this.executable = executable;
        this.options = options;
    }

    /** This client with more command-line options on every transfer, e.g. {@code --ssl-reqd}. */
    CurlClient withOptions(List<String> more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(more);
        return new CurlClient(executable, List.copyOf(all));
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

    /**
     * The TLS version and cipher suite of the control connection, from {@code curl -v} listing the root: e.g.
     * {@code TLSv1.3 / TLS_AES_256_GCM_SHA384}, or {@code "?"} when curl does not say.
     */
    String negotiated(Endpoint endpoint) throws IOException, InterruptedException {
        String verbose = run(endpoint, List.of("--verbose", "--list-only", endpoint.url("/")));
        return verbose.lines()
                .filter(line -> line.contains("SSL connection using "))
                .map(line -> line.substring(line.indexOf("SSL connection using ") + "SSL connection using ".length()))
                .findFirst()
                .orElse("?");
    }

    /** Runs curl and returns what it wrote to standard error. */
    private String run(Endpoint endpoint, List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--silent", "--show-error", "--fail",
                "--max-time", Long.toString(TIMEOUT_SECONDS), "--user", endpoint.user() + ":" + endpoint.password()));
        command.addAll(options);
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
        return errors;
    }
}
