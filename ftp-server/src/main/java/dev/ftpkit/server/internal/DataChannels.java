package dev.ftpkit.server.internal;

import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.DataConnections;
import dev.ftpkit.server.FtpSession;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The session's next data connection: what PASV/EPSV or PORT/EPRT prepared, whether EPSV ALL is in effect, and
 * opening it for a transfer. Prepared on the session thread and opened on the transfer thread, which starts after
 * the preparation (starting the thread publishes it).
 */
final class DataChannels implements DataConnections {

    private final FtpSession session;
    private final ServerConfig config;
    private final ControlConnection control;
    private final SessionTls tls;
    private final TransferRunner transfers;
    private final PassivePortPool passivePorts;
    private DataSetup dataSetup;
    private boolean epsvAll;

    DataChannels(FtpSession session, ServerConfig config, ControlConnection control, SessionTls tls,
                 TransferRunner transfers, PassivePortPool passivePorts) {
        this.session = session;
        this.config = config;
        this.control = control;
        this.tls = tls;
        this.transfers = transfers;
        this.passivePorts = passivePorts;
    }

    @Override
    public int preparePassive() throws IOException {
        close(); // one pending listener per session: return the old port first
        ServerSocket listener = passivePorts.lease(session.serverAddress().getAddress());
        DataSetup.Passive setup = new DataSetup.Passive(listener, passivePorts, session.clientAddress().getAddress(),
                config.passive().promiscuous());
        prepare(setup);
        return setup.port();
    }

    @Override
    public void prepareActive(InetSocketAddress target) {
        prepare(new DataSetup.Active(target, session.serverAddress().getAddress()));
    }

    /** Replaces the prepared data connection: one pending passive listener per session. */
    private void prepare(DataSetup setup) {
        close();
        this.dataSetup = setup;
    }

    @Override
    public void discard() {
        close();
    }

    /** Drops the prepared data connection, returning a passive port to the pool. */
    void close() {
        DataSetup old = dataSetup;
        dataSetup = null;
        if (old != null) {
            old.close();
        }
    }

    @Override
    public boolean epsvAll() {
        return epsvAll;
    }

    @Override
    public void enterEpsvAll() {
        this.epsvAll = true;
        close();
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
    @Override
    public SocketDataConnection open(String preliminaryText) throws IOException {
        TlsConfig tlsConfig = config.tls().orElse(null);
        if (tlsConfig != null && tlsConfig.requiredForData() && !tls.protectData()) {
            close();
            throw new DataChannelException(DataChannelException.Reason.PROTECTION_REQUIRED, null);
        }
        DataSetup setup = dataSetup;
        dataSetup = null;
        if (setup == null) {
            throw new DataChannelException(DataChannelException.Reason.NOT_PREPARED, null);
        }
        Transfer t = transfers.current();
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
        SocketDataConnection connection = new SocketDataConnection(socket, raw, session.asciiType());
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
