package dev.ftpkit.client;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client against vsftpd in a container (an image other than the Debian package the other tests use). Skips
 * where Docker is unavailable; never the only test of anything (see {@link VsftpdClientTest}).
 */
class ContainerVsftpdClientTest {

    /**
     * Pinned by digest, not {@code :latest}: the image publishes no version tags, and a moving tag would change
     * the peer under the test without a commit. (The digest is the one another public project pins.)
     */
    private static final String IMAGE = "delfer/alpine-ftp-server@sha256:"
            + "60bb774d8408d9d4d5c74d05d1c086a34ce192c6c1a142ffac268cac0dbc6fac";
    private static final int PASSIVE_MIN = 21100;
    private static final int PASSIVE_MAX = 21103;

    // Per test, not per class: an assumption failing in @BeforeAll reports "Tests run: 0" instead of a skipped test.
    @BeforeEach
    void requireDocker() {
        boolean available;
        try {
            available = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            available = false;
        }
        Assumptions.assumeTrue(available, "Docker is not available: skipping the container test");
    }

    @Test
    void uploadDownloadAndListAgainstContainerisedVsftpd(@TempDir Path dir) throws Exception {
        try (GenericContainer<?> server = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withEnv("USERS", "alice|secret|/home/alice")
                .withEnv("ADDRESS", "127.0.0.1")
                .withEnv("MIN_PORT", Integer.toString(PASSIVE_MIN))
                .withEnv("MAX_PORT", Integer.toString(PASSIVE_MAX))
                .withExposedPorts(21)
                // Passive ports must be the same on both sides: the client connects to the control peer's address
                // with the port the server announced.
                .withCreateContainerCmdModifier(cmd -> {
                    Ports ports = cmd.getHostConfig().getPortBindings() == null
                            ? new Ports() : cmd.getHostConfig().getPortBindings();
                    for (int port = PASSIVE_MIN; port <= PASSIVE_MAX; port++) {
                        ports.bind(ExposedPort.tcp(port), Ports.Binding.bindIpAndPort("127.0.0.1", port));
                    }
                    cmd.getHostConfig().withPortBindings(ports);
                })
                .waitingFor(Wait.forListeningPort())
                .withStartupTimeout(Duration.ofSeconds(60))) {
            server.start();
            byte[] content = new byte[700_000];
            new Random(21).nextBytes(content);
            FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(10)).build();

            try (FtpClient client = FtpClient.connect(config, server.getHost(), server.getMappedPort(21))) {
                client.login("alice", "secret");
                client.store(new ByteArrayInputStream(content), "container.bin");
                Path back = dir.resolve("back.bin");
                client.retrieve("container.bin", back);

                assertThat(Files.readAllBytes(back)).isEqualTo(content);
                assertThat(client.list("")).anySatisfy(e -> assertThat(e.name()).isEqualTo("container.bin"));
                client.quit();
            }
        }
    }
}
