package dev.ftpkit.examples.testing;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A downloader written with the ftpkit client that survives a broken data connection: when a download fails
 * midway, it connects again and resumes from what arrived (REST, RFC 3659 §5), up to a limit. Tested with
 * ftp-testing's faults in {@code ResumingDownloaderTest}.
 */
public final class ResumingDownloader {

    private final String host;
    private final int port;
    private final int attempts;

    /**
     * A downloader from one server (anonymous login).
     *
     * @param host     the server's address
     * @param port     the server's port
     * @param attempts how many connections a download may use, at least 1
     */
    public ResumingDownloader(String host, int port, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        this.host = host;
        this.port = port;
        this.attempts = attempts;
    }

    /**
     * Downloads a file, resuming after a failure.
     *
     * @param remote the remote file
     * @param local  where it goes (a partial file from an earlier run is resumed too)
     * @return how many connections it took
     * @throws IOException the last failure, when every attempt failed
     */
    public int download(String remote, Path local) throws IOException {
        FtpClientConfig config = FtpClientConfig.builder().timeouts(Duration.ofSeconds(10)).build();
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try (FtpClient client = FtpClient.connect(config, host, port)) {
                client.loginAnonymous();
                client.resumeRetrieve(remote, local);
                return attempt;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }
}
