package dev.ftpkit.client;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;

/**
 * FTPS settings (RFC 4217): explicit TLS ({@code AUTH TLS} on the usual port) or implicit TLS (TLS from the first
 * byte, the {@code ftps://} port-990 style), with the {@link SSLContext} that decides whom to trust.
 *
 * <p>Defaults: data connections protected ({@code PBSZ 0}, {@code PROT P}), TLS 1.3 and 1.2 enabled, host name
 * verification on, the control connection kept encrypted (no {@code CCC}). TLS is <b>required</b>: when the server
 * refuses {@code AUTH TLS} the client throws and never sends the user name or password in the clear.
 *
 * <p>Data connections resume the control connection's TLS session, as servers such as vsftpd demand by default
 * ({@code require_ssl_reuse}). The session is found in the {@link SSLContext}'s client session cache, so use one
 * context for the control connection and its data connections (this class does), and preferably one context per
 * concurrently open connection to the same server (connections sharing a context to the same host and port may
 * offer each other's sessions). With TLS 1.2 against vsftpd 3.0.3 a context that offers session tickets cannot
 * resume: vsftpd (OpenSSL) then answers with an empty session ID and a ticket of lifetime 2<sup>31</sup>-1 seconds,
 * JSSE discards tickets living longer than 7 days and gives the session a random local ID, and the data connection
 * offers an ID the server never issued ({@code 522 session reuse required}). Whether a context offers tickets is
 * fixed when the {@link SSLContext} is created, from the JVM-wide property
 * {@code jdk.tls.client.enableSessionTicketExtension} (JSSE has no per-context or per-socket switch), so for TLS 1.2
 * reuse create the context in a JVM where that property is {@code false}, as the {@code ftpkit} command line does at
 * start-up. TLS 1.3, the default choice, resumes either way.
 *
 * <pre>{@code
 * FtpClientConfig config = FtpClientConfig.builder()
 *         .tls(FtpsConfig.explicit(TlsContexts.trusting(Path.of("ca.pem"))).build())
 *         .build();
 * }</pre>
 */
public final class FtpsConfig {

    /** How the control connection becomes secure. */
    public enum Mode {
        /** RFC 4217 §4: plain connect, then {@code AUTH TLS} and the handshake. */
        EXPLICIT,
        /** TLS from the first byte (the de-facto {@code ftps://} on port 990). */
        IMPLICIT
    }

    /** The data channel protection level (RFC 2228 §3 PROT, RFC 4217 §9). */
    public enum DataProtection {
        /** {@code PROT P}: data connections run TLS. */
        PRIVATE("P"),
        /** {@code PROT C}: data connections are plain; only the control connection is encrypted. */
        CLEAR("C");

        private final String code;

        DataProtection(String code) {
            this.code = code;
        }

        /**
         * Returns the argument of the {@code PROT} command.
         *
         * @return {@code "P"} or {@code "C"}
         */
        public String code() {
            return code;
        }
    }

    /** The protocols enabled by default: TLS 1.3 and TLS 1.2. */
    public static final List<String> DEFAULT_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final Mode mode;
    private final SSLContext sslContext;
    private final DataProtection dataProtection;
    private final List<String> protocols;
    private final boolean hostnameVerification;
    private final boolean clearCommandChannel;

    private FtpsConfig(Builder b) {
        this.mode = b.mode;
        this.sslContext = b.sslContext;
        this.dataProtection = b.dataProtection;
        this.protocols = b.protocols;
        this.hostnameVerification = b.hostnameVerification;
        this.clearCommandChannel = b.clearCommandChannel;
    }

    /**
     * Starts explicit FTPS settings ({@code AUTH TLS}).
     *
     * @param context the context whose trust managers check the server's certificate, and whose key managers, if
     *                any, present the client's certificate to a server that asks for one (mutual TLS; see
     *                {@link TlsContexts#clientCertificate(java.nio.file.Path, char[])})
     * @return a builder
     */
    public static Builder explicit(SSLContext context) {
        return new Builder(Mode.EXPLICIT, context);
    }

    /**
     * Starts explicit FTPS settings trusting the JDK's default certificate authorities.
     *
     * @return a builder
     * @throws IllegalStateException if the JDK has no default TLS context
     */
    public static Builder explicit() {
        return explicit(defaultContext());
    }

    /**
     * Starts implicit FTPS settings (TLS from the first byte).
     *
     * @param context the context whose trust managers check the server's certificate, and whose key managers, if
     *                any, present the client's certificate to a server that asks for one (mutual TLS; see
     *                {@link TlsContexts#clientCertificate(java.nio.file.Path, char[])})
     * @return a builder
     */
    public static Builder implicit(SSLContext context) {
        return new Builder(Mode.IMPLICIT, context);
    }

    /**
     * Starts implicit FTPS settings trusting the JDK's default certificate authorities.
     *
     * @return a builder
     * @throws IllegalStateException if the JDK has no default TLS context
     */
    public static Builder implicit() {
        return implicit(defaultContext());
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }

    /**
     * Returns how the control connection becomes secure.
     *
     * @return explicit or implicit
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Returns the TLS context of the control connection and its data connections.
     *
     * @return the context
     */
    public SSLContext sslContext() {
        return sslContext;
    }

    /**
     * Returns the data channel protection requested with {@code PROT}.
     *
     * @return private (default) or clear
     */
    public DataProtection dataProtection() {
        return dataProtection;
    }

    /**
     * Returns the enabled TLS protocol versions.
     *
     * @return protocol names as JSSE knows them, e.g. {@code TLSv1.3}
     */
    public List<String> protocols() {
        return protocols;
    }

    /**
     * Tells whether the server's certificate must name the host the client connected to (RFC 2818 §3.1 rules).
     *
     * @return true by default
     */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /**
     * Tells whether the control connection goes back to plain text after login ({@code CCC}, RFC 4217 §6), e.g. so
     * that a NAT firewall can read PORT/PASV; data connections stay as {@link #dataProtection()} says.
     *
     * @return false by default
     */
    public boolean clearCommandChannel() {
        return clearCommandChannel;
    }

    @Override
    public String toString() {
        return "FtpsConfig[mode=" + mode + ", prot=" + dataProtection + ", protocols=" + protocols
                + ", hostnameVerification=" + hostnameVerification + ", ccc=" + clearCommandChannel + "]";
    }

    /** Builds an {@link FtpsConfig}. */
    public static final class Builder {
        private final Mode mode;
        private final SSLContext sslContext;
        private DataProtection dataProtection = DataProtection.PRIVATE;
        private List<String> protocols = DEFAULT_PROTOCOLS;
        private boolean hostnameVerification = true;
        private boolean clearCommandChannel;

        private Builder(Mode mode, SSLContext sslContext) {
            this.mode = mode;
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
        }

        /**
         * Sets the data channel protection (default {@link DataProtection#PRIVATE}).
         *
         * @param protection private or clear
         * @return this builder
         */
        public Builder dataProtection(DataProtection protection) {
            dataProtection = Objects.requireNonNull(protection, "dataProtection");
            return this;
        }

        /**
         * Sets the enabled protocol versions (default {@link #DEFAULT_PROTOCOLS}).
         *
         * @param names JSSE protocol names, e.g. {@code "TLSv1.2"}
         * @return this builder
         * @throws IllegalArgumentException if none is given or the context does not support one
         */
        public Builder protocols(String... names) {
            List<String> list = List.of(names);
            if (list.isEmpty()) {
                throw new IllegalArgumentException("protocols must name at least one TLS version");
            }
            List<String> supported = List.of(sslContext.getSupportedSSLParameters().getProtocols());
            for (String name : list) {
                if (!supported.contains(name)) {
                    throw new IllegalArgumentException("protocols: " + name + " is not supported; supported: "
                            + supported);
                }
            }
            protocols = list;
            return this;
        }

        /**
         * Turns host name verification on (the default) or off. Off accepts any trusted certificate whatever host
         * it names: only for servers reached by an address their certificate does not list.
         *
         * @param verify false to skip the check
         * @return this builder
         */
        public Builder hostnameVerification(boolean verify) {
            hostnameVerification = verify;
            return this;
        }

        /**
         * Sends {@code CCC} after login so the rest of the control dialogue runs in plain text (default: off).
         *
         * @param clear true to clear the command channel after login
         * @return this builder
         */
        public Builder clearCommandChannel(boolean clear) {
            clearCommandChannel = clear;
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the immutable settings
         */
        public FtpsConfig build() {
            return new FtpsConfig(this);
        }
    }
}
