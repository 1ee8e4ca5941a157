package dev.ftpkit.server;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The session's next data connection (RFC 959 §4.1.2, RFC 2428): prepared by PASV/EPSV or PORT/EPRT, opened by a
 * transfer command. One is prepared at a time: preparing another drops the first.
 */
public interface DataConnections {

    /**
     * Leases a passive port from the server's pool and listens on it for the client.
     *
     * @return the listening port (before {@link PassiveSettings#portMapping()})
     * @throws IOException if no port is free (mapped to 425)
     */
    int preparePassive() throws IOException;

    /**
     * Prepares an active connection from the server to the client; the caller checked the target.
     *
     * @param target the client's address and port
     */
    void prepareActive(InetSocketAddress target);

    /**
     * Drops the prepared data connection, returning a passive port to the pool.
     */
    void discard();

    /**
     * Whether {@code EPSV ALL} is in effect (RFC 2428 §4: PORT, EPRT and PASV are refused from then on).
     *
     * @return true after EPSV ALL
     */
    boolean epsvAll();

    /** Puts {@code EPSV ALL} in effect and drops the prepared data connection. */
    void enterEpsvAll();

    /**
     * Opens the prepared data connection and sends {@code 150} with the given text; with PROT P the TLS
     * handshake follows. Only for commands registered as transfers ({@link CommandDescriptor#transfer}).
     *
     * @param preliminaryText the text of the 150 reply
     * @return the open connection
     * @throws IOException if none was prepared (425), it cannot be opened (425), TLS fails (522) or the control
     *                     connection fails
     */
    DataConnection open(String preliminaryText) throws IOException;
}
