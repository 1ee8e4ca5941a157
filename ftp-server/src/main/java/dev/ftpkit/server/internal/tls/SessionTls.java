package dev.ftpkit.server.internal.tls;

import dev.ftpkit.server.TlsControl;
import dev.ftpkit.server.internal.ControlConnection;
import dev.ftpkit.server.internal.ServerConfig;
import dev.ftpkit.server.internal.data.DataChannelException;
import dev.ftpkit.server.internal.data.DataConnectionException;
import dev.ftpkit.server.internal.data.DataSetup;
import dev.ftpkit.server.internal.data.Transfer;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * The FTPS state of one session (RFC 4217): TLS on the control connection, PBSZ/PROT, and the TLS layer of data
 * connections. The control-connection changes (AUTH, CCC) happen on the session thread once the reply is out;
 * the fields read by the transfer thread are volatile.
 */
public final class SessionTls implements TlsControl {

    private static final System.Logger LOG = System.getLogger(SessionTls.class.getName());

    // a session value whose change makes JSSE send the control connection a new session ticket
    private static final String TICKET_REQUEST = "dev.ftpkit.server.ticket-request";

    private final String sessionId;
    private volatile SSLSession controlTls;
    // the session data connections must resume; it outlives CCC, after which data stays protected (RFC 4217 §12.3)
    private volatile SSLSession dataReuseReference;
    // the context of the control connection's TLS, which its data connections resume from; a certificate reloaded
    // since (TlsSettings.builder(Supplier)) reaches the next session, not this one
    private volatile SSLContext sessionContext;
    private boolean tlsAfterReply;
    private boolean clearAfterReply;
    private boolean pbszDone;
    private volatile boolean protectData;

    public SessionTls(String sessionId) {
        this.sessionId = sessionId;
    }

    /** Implicit FTPS: TLS before the greeting, and data protected from the start. */
    public void startImplicit(ControlConnection control, TlsConfig tls, Duration timeout) throws IOException {
        sessionContext = tls.context();
        controlTls = control.upgrade(tls, sessionContext, timeout);
        dataReuseReference = controlTls;
        pbszDone = true;
        protectData = true;
    }

    /** Carries out what AUTH or CCC asked for, once their reply is sent. */
    public void afterReply(ControlConnection control, ServerConfig config) throws IOException {
        if (tlsAfterReply) {
            tlsAfterReply = false;
            TlsConfig tls = config.tls().orElseThrow();
            sessionContext = tls.context();
            controlTls = control.upgrade(tls, sessionContext, config.lineTimeout());
            dataReuseReference = controlTls;
        } else if (clearAfterReply) {
            clearAfterReply = false;
            control.clear(config.lineTimeout());
            controlTls = null;
        }
    }

    @Override
    public Optional<SSLSession> controlSession() {
        return Optional.ofNullable(controlTls);
    }

    @Override
    public boolean active() {
        return controlTls != null || tlsAfterReply;
    }

    @Override
    public void startAfterReply() {
        this.tlsAfterReply = true;
    }

    @Override
    public void clearControlAfterReply() {
        this.clearAfterReply = true;
    }

    @Override
    public boolean pbszDone() {
        return pbszDone;
    }

    @Override
    public void pbszDone(boolean done) {
        this.pbszDone = done;
    }

    @Override
    public boolean protectData() {
        return protectData;
    }

    @Override
    public void protectData(boolean protect) {
        this.protectData = protect;
    }

    /**
     * RFC 4217 §7: the server is the TLS server on data connections too, passive or active.
     *
     * @param transfer the transfer the data connection belongs to, or null; an aborted one fails quietly
     */
    public Socket secureData(TlsConfig tls, Socket socket, Duration timeout, Transfer transfer) throws IOException {
        SSLSocket secure;
        try {
            SSLContext context = sessionContext;
            secure = TlsSockets.handshakeData(tls, context == null ? tls.context() : context, socket, timeout);
        } catch (IOException e) {
            if (transfer != null && transfer.aborted()) {
                throw new DataConnectionException("aborted", e);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "session " + sessionId + ": data TLS handshake failed: " + e);
            throw new DataChannelException(DataChannelException.Reason.TLS_FAILED, e);
        }
        SSLSession control = dataReuseReference;
        if (tls.reuseRequired() && (control == null || !TlsSockets.resumedFrom(control, secure.getSession()))) {
            DataSetup.closeQuietly(secure);
            throw new DataChannelException(DataChannelException.Reason.TLS_NOT_RESUMED, null);
        }
        ticketForNextDataConnection(secure.getSession());
        return secure;
    }

    /**
     * Under TLS 1.3 a data connection gets no ticket of its own ({@link TicketlessSocket}), and clients such as curl
     * offer each ticket once (RFC 8446 §8.1 recommends it; OpenSSL marks a TLS 1.3 session not resumable once
     * used): the control connection sends a fresh one instead, right after the transfer's final reply, which the
     * client reads before it opens the next data connection. JSSE sends a NewSessionTicket on the next write of an
     * established TLS 1.3 server connection whose session's application values changed (so a stateless ticket can
     * carry them; {@code SSLSessionImpl.putValue} and {@code SSLSocketImpl.tryNewSessionTicket}, Java 13 to 25): a
     * value put and removed again changes nothing else.
     */
    private void ticketForNextDataConnection(SSLSession data) {
        SSLSession control = controlTls;
        if (control != null && "TLSv1.3".equals(data.getProtocol()) && "TLSv1.3".equals(control.getProtocol())) {
            control.putValue(TICKET_REQUEST, Boolean.TRUE);
            control.removeValue(TICKET_REQUEST);
        }
    }
}
