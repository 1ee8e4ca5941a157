package dev.ftpkit.server.internal.tls;

import dev.ftpkit.server.internal.data.DataSetup;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * TLS over accepted or connected sockets. The server is always the TLS server side, on the control connection
 * and on data connections in passive and active mode alike (RFC 4217 §7).
 */
public final class TlsSockets {

    private TlsSockets() {
    }

    /**
     * Layers a TLS server socket over {@code raw} and completes the handshake within {@code timeout}.
     *
     * @param autoClose whether closing the TLS socket closes {@code raw} (false for the control connection,
     *                  which CCC may return to plaintext)
     */
    public static SSLSocket handshake(TlsConfig tls, Socket raw, boolean autoClose, Duration timeout) throws IOException {
        SSLSocket socket = (SSLSocket) tls.context().getSocketFactory()
                .createSocket(raw, null, raw.getPort(), autoClose);
        try {
            socket.setUseClientMode(false);
            socket.setEnabledProtocols(tls.protocols().toArray(String[]::new));
            int previous = raw.getSoTimeout();
            raw.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            socket.startHandshake();
            raw.setSoTimeout(previous);
            return socket;
        } catch (IOException | RuntimeException e) {
            DataSetup.closeQuietly(autoClose ? socket : raw);
            throw e;
        }
    }

    /**
     * Whether the data connection's session is the control connection's one, resumed. JSSE's server hands out:
     * <ul>
     *   <li>TLS 1.2 resumption by session ID: the very same session object;</li>
     *   <li>TLS 1.2 resumption by a stateless ticket (RFC 5077) and TLS 1.3 resumption by PSK (RFC 8446 §2.2):
     *       a new session object with another ID but the original's creation time, which the client cannot
     *       forge (it comes from the server's cache or from the ticket the server encrypted).</li>
     * </ul>
     * A full handshake makes a session created after the control connection's, so its creation time differs.
     */
    public static boolean resumedFrom(SSLSession control, SSLSession data) {
        if (control == data) {
            return true;
        }
        return data.getCreationTime() == control.getCreationTime()
                && data.getProtocol().equals(control.getProtocol())
                && data.getCipherSuite().equals(control.getCipherSuite());
    }
}
