package dev.ftpkit.server.internal.data;

import dev.ftpkit.core.Reply;
import dev.ftpkit.core.ReplyCodes;
import dev.ftpkit.server.DataConnections;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.Permission;
import dev.ftpkit.server.RateLimits;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferParameters;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * The session's next data connection: what PASV/EPSV or PORT/EPRT prepared, whether EPSV ALL is in effect, and
 * opening it for a transfer. Prepared on the session thread and opened on the transfer thread, which starts after
 * the preparation (starting the thread publishes it).
 */
public final class DataChannels implements DataConnections {

    private final FtpSession session;
    private final TransferParameters parameters;
    private final Settings settings;
    private final DataProtection protection;
    private final TransferRunner transfers;
    private final PassivePortPool passivePorts;
    private DataSetup dataSetup;
    private boolean epsvAll;

    /**
     * What the data connections of a session are configured with.
     *
     * @param dataTimeout         the bound of the accept or connect and of each read and write
     * @param listener            told when a transfer's data connection opened
     * @param rateLimits          the rate limit of each account, chosen when a data connection opens
     * @param sendWays            how downloads move their bytes, per file store (shared by the server's sessions)
     * @param buffers             the direct buffers lent to plain binary transfers (shared by the server's sessions)
     */
    public record Settings(Duration dataTimeout, ServerListener listener, RateLimits rateLimits, SendWays sendWays,
                           DirectBuffers buffers) {
    }

    /**
     * Creates the data connections of one session.
     *
     * @param session      the session: its addresses, the 150 reply, the listener's view
     * @param parameters   TYPE and MODE, read when a connection opens
     * @param settings     timeouts and passive policy
     * @param protection   the session's FTPS state for data connections
     * @param transfers    the session's transfer runner (ABOR must reach a connection being opened)
     * @param passivePorts the server's passive port pool
     */
    public DataChannels(FtpSession session, TransferParameters parameters, Settings settings,
                        DataProtection protection, TransferRunner transfers, PassivePortPool passivePorts) {
        this.session = session;
        this.parameters = parameters;
        this.settings = settings;
        this.protection = protection;
        this.transfers = transfers;
        this.passivePorts = passivePorts;
    }

    @Override
    public int preparePassive() throws IOException {
        close(); // one pending listener per session: return the old port first
        // an FXP account's data connection comes from the other server (RFC 2577 §5 is why others' may not)
        boolean fxp = session.account().map(account -> account.may(Permission.FXP)).orElse(false);
        DataSetup.Passive setup = new DataSetup.Passive(passivePorts.lease(session.serverAddress().getAddress(),
                session.clientAddress().getAddress(), fxp));
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
    public void close() {
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
    public void reset() {
        epsvAll = false;
        close();
    }

    /**
     * Opens the prepared data connection and sends 150 with the given text; with PROT P the TLS handshake follows
     * the 150, as vsftpd does (clients such as ftplib start it only once they read the 150).
     */
    @Override
    public SocketDataConnection open(String preliminaryText) throws IOException {
        try {
            protection.checkAllowed();
        } catch (DataChannelException refused) {
            close();
            throw refused;
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
        Socket socket = setup.open(settings.dataTimeout());
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.dataTimeout().toMillis()));
        if (t != null) {
            t.attach(socket);
            if (t.aborted()) {
                DataSetup.closeQuietly(socket);
                throw new DataConnectionException("aborted", null);
            }
        }
        session.send(Reply.of(ReplyCodes.FILE_STATUS_OK, preliminaryText));
        if (t != null) {
            settings.listener().transferStarted(session, t.verb(), t.argument());
        }
        Socket raw = socket;
        socket = protection.protect(socket, t);
        SocketDataConnection connection = new SocketDataConnection(socket, raw, parameters.asciiType(),
                settings.rateLimits().limitFor(session.account()), parameters.modeZ() ? parameters.modeZLevel() : -1,
                settings.sendWays(), settings.buffers());
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
