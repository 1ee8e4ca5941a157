package dev.ftpkit.server;

/**
 * Whether FTPS clients present a certificate in the TLS handshake (mutual TLS, RFC 8446 §4.3.2, RFC 5246
 * §7.4.4), on the control connection and on data connections alike. The certificate is checked against the trust
 * anchors of the server's {@code SSLContext} (see {@link ServerTlsContexts#fromPkcs12(java.nio.file.Path, char[],
 * java.util.Collection)}): an untrusted one fails the handshake in every mode but {@link #NONE}.
 */
public enum ClientAuth {
    /** No certificate is asked for (the default). */
    NONE,
    /** A certificate is asked for; a client without one still connects, and logs in with its password. */
    OPTIONAL,
    /**
     * A trusted certificate is required: a client without one fails the handshake (vsftpd's {@code require_cert}
     * with {@code validate_cert}), and still logs in with its password unless a {@link CertificateLogin} maps it.
     */
    REQUIRED
}
