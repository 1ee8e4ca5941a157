package dev.ftpkit.client.internal;

import dev.ftpkit.client.DataConnectionMode;
import dev.ftpkit.client.FtpClientConfig;

import java.io.IOException;
import java.net.Socket;

/** Opens data connections for one control connection: a strategy per {@link DataConnectionMode}. */
interface DataConnector {

    /**
     * Gets the data connection ready before the transfer command is sent: passive connects, active listens and
     * sends PORT/EPRT.
     */
    PendingData prepare() throws IOException;

    /** A data connection being set up. */
    interface PendingData extends AutoCloseable {

        /** Returns the connected data socket; called after the transfer command's 1xx reply. */
        Socket socket() throws IOException;

        /** Releases what {@link #socket()} did not hand out (listener, unused socket). */
        @Override
        void close();
    }

    static DataConnector of(FtpClientConfig config, ControlConnection control) {
        DataConnectionMode mode = config.dataConnectionMode();
        if (mode instanceof DataConnectionMode.Passive passive) {
            return new PassiveConnector(config, passive, control);
        }
        return new ActiveConnector(config, (DataConnectionMode.Active) mode, control);
    }
}
