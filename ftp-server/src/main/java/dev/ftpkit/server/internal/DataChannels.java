package dev.ftpkit.server.internal;

import dev.ftpkit.core.FtpReplyException;
import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;

import java.io.IOException;
import java.net.Socket;

/**
 * The session's next data connection: what PASV/EPSV or PORT/EPRT prepared, whether EPSV ALL is in effect, and
 * opening it for a transfer. Prepared on the session thread and opened on the transfer thread, which starts after
 * the preparation (starting the thread publishes it).
 */
final class DataChannels {

    private final Session session;
    private final ServerConfig config;
    private final ControlConnection control;
    private final SessionTls tls;
    private DataSetup dataSetup;
    private boolean epsvAll;

    DataChannels(Session session, ServerConfig config, ControlConnection control, SessionTls tls) {
        this.session = session;
        this.config = config;
        this.control = control;
        this.tls = tls;
    }

    /** Replaces the prepared data connection: one pending passive listener per session. */
    void prepare(DataSetup setup) {
        close();
        this.dataSetup = setup;
    }

    /** Drops the prepared data connection, returning a passive port to the pool. */
    void close() {
        DataSetup old = dataSetup;
        dataSetup = null;
        if (old != null) {
            old.close();
        }
    }

    boolean epsvAll() {
        return epsvAll;
    }

    void epsvAll(boolean all) {
        this.epsvAll = all;
    }

    /** Forgets EPSV ALL and the prepared data connection (REIN, RFC 959 §4.1.1). */
    void reset() {
        epsvAll = false;
        close();
    }

    /**
     * Opens the prepared data connection and sends 150 with the given text; with PROT P the TLS handshake follows
     * the 150, as vsftpd does (clients such as ftplib start it only once they read the 150).
     */
    SocketDataConnection open(String preliminaryText) throws IOException {
        TlsConfig tlsConfig = config.tls().orElse(null);
        if (tlsConfig != null && tlsConfig.requiredForData() && !tls.protectData()) {
            close();
            // vsftpd's force_local_data_ssl reply
            throw new FtpReplyException(Reply.of(ReplyCodes.EXTENDED_PORT_FAILURE, "Data connections must be encrypted."));
        }
        DataSetup setup = dataSetup;
        dataSetup = null;
        if (setup == null) {
            throw new FtpReplyException(Reply.of(ReplyCodes.CANT_OPEN_DATA_CONNECTION, "Use PORT or PASV first."));
        }
        Transfer t = session.transfers().current();
        if (t != null) {
            t.attach(setup);
        }
        Socket socket = setup.open(config.dataTimeout());
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.dataTimeout().toMillis()));
        if (t != null) {
            t.attach(socket);
            if (t.aborted()) {
                DataSetup.closeQuietly(socket);
                throw new DataConnectionException("aborted", null);
            }
        }
        control.send(Reply.of(ReplyCodes.FILE_STATUS_OK, preliminaryText));
        if (t != null) {
            config.listener().transferStarted(session, t.verb(), t.argument());
        }
        Socket raw = socket;
        if (tls.protectData() && tlsConfig != null) {
            socket = tls.secureData(tlsConfig, socket, config.dataTimeout(), t);
        }
        SocketDataConnection connection = new SocketDataConnection(socket, raw);
        if (t != null) {
            t.attach(connection);
            if (t.aborted()) {
                connection.close();
                throw new DataConnectionException("aborted", null);
            }
        }
        return connection;
    }
}
