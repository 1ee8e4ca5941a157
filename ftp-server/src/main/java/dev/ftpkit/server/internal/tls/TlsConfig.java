package dev.ftpkit.server.internal.tls;

import dev.ftpkit.server.ClientAuth;
import dev.ftpkit.server.TlsSettings;

import java.util.List;
import javax.net.ssl.SSLContext;

/**
 * The validated FTPS options (RFC 4217), named after vsftpd's where it has one.
 *
 * @param protocols          the TLS versions offered (default TLSv1.3 and TLSv1.2)
 * @param requiredForLogin   USER and PASS only after AUTH TLS ({@code force_local_logins_ssl})
 * @param requiredForData    transfers only with PROT P ({@code force_local_data_ssl})
 * @param reuseRequired      data connections must resume the control connection's TLS session
 *                           ({@code require_ssl_reuse})
 * @param cccEnabled         whether CCC may return the control connection to plaintext
 * @param implicitPort       the implicit-TLS listener's port (0 = kernel's choice), or -1 for none
 * @param settings           the public settings these values come from
 */
public record TlsConfig(List<String> protocols, boolean requiredForLogin,
                        boolean requiredForData, boolean reuseRequired, boolean cccEnabled, int implicitPort,
                        TlsSettings settings) {

    /**
     * The runtime's view of the public settings.
     *
     * @param settings what the builder got
     * @return the config
     */
    public static TlsConfig of(TlsSettings settings) {
        return new TlsConfig(settings.protocols(), settings.requiredForLogin(),
                settings.requiredForData(), settings.sessionReuseRequired(), settings.clearCommandChannel(),
                settings.implicitPort().orElse(-1), settings);
    }

    /** The server's key and certificate as they are now: a new control connection's TLS session gets these. */
    public SSLContext context() {
        return settings.context();
    }

    /** Whether clients present a certificate. */
    public ClientAuth clientAuth() {
        return settings.clientAuth();
    }

    /** Whether an implicit-TLS listener is configured. */
    public boolean hasImplicitListener() {
        return implicitPort >= 0;
    }
}
