package dev.ftpkit.server.internal;

import javax.net.ssl.SSLContext;
import java.util.List;

/**
 * The validated FTPS options (RFC 4217), named after vsftpd's where it has one.
 *
 * @param context            the server's key and certificate
 * @param protocols          the TLS versions offered (default TLSv1.3 and TLSv1.2)
 * @param requiredForLogin   USER and PASS only after AUTH TLS ({@code force_local_logins_ssl})
 * @param requiredForData    transfers only with PROT P ({@code force_local_data_ssl})
 * @param reuseRequired      data connections must resume the control connection's TLS session
 *                           ({@code require_ssl_reuse})
 * @param cccEnabled         whether CCC may return the control connection to plaintext
 * @param implicitPort       the implicit-TLS listener's port (0 = kernel's choice), or -1 for none
 */
public record TlsConfig(SSLContext context, List<String> protocols, boolean requiredForLogin,
                        boolean requiredForData, boolean reuseRequired, boolean cccEnabled, int implicitPort) {

    /** Whether an implicit-TLS listener is configured. */
    public boolean hasImplicitListener() {
        return implicitPort >= 0;
    }
}
