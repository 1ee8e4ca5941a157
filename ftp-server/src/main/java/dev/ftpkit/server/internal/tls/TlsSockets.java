package dev.ftpkit.server.internal.tls;

import dev.ftpkit.server.ClientAuth;
import dev.ftpkit.server.internal.data.DataSetup;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * TLS over accepted or connected sockets. The server is always the TLS server side, on the control connection
 * and on data connections in passive and active mode alike (RFC 4217 §7).
 */
public final class TlsSockets {

    private static final String TAG_PREFIX = "ftpkit-control-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TlsSockets() {
    }

    /**
     * A fresh tag for one control connection's TLS sessions: 128 random bits, so no other connection ever holds
     * it. The server's record of a session's peer host is the one session property JSSE carries, unchanged, into
     * every session resumed from it: the stateless ticket the server encrypts holds it, and the stateful cache
     * copies it (checked on Java 17 and 25, TLS 1.2 and 1.3, tickets on and off). A session's application values
     * ({@code putValue}) do not survive a ticket, and its ID is the client's choice on TLS 1.2 ticket resumption
     * (OpenSSL sends a random one) and always new under TLS 1.3, so neither can serve.
     */
    public static String newControlTag() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return TAG_PREFIX + HexFormat.of().formatHex(bits);
    }

    /**
     * Layers a TLS server socket over {@code raw} and completes the handshake within {@code timeout}.
     *
     * @param context   the key and certificate: a data connection must use its control connection's, whose
     *                  session cache and ticket keys it resumes from
     * @param peerTag   what the session records as the peer host: the control connection's tag (see
     *                  {@link #newControlTag()}), or null on a data connection (the socket's address, unless the
     *                  session is resumed and so brings the tag of the session it resumes)
     * @param autoClose whether closing the TLS socket closes {@code raw} (false for the control connection,
     *                  which CCC may return to plaintext)
     */
    public static SSLSocket handshake(TlsConfig tls, SSLContext context, Socket raw, String peerTag, boolean autoClose,
                                      Duration timeout) throws IOException {
        // server side, the host only names the peer: no SNI and no endpoint identification depend on it
        SSLSocket socket = (SSLSocket) context.getSocketFactory()
                .createSocket(raw, peerTag, raw.getPort(), autoClose);
        try {
            socket.setUseClientMode(false);
            socket.setEnabledProtocols(tls.protocols().toArray(String[]::new));
            // set per socket, so the data connections of a session ask for a certificate as its control connection
            // does; a resumed session brings the certificate of the session it resumes
            if (tls.clientAuth() == ClientAuth.REQUIRED) {
                socket.setNeedClientAuth(true);
            } else if (tls.clientAuth() == ClientAuth.OPTIONAL) {
                socket.setWantClientAuth(true);
            }
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
     * Whether the data connection's session is the control connection's one, resumed. JSSE's server hands out the
     * very same session object on TLS 1.2 resumption from its stateful cache, and otherwise (TLS 1.2 ticket,
     * RFC 5077; TLS 1.3 PSK, RFC 8446 §2.2) a new object that keeps the original's creation time and peer host
     * and port, which the client cannot forge: they come from the server's cache or from the ticket the server
     * encrypted. The peer host of a control session is that connection's random tag, so an equal one proves the
     * data session was resumed from a ticket this control connection was given. Creation time, protocol and
     * cipher suite alone are not proof: another control connection's session made in the same millisecond has
     * them too (issue 13, attack 2).
     */
    public static boolean resumedFrom(SSLSession control, SSLSession data) {
        if (control == data) {
            return true;
        }
        String tag = control.getPeerHost();
        return tag != null && tag.startsWith(TAG_PREFIX)
                && tag.equals(data.getPeerHost())
                && data.getPeerPort() == control.getPeerPort()
                && data.getCreationTime() == control.getCreationTime()
                && Objects.equals(data.getProtocol(), control.getProtocol())
                && Objects.equals(data.getCipherSuite(), control.getCipherSuite());
    }
}
