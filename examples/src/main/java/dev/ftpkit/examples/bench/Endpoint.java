package dev.ftpkit.examples.bench;

/**
 * Where a benchmark client connects and how it logs in.
 *
 * @param host always a loopback address
 * @param port the server's control port
 * @param user the login name
 * @param password the password
 */
public record Endpoint(String host, int port, String user, String password) {

    /** The account every server under test offers for transfers: anonymous, allowed to upload into {@code /upload}. */
    public static Endpoint anonymous(int port) {
        return new Endpoint("127.0.0.1", port, "anonymous", "bench@ftpkit.dev");
    }

    /** {@code ftp://host:port} followed by an absolute {@code path}. */
    public String url(String path) {
        return "ftp://" + host + ":" + port + path;
    }
}
