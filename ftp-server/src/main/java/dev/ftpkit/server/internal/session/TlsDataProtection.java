package dev.ftpkit.server.internal.session;

import dev.ftpkit.server.internal.data.DataChannelException;
import dev.ftpkit.server.internal.data.DataProtection;
import dev.ftpkit.server.internal.data.Transfer;
import dev.ftpkit.server.internal.tls.SessionTls;
import dev.ftpkit.server.internal.tls.TlsConfig;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * The session's FTPS state as its data connections see it: PROT P required (vsftpd's force_local_data_ssl) and
 * the TLS layer under PROT P (RFC 4217 §9).
 *
 * @param config  the server's FTPS options, empty for plain FTP
 * @param tls     the session's TLS state
 * @param timeout the handshake's bound
 */
record TlsDataProtection(Optional<TlsConfig> config, SessionTls tls, Duration timeout) implements DataProtection {

    @Override
    public void checkAllowed() throws DataChannelException {
        TlsConfig tlsConfig = config.orElse(null);
        if (tlsConfig != null && tlsConfig.requiredForData() && !tls.protectData()) {
            throw new DataChannelException(DataChannelException.Reason.PROTECTION_REQUIRED, null);
        }
    }

    @Override
    public Socket protect(Socket socket, Transfer transfer) throws IOException {
        TlsConfig tlsConfig = config.orElse(null);
        if (tls.protectData() && tlsConfig != null) {
            return tls.secureData(tlsConfig, socket, timeout, transfer);
        }
        return socket;
    }
}
