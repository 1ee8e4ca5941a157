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
     * Layers a TLS server socket over a control connection's {@code raw} socket and completes the handshake within
     * {@code timeout}. Closing the TLS socket leaves {@code raw} open: CCC may return it to plaintext.
     *
     * @param context the key and certificate, whose session cache and ticket keys its data connections resume from
     * @param peerTag what the session records as the peer host: the control connection's tag (see
     *                {@link #newControlTag()})
     */
    public static SSLSocket handshakeControl(TlsConfig tls, SSLContext context, Socket raw, String peerTag,
                                             Duration timeout) throws IOException {
        try {
            SSLSocket socket = layer(tls, context, raw, peerTag, false);
            handshake(socket, raw, timeout);
            return socket;
        } catch (IOException | RuntimeException e) {
            DataSetup.closeQuietly(raw);
            throw e;
        }
    }

    /**
     * Layers a TLS server socket over a data connection's {@code raw} socket and completes the handshake within
     * {@code timeout}, sending no TLS 1.3 NewSessionTicket (see {@link TicketlessSocket}). Closing the TLS socket
     * closes {@code raw}. The session records the socket's address as the peer host, unless it is resumed and so
     * brings the tag of the session it resumes.
     *
     * @param context the control connection's key and certificate, whose session cache and ticket keys the data
     *                connection resumes from
     */
    public static SSLSocket handshakeData(TlsConfig tls, SSLContext context, Socket raw, Duration timeout)
            throws IOException {
        try {
            TicketlessSocket ticketless = new TicketlessSocket(raw);
            SSLSocket socket = layer(tls, context, ticketless, null, true);
            ticketless.layeredUnder(socket);
            handshake(socket, raw, timeout);
            ticketless.handshakeDone();
            return socket;
        } catch (IOException | RuntimeException e) {
            DataSetup.closeQuietly(raw);
            throw e;
        }
    }

    private static SSLSocket layer(TlsConfig tls, SSLContext context, Socket under, String peerTag, boolean autoClose)
            throws IOException {
        // server side, the host only names the peer: no SNI and no endpoint identification depend on it
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(under, peerTag, under.getPort(),
                autoClose);
        socket.setUseClientMode(false);
        socket.setEnabledProtocols(tls.protocols().toArray(String[]::new));
        // set per socket, so the data connections of a session ask for a certificate as its control connection
        // does; a resumed session brings the certificate of the session it resumes
        if (tls.clientAuth() == ClientAuth.REQUIRED) {
            socket.setNeedClientAuth(true);
        } else if (tls.clientAuth() == ClientAuth.OPTIONAL) {
            socket.setWantClientAuth(true);
        }
        return socket;
    }

    /** Runs the handshake, each read of it bounded by {@code timeout}. */
    private static void handshake(SSLSocket socket, Socket raw, Duration timeout) throws IOException {
        int previous = raw.getSoTimeout();
        raw.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        socket.startHandshake();
        raw.setSoTimeout(previous);
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
