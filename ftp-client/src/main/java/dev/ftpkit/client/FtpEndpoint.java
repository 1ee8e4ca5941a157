package dev.ftpkit.client;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and as whom to log in: a configuration, a server and credentials. It is the key of an
 * {@link FtpConnectionPool}: two endpoints are equal when host (ignoring case), port, user, password and
 * configuration are; configurations are compared by identity, so connections are shared only between borrowers
 * that use the same {@link FtpClientConfig} instance (it holds the TLS settings, timeouts and listeners).
 *
 * @param config   the client configuration (TLS settings included)
 * @param host     the server's host name or address
 * @param port     the control port, 1..65535
 * @param user     the user name
 * @param password the password (never shown by {@link #toString()})
 */
public record FtpEndpoint(FtpClientConfig config, String host, int port, String user, String password) {

    /**
     * Validates the endpoint and lower-cases the host name.
     *
     * @throws IllegalArgumentException if the port is outside 1..65535 or the host is empty
     */
    public FtpEndpoint {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be within 1..65535: " + port);
        }
        host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * An anonymous login ({@code anonymous}, password {@code anonymous@}), as {@link FtpClient#loginAnonymous()}.
     *
     * @param config the configuration
     * @param host   the host
     * @param port   the port
     * @return the endpoint
     */
    public static FtpEndpoint anonymous(FtpClientConfig config, String host, int port) {
        return new FtpEndpoint(config, host, port, "anonymous", "anonymous@");
    }

    /**
     * Connects and logs in: a new connection, not taken from any pool.
     *
     * @return the logged-in client, owned by the caller
     * @throws IOException if connecting or logging in fails (the connection is closed then)
     */
    public FtpClient connect() throws IOException {
        return open(config);
    }

    /**
     * Connects and logs in, with another transfer listener than the configuration's (e.g. one that sums the
     * progress of several connections).
     *
     * @param listener the listener for this connection's transfers
     * @return the logged-in client, owned by the caller
     * @throws IOException if connecting or logging in fails (the connection is closed then)
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

    /** Host, port and user; the password is left out. */
    @Override
    public String toString() {
        return "FtpEndpoint[" + user + "@" + host + ":" + port + (config.tls().isPresent() ? ", TLS" : "") + "]";
    }
}
