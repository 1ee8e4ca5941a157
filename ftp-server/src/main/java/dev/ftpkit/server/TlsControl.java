package dev.ftpkit.server;

import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * The FTPS state of one session (RFC 4217, RFC 2228): TLS on the control connection, PBSZ and PROT. AUTH and CCC
 * take effect once their reply is sent.
 */
public interface TlsControl {

    /**
     * The TLS session of the control connection.
     *
     * @return the session, empty while the control connection is in plaintext
     */
    Optional<SSLSession> controlSession();

    /**
     * Whether the control connection is protected, or will be once the reply to AUTH is out.
     *
     * @return true if TLS is active or starting
     */
    boolean active();

    /**
     * Starts TLS on the control connection once the current reply (234 to AUTH) is sent; data protection
     * returns to its defaults (RFC 4217 §4).
     */
    void startAfterReply();

    /** Returns the control connection to plaintext once the current reply (200 to CCC) is sent (RFC 4217 §12.3). */
    void clearControlAfterReply();

    /**
     * Whether PBSZ was accepted (RFC 4217 §8: PROT needs it first).
     *
     * @return true after PBSZ
     */
    boolean pbszDone();

    /**
     * Records PBSZ.
     *
     * @param done true once accepted
     */
    void pbszDone(boolean done);

    /**
     * Whether data connections are protected (PROT P).
     *
     * @return true for PROT P
     */
    boolean protectData();

    /**
     * Sets the data protection level.
     *
     * @param protect true for PROT P, false for PROT C
     */
    void protectData(boolean protect);
}
