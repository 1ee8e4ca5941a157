package dev.ftpkit.examples.bench;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;

import java.io.IOException;
import java.nio.file.Path;

/** ftpkit's client on its defaults (passive, EPSV first, binary, its default buffer size). */
final class FtpkitClient implements BenchClient {

    private final FtpClientConfig config;

    FtpkitClient() {
        this(FtpClientConfig.defaults());
    }

    /** The client with other settings, e.g. FTPS. */
    FtpkitClient(FtpClientConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return Goal.OURS;
    }

    @Override
    public long retrieve(Endpoint endpoint, String remote, Path local) throws Exception {
        try (FtpClient client = config.connect(endpoint.host(), endpoint.port())) {
            client.login(endpoint.user(), endpoint.password());
            long bytes = client.retrieve(remote, local);
            client.quit();
            return bytes;
        }
    }

    @Override
    public long store(Endpoint endpoint, Path local, String remote) throws Exception {
        try (FtpClient client = config.connect(endpoint.host(), endpoint.port())) {
            client.login(endpoint.user(), endpoint.password());
            long bytes = client.store(local, remote);
            client.quit();
            return bytes;
        }
    }

    @Override
    public long cpuNanos() throws IOException {
        return Cpu.selfNanos();
    }
}
