package dev.ftpkit.client.sync;

import dev.ftpkit.client.FtpClient;
import dev.ftpkit.client.FtpClientConfig;
import dev.ftpkit.client.TransferListener;

import java.io.IOException;
import java.util.Objects;

/**
 * Where and as whom to connect: what a mirror or a segmented download needs to open one connection per worker.
 * Each {@link #connect()} opens a new control connection and logs in.
 *
 * @param config   the client configuration of every connection
 * @param host     the server's host name or address
 * @param port     the control port (1..65535)
 * @param user     the user name
 * @param password the password (never shown by {@link #toString()})
 */
public record RemoteEndpoint(FtpClientConfig config, String host, int port, String user, String password) {

    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if the port is outside 1..65535
     */
    public RemoteEndpoint {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be within 1..65535: " + port);
        }
    }

    /**
     * An endpoint for the anonymous user ({@code anonymous}, password {@code anonymous@}).
     *
     * @param config the client configuration
     * @param host   the host
     * @param port   the port
     * @return the endpoint
     */
    public static RemoteEndpoint anonymous(FtpClientConfig config, String host, int port) {
        return new RemoteEndpoint(config, host, port, "anonymous", "anonymous@");
    }

    /**
     * Connects and logs in with the configured transfer listener.
     *
     * @return a logged-in client, owned by the caller
     * @throws IOException if connecting or logging in fails
     */
    public FtpClient connect() throws IOException {
        return open(config);
    }

    /**
     * Connects and logs in, with another transfer listener than the configuration's.
     *
     * @param listener the listener for this connection's transfers
     * @return a logged-in client, owned by the caller
     * @throws IOException if connecting or logging in fails
     */
    public FtpClient connect(TransferListener listener) throws IOException {
        return open(config.toBuilder().transferListener(listener).build());
    }

    private FtpClient open(FtpClientConfig settings) throws IOException {
        FtpClient client = settings.connect(host, port);
        try {
            client.login(user, password);
            return client;
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return "RemoteEndpoint[" + user + "@" + host + ":" + port + "]";
    }
}
