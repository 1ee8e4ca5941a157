package dev.ftpkit.examples.cli;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.EOFException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Turns exceptions into sentences for the command line: the host and port or the path, and the reason in words,
 * never a Java class name. One table per kind of failure; the first rule matching the exception or one of its causes
 * wins, wherever it is in the chain.
 */
public final class Failures {

    /** What to suggest when the server's certificate is not trusted. */
    static final String TRUST_HINT = "trust its CA with --cacert FILE, or skip the check with --insecure";

    private record Rule(Class<? extends Throwable> type, BiFunction<Throwable, String, String> text) {
    }

    /** Network failures; {@code where} is {@code host:port}. Certificate problems come before other TLS ones. */
    private static final List<Rule> NETWORK = List.of(
            new Rule(UnknownHostException.class, (e, where) -> "unknown host " + host(where)),
            new Rule(BindException.class, (e, where) -> "cannot listen on " + where + ": "
                    + reason(e, "the address is already in use") + " (choose another --port, or 0 for any free port)"),
            new Rule(ConnectException.class, (e, where) -> "cannot connect to " + where + ": "
                    + reason(e, "connection refused") + " (is a server running there?)"),
            new Rule(NoRouteToHostException.class, (e, where) -> "cannot reach " + where + ": no route to the host"),
            new Rule(SocketTimeoutException.class, (e, where) -> where + " did not answer in time (see --timeout)"),
            new Rule(CertPathValidatorException.class, Failures::untrusted),
            new Rule(CertificateException.class, Failures::untrusted),
            new Rule(SSLPeerUnverifiedException.class, Failures::untrusted),
            new Rule(SSLHandshakeException.class, (e, where) -> "TLS handshake with " + where + " failed: "
                    + reason(e, "the peers found no common protocol or cipher")),
            new Rule(SSLException.class, (e, where) -> "TLS with " + where + " failed: " + reason(e, "error")),
            new Rule(EOFException.class, (e, where) -> where + " closed the connection"),
            new Rule(SocketException.class, (e, where) -> "connection to " + where + " failed: "
                    + reason(e, "network error")));

    /** Local file failures; {@code where} is the path the command meant. */
    private static final List<Rule> LOCAL = List.of(
            new Rule(NoSuchFileException.class, (e, where) -> file(e, where) + ": no such file or directory"
                    + missingParent(file(e, where))),
            new Rule(AccessDeniedException.class, (e, where) -> file(e, where) + ": permission denied"),
            new Rule(FileAlreadyExistsException.class, (e, where) -> file(e, where) + ": already exists"),
            new Rule(NotDirectoryException.class, (e, where) -> file(e, where) + ": not a directory"),
            new Rule(DirectoryNotEmptyException.class, (e, where) -> file(e, where) + ": directory not empty"),
            new Rule(FileSystemException.class, (e, where) -> file(e, where) + ": "
                    + (((FileSystemException) e).getReason() == null ? "cannot be read or written"
                    : ((FileSystemException) e).getReason())));

    private Failures() {
    }

    /**
     * A network failure in words.
     *
     * @param failure what was thrown
     * @param hostPort {@code host:port} of the peer (or of the listener)
     * @return e.g. {@code cannot connect to 127.0.0.1:21: connection refused (is a server running there?)}
     */
    public static String network(Throwable failure, String hostPort) {
        return match(NETWORK, failure, hostPort)
                .orElseGet(() -> hostPort + ": " + reason(failure, "input/output error"));
    }

    /**
     * A local file failure in words, or empty when the failure is not about a local file.
     *
     * @param failure what was thrown
     * @param path the path the command meant (used when the exception names none)
     * @return e.g. {@code /nonexistent/dir/x.txt: no such file or directory (its directory /nonexistent/dir does not exist)}
     */
    public static Optional<String> localFile(Throwable failure, String path) {
        return match(LOCAL, failure, path);
    }

    private static Optional<String> match(List<Rule> rules, Throwable failure, String where) {
        // The table's order decides, over the whole chain: a certificate problem under a handshake failure wins.
        for (Rule rule : rules) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (rule.type().isInstance(cause)) {
                    return Optional.of(rule.text().apply(cause, where));
                }
            }
        }
        return Optional.empty();
    }

    private static String untrusted(Throwable e, String where) {
        return "TLS with " + where + " failed: the server's certificate is not trusted ("
                + reason(e, "no trusted issuer") + "); " + TRUST_HINT;
    }

    /** The exception's own message, lower-cased at the start, without class names; or the fallback. */
    private static String reason(Throwable e, String fallback) {
        String message = e.getMessage();
        if (message == null || message.isBlank() || message.matches("(?s).*\\b(java|javax|sun)\\.[a-z]+\\..*")) {
            return fallback;
        }
        String first = message.lines().findFirst().orElse(message).strip();
        return first.substring(0, 1).toLowerCase(Locale.ROOT) + first.substring(1);
    }

    private static String file(Throwable e, String where) {
        return e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile() : where;
    }

    private static String host(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 ? hostPort.substring(0, colon) : hostPort;
    }

    private static String missingParent(String file) {
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return parent != null && !Files.isDirectory(parent) ? " (its directory " + parent + " does not exist)" : "";
    }

    /**
     * {@code host:port}, with brackets around an IPv6 address.
     *
     * @param host the host name or address
     * @param port the port
     * @return the endpoint as people write it
     */
    public static String endpoint(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
