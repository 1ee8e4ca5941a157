package dev.ftpkit.server;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * FTPS (RFC 4217) as one object, the counterpart of the client's {@code FtpsConfig}, named after vsftpd's options
 * where it has one. Immutable; made by {@link #builder(SSLContext)} or, for a certificate renewed while the server
 * runs, {@link #builder(Supplier)}; the builder checks each option as it is set.
 */
public final class TlsSettings {

    /** The TLS versions offered unless {@link Builder#protocols(String...)} says otherwise. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final Supplier<SSLContext> contexts;
    private final List<String> protocols;
    private final boolean requiredForLogin;
    private final boolean requiredForData;
    private final boolean sessionReuseRequired;
    private final boolean clearCommandChannel;
    private final int implicitPort;
    private final ClientAuth clientAuth;
    private final CertificateLogin certificateLogin;

    private TlsSettings(Builder b) {
        this.contexts = b.contexts;
        this.protocols = b.protocols;
        this.requiredForLogin = b.requiredForLogin;
        this.requiredForData = b.requiredForData;
        this.sessionReuseRequired = b.sessionReuseRequired;
        this.clearCommandChannel = b.clearCommandChannel;
        this.implicitPort = b.implicitPort;
        this.clientAuth = b.clientAuth;
        this.certificateLogin = b.certificateLogin;
    }

    /**
     * Starts FTPS settings with the server's key and certificate (see {@link ServerTlsContexts}).
     *
     * @param context a context with a key manager
     * @return a builder
     */
    public static Builder builder(SSLContext context) {
        Objects.requireNonNull(context, "tls context");
        return new Builder(() -> context);
    }

    /**
     * Starts FTPS settings whose key and certificate may change while the server runs: each new TLS session on a
     * control connection asks {@code contexts} for the current context (so a renewed certificate reaches new
     * sessions without a restart), and that session's data connections use the same context, whose session cache
     * they resume from. Sessions already running keep theirs. The supplier is called on session threads, so it
     * must be quick and thread-safe; it must never return null.
     *
     * @param contexts gives the context to present now, each with a key manager
     * @return a builder
     * @throws IllegalStateException naming {@code tls contexts} if the supplier returns null right away
     */
    public static Builder builder(Supplier<SSLContext> contexts) {
        Objects.requireNonNull(contexts, "tls contexts");
        if (contexts.get() == null) {
            throw new IllegalStateException("tls contexts returned no context");
        }
        return new Builder(contexts);
    }

    /**
     * Explicit FTPS with every other option at its default.
     *
     * @param context a context with a key manager
     * @return the settings
     */
    public static TlsSettings of(SSLContext context) {
        return builder(context).build();
    }

    /**
     * The server's key and certificate as they are now.
     *
     * @return the context new sessions get
     */
    public SSLContext context() {
        return Objects.requireNonNull(contexts.get(), "tls contexts returned no context");
    }

    /**
     * The TLS versions offered.
     *
     * @return JSSE protocol names
     */
    public List<String> protocols() {
        return protocols;
    }

    /**
     * Whether USER and PASS need TLS first.
     *
     * @return true if required
     */
    public boolean requiredForLogin() {
        return requiredForLogin;
    }

    /**
     * Whether transfers need PROT P.
     *
     * @return true if required
     */
    public boolean requiredForData() {
        return requiredForData;
    }

    /**
     * Whether data connections must resume the control connection's TLS session.
     *
     * @return true if required
     */
    public boolean sessionReuseRequired() {
        return sessionReuseRequired;
    }

    /**
     * Whether CCC may return the control connection to plaintext.
     *
     * @return true if allowed
     */
    public boolean clearCommandChannel() {
        return clearCommandChannel;
    }

    /**
     * The implicit-TLS listener's port.
     *
     * @return the port (0 = kernel's choice), empty without an implicit listener
     */
    public OptionalInt implicitPort() {
        return implicitPort < 0 ? OptionalInt.empty() : OptionalInt.of(implicitPort);
    }

    /**
     * Whether clients present a certificate.
     *
     * @return the mode
     */
    public ClientAuth clientAuth() {
        return clientAuth;
    }

    /**
     * Which certificates log their user in without a password.
     *
     * @return the mapping, {@link CertificateLogin#NONE} by default
     */
    public CertificateLogin certificateLogin() {
        return certificateLogin;
    }

    @Override
    public String toString() {
        return "TLS " + protocols + (requiredForLogin ? ", required for login" : "")
                + (requiredForData ? ", required for data" : "") + (sessionReuseRequired ? ", session reuse" : "")
                + (clearCommandChannel ? ", CCC allowed" : "")
                + (clientAuth != ClientAuth.NONE ? ", client certificate " + clientAuth : "") + (implicitPort >= 0 ? ", implicit port " + implicitPort : "");
    }

    /** Collects FTPS options; each setter checks its value and names the option when it refuses one. */
    public static final class Builder {
        private final Supplier<SSLContext> contexts;
        private List<String> protocols = DEFAULT_PROTOCOLS;
        private boolean requiredForLogin;
        private boolean requiredForData;
        private boolean sessionReuseRequired = true;
        private boolean clearCommandChannel;
        private int implicitPort = -1;
        private ClientAuth clientAuth = ClientAuth.NONE;
        private CertificateLogin certificateLogin = CertificateLogin.NONE;

        private Builder(Supplier<SSLContext> contexts) {
            this.contexts = contexts;
        }

        /**
         * The TLS versions offered (default {@code TLSv1.3} and {@code TLSv1.2}, {@link #DEFAULT_PROTOCOLS}).
         *
         * <p>Under TLS 1.3, JSSE sends a NewSessionTicket (RFC 8446 §4.6.1) right after each handshake. On a data
         * connection the server sends none: curl 7.88 and lftp never read an upload's data connection, a ticket
         * left unread in their receive buffer makes their kernel answer the close with a reset, and what they had
         * not sent yet is lost (measured before this change: 9 of 70 single 300 KB curl uploads arrived whole). A
         * data connection resumes its control connection's session and needs no ticket of its own; the server
         * makes its TLS 1.3 handshake session unresumable before the client's Finished arrives, so JSSE produces
         * none (Java 17 to 25 have no per-context switch: {@code jdk.tls.server.newSessionTicketCount} is
         * JVM-wide). Since curl offers each TLS 1.3 ticket once (OpenSSL marks a used one not resumable), the
         * control connection then sends a fresh ticket right after the transfer's final reply, which the client
         * reads before it opens the next data connection. {@code protocols("TLSv1.2")} restores TLS 1.2 only.
         *
         * @param names JSSE protocol names, each supported by the context
         * @return this builder
         * @throws IllegalArgumentException naming {@code tls protocols} if empty or one is not supported
         */
        public Builder protocols(String... names) {
            List<String> list = List.copyOf(Arrays.asList(names));
            if (list.isEmpty()) {
                throw new IllegalArgumentException("tls protocols must not be empty");
            }
            List<String> supported = Arrays.asList(contexts.get().getSupportedSSLParameters().getProtocols());
            for (String protocol : list) {
                if (!supported.contains(protocol)) {
                    throw new IllegalArgumentException("tls protocols: " + protocol
                            + " is not supported by the context " + supported);
                }
            }
            this.protocols = list;
            return this;
        }

        /**
         * Whether USER and PASS are refused with {@code 530} until the control connection is protected (vsftpd's
         * {@code force_local_logins_ssl}, default off), so no password crosses the network in clear. It applies
         * to every login, the anonymous one included.
         *
         * @param required true to require TLS before login
         * @return this builder
         */
        public Builder requiredForLogin(boolean required) {
            this.requiredForLogin = required;
            return this;
        }

        /**
         * Whether transfers are refused with {@code 522 Data connections must be encrypted.} unless {@code PROT P}
         * is in effect (vsftpd's {@code force_local_data_ssl}, default off).
         *
         * @param required true to require protected data connections
         * @return this builder
         */
        public Builder requiredForData(boolean required) {
            this.requiredForData = required;
            return this;
        }

        /**
         * Whether a protected data connection must resume the TLS session of its control connection (vsftpd's
         * {@code require_ssl_reuse}, default on). A data connection with any other session gets
         * {@code 522 SSL connection failed: session reuse required}: whoever connects to the data port first
         * cannot take the transfer without the control connection's secrets. Clients that never resume (Python's
         * {@code ftplib}) need it off.
         *
         * @param required true to require session reuse
         * @return this builder
         */
        public Builder sessionReuseRequired(boolean required) {
            this.sessionReuseRequired = required;
            return this;
        }

        /**
         * Whether CCC (RFC 4217 §12.3, "clear command channel") may return the control connection to plaintext
         * after login, e.g. for NAT helpers that read PORT commands (default off: CCC gets {@code 534}). The same
         * name as the client's {@code FtpsConfig.Builder#clearCommandChannel}.
         *
         * @param allowed true to allow CCC
         * @return this builder
         */
        public Builder clearCommandChannel(boolean allowed) {
            this.clearCommandChannel = allowed;
            return this;
        }

        /**
         * Adds a second listener, on the same address, where TLS starts at once, before the greeting (implicit
         * FTPS, {@code ftps://}, traditionally port 990); its sessions start with {@code PROT P}.
         * {@link FtpServer#implicitTlsPort()} tells the bound port.
         *
         * @param port 0..65535, 0 for a kernel-chosen port
         * @return this builder
         * @throws IllegalArgumentException naming {@code tls implicitPort} if out of range
         */
        public Builder implicitPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("tls implicitPort must be 0..65535: " + port);
            }
            this.implicitPort = port;
            return this;
        }

        /**
         * Whether clients present a certificate (mutual TLS; default {@link ClientAuth#NONE}). The trust anchors
         * that check it are the context's: {@link ServerTlsContexts#fromPkcs12(Path, char[], Collection)}.
         *
         * @param mode none, optional or required
         * @return this builder
         */
        public Builder clientAuth(ClientAuth mode) {
            this.clientAuth = Objects.requireNonNull(mode, "tls clientAuth");
            return this;
        }

        /**
         * Which client certificates log their user in without a password (default none): USER then answers
         * {@code 232} instead of {@code 331}. Certificates are only asked for when {@link #clientAuth(ClientAuth)}
         * is not {@code NONE}.
         *
         * @param login the mapping from certificate to account
         * @return this builder
         */
        public Builder certificateLogin(CertificateLogin login) {
            this.certificateLogin = Objects.requireNonNull(login, "tls certificateLogin");
            return this;
        }

        /**
         * Makes the settings.
         *
         * @return the settings
         * @throws IllegalStateException naming {@code tls certificateLogin} if it is set while no client
         *                               certificate is asked for
         */
        public TlsSettings build() {
            if (certificateLogin != CertificateLogin.NONE && clientAuth == ClientAuth.NONE) {
                throw new IllegalStateException("tls certificateLogin needs clientAuth OPTIONAL or REQUIRED");
            }
            return new TlsSettings(this);
        }
    }
}
