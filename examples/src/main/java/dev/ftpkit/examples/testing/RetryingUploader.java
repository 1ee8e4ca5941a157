package dev.ftpkit.examples.testing;

import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small uploader written with Apache Commons Net, as many Java projects have one: each attempt opens its own
 * connection, and a failed attempt (a refused reply, a closed connection) is tried again, up to a limit. Tested with
 * ftp-testing's faults in {@code RetryingUploaderTest}.
 */
public final class RetryingUploader {

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int attempts;

    /**
     * An uploader to one server.
     *
     * @param host     the server's address
     * @param port     the server's port
     * @param user     the user name
     * @param password the password
     * @param attempts how many times an upload is tried, at least 1
     */
    public RetryingUploader(String host, int port, String user, String password, int attempts) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
        }
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.attempts = attempts;
    }

    /**
     * Uploads a file, trying again after a failure.
     *
     * @param local  the file
     * @param remote where it goes
     * @return the attempt that succeeded, from 1
     * @throws IOException the last failure, when every attempt failed
     */
    public int upload(Path local, String remote) throws IOException {
        IOException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                uploadOnce(local, remote);
                return attempt;
            } catch (IOException e) {
                last = e;
            }
        }
        throw last;
    }

    private void uploadOnce(Path local, String remote) throws IOException {
        FTPClient ftp = new FTPClient();
        ftp.setDefaultTimeout(10_000);
        try {
            ftp.connect(host, port);
            if (!ftp.login(user, password)) {
                throw new IOException("login refused: " + ftp.getReplyString().strip());
            }
            ftp.setFileType(FTP.BINARY_FILE_TYPE);
            ftp.enterLocalPassiveMode();
            try (InputStream in = Files.newInputStream(local)) {
                if (!ftp.storeFile(remote, in)) {
                    throw new IOException("upload refused: " + ftp.getReplyString().strip());
                }
            }
            ftp.logout();
        } finally {
            if (ftp.isConnected()) {
                ftp.disconnect();
            }
        }
    }
}
