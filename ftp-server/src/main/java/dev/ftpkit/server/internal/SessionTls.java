package dev.ftpkit.server.internal;

import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;

/**
 * The FTPS state of one session (RFC 4217): TLS on the control connection, PBSZ/PROT, and the TLS layer of data
 * connections. The control-connection changes (AUTH, CCC) happen on the session thread once the reply is out;
 * the fields read by the transfer thread are volatile.
 */
final class SessionTls {

    private static final System.Logger LOG = System.getLogger(SessionTls.class.getName());

    private final String sessionId;
    private volatile SSLSession controlTls;
    // the session data connections must resume; it outlives CCC, after which data stays protected (RFC 4217 §12.3)
    private volatile SSLSession dataReuseReference;
    private boolean tlsAfterReply;
    private boolean clearAfterReply;
    private boolean pbszDone;
    private volatile boolean protectData;

    SessionTls(String sessionId) {
        this.sessionId = sessionId;
    }

    /** Implicit FTPS: TLS before the greeting, and data protected from the start. */
    void startImplicit(ControlConnection control, TlsConfig tls, Duration timeout) throws IOException {
        controlTls = control.upgrade(tls, timeout);
        dataReuseReference = controlTls;
        pbszDone = true;
        protectData = true;
    }

    /** Carries out what AUTH or CCC asked for, once their reply is sent. */
    void afterReply(ControlConnection control, ServerConfig config) throws IOException {
        if (tlsAfterReply) {
            tlsAfterReply = false;
            controlTls = control.upgrade(config.tls().orElseThrow(), config.lineTimeout());
            dataReuseReference = controlTls;
        } else if (clearAfterReply) {
            clearAfterReply = false;
            control.clear(config.lineTimeout());
            controlTls = null;
        }
    }

    /** The TLS session of the control connection, if it is protected. */
    Optional<SSLSession> controlTls() {
        return Optional.ofNullable(controlTls);
    }

    /** Whether the control connection is protected, or will be once the reply to AUTH is out. */
    boolean tlsActive() {
        return controlTls != null || tlsAfterReply;
    }

    /** Starts TLS on the control connection once the current reply (234) is sent. */
    void startTlsAfterReply() {
        this.tlsAfterReply = true;
    }

    /** Returns the control connection to plaintext once the current reply (200 to CCC) is sent. */
    void clearControlAfterReply() {
        this.clearAfterReply = true;
    }

    boolean pbszDone() {
        return pbszDone;
    }

    void pbszDone(boolean done) {
        this.pbszDone = done;
    }

    boolean protectData() {
        return protectData;
    }

    void protectData(boolean protect) {
        this.protectData = protect;
    }

    /**
     * RFC 4217 §7: the server is the TLS server on data connections too, passive or active.
     *
     * @param transfer the transfer the data connection belongs to, or null; an aborted one fails quietly
     */
    Socket secureData(TlsConfig tls, Socket socket, Duration timeout, Transfer transfer) throws IOException {
        SSLSocket secure;
        try {
            secure = TlsSockets.handshake(tls, socket, null, true, timeout);
        } catch (IOException e) {
            if (transfer != null && transfer.aborted()) {
                throw new DataConnectionException("aborted", e);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "session " + sessionId + ": data TLS handshake failed: " + e);
            throw new FtpReplyException(Reply.of(ReplyCodes.EXTENDED_PORT_FAILURE, "SSL connection failed."));
        }
        SSLSession control = dataReuseReference;
        if (tls.reuseRequired() && (control == null || !TlsSockets.resumedFrom(control, secure.getSession()))) {
            DataSetup.closeQuietly(secure);
            // vsftpd's require_ssl_reuse reply, word for word: clients and scripts match it
            throw new FtpReplyException(Reply.of(ReplyCodes.EXTENDED_PORT_FAILURE,
                    "SSL connection failed: session reuse required"));
        }
        return secure;
    }
}
