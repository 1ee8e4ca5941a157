package dev.ftpkit.examples.bench;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Apache Commons Net's {@link FTPClient} as people use it: passive mode and binary type set (its defaults are
 * active and ASCII), a plain file stream; the buffer size either its default or 64 KiB.
 */
final class CommonsNetClient implements BenchClient {

    static final String DEFAULTS_NAME = "Commons Net (defaults)";

    private final int bufferSize;

    /** @param bufferSize {@link FTPClient#setBufferSize(int)}, or 0 to keep the default */
    CommonsNetClient(int bufferSize) {
        this.bufferSize = bufferSize;
    }

    @Override
    public String name() {
        return bufferSize == 0 ? DEFAULTS_NAME : "Commons Net (" + bufferSize / 1024 + " KiB buffer)";
    }

    @Override
    public long retrieve(Endpoint endpoint, String remote, Path local) throws Exception {
        FTPClient ftp = open(endpoint);
        try {
            try (OutputStream out = Files.newOutputStream(local)) {
                if (!ftp.retrieveFile(remote, out)) {
                    throw new IOException("RETR " + remote + ": " + ftp.getReplyString().trim());
                }
            }
            ftp.logout();
        } finally {
            ftp.disconnect();
        }
        return Files.size(local);
    }

    @Override
    public long store(Endpoint endpoint, Path local, String remote) throws Exception {
        FTPClient ftp = open(endpoint);
        try {
            try (InputStream in = Files.newInputStream(local)) {
                if (!ftp.storeFile(remote, in)) {
                    throw new IOException("STOR " + remote + ": " + ftp.getReplyString().trim());
                }
            }
            ftp.logout();
        } finally {
            ftp.disconnect();
        }
        return Files.size(local);
    }

    @Override
    public long cpuNanos() throws IOException {
        return Cpu.selfNanos();
    }

    private FTPClient open(Endpoint endpoint) throws IOException {
        FTPClient ftp = new FTPClient();
        if (bufferSize > 0) {
            ftp.setBufferSize(bufferSize);
        }
        // Finite timeouts (its defaults wait forever); they do not change throughput.
        ftp.setConnectTimeout(10_000);
        ftp.setDefaultTimeout(60_000);
        ftp.setDataTimeout(Duration.ofSeconds(60));
        ftp.connect(endpoint.host(), endpoint.port());
        try {
            if (!FTPReply.isPositiveCompletion(ftp.getReplyCode())) {
                throw new IOException("greeting: " + ftp.getReplyString().trim());
            }
            if (!ftp.login(endpoint.user(), endpoint.password())) {
                throw new IOException("login: " + ftp.getReplyString().trim());
            }
            ftp.enterLocalPassiveMode();
            if (!ftp.setFileType(FTP.BINARY_FILE_TYPE)) {
                throw new IOException("TYPE I: " + ftp.getReplyString().trim());
            }
            return ftp;
        } catch (IOException e) {
            ftp.disconnect();
            throw e;
        }
    }
}
