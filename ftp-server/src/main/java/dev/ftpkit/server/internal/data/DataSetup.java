package dev.ftpkit.server.internal.data;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/** What PASV/EPSV or PORT/EPRT prepared for the next data connection. */
public sealed interface DataSetup extends Closeable {

    /**
     * Opens the data connection.
     *
     * @param timeout how long to wait for the accept or connect
     * @return the connected socket
     * @throws DataChannelException if it cannot be opened
     */
    Socket open(Duration timeout) throws DataChannelException;

    @Override
    void close();

    /** A passive listener leased from the pool; accepts one connection from the expected address. */
    final class Passive implements DataSetup {
        private final ServerSocket listener;
        private final PassivePortPool pool;
        private final InetAddress expectedClient;
        private final boolean promiscuous;
        private boolean closed;

        Passive(ServerSocket listener, PassivePortPool pool, InetAddress expectedClient, boolean promiscuous) {
            this.listener = listener;
            this.pool = pool;
            this.expectedClient = expectedClient;
            this.promiscuous = promiscuous;
        }

        int port() {
            return listener.getLocalPort();
        }

        @Override
        public Socket open(Duration timeout) throws DataChannelException {
            try {
                listener.setSoTimeout(DataSetup.millis(timeout));
                Socket socket = listener.accept();
                // vsftpd pasv_promiscuous=NO: a data connection from another host than the control connection's
                // is a hijack attempt (RFC 2577 §5); drop it and fail the transfer.
                if (!promiscuous && !socket.getInetAddress().equals(expectedClient)) {
                    // a reset, not a clean end: an FTP server on the other end (an FXP target without the
                    // source's permission) must not store an empty file as if it were the whole data
                    socket.setSoLinger(true, 0);
                    closeQuietly(socket);
                    throw new DataChannelException(DataChannelException.Reason.FOREIGN_ADDRESS, null);
                }
                return socket;
            } catch (DataChannelException e) {
                throw e;
            } catch (IOException e) {
                throw new DataChannelException(DataChannelException.Reason.CANNOT_CONNECT, e);
            } finally {
                close();
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                pool.release(listener);
            }
        }
    }

    /** An active target checked against the client's address; the server connects from an ephemeral port. */
    record Active(InetSocketAddress target, InetAddress localAddress) implements DataSetup {
        @Override
        public Socket open(Duration timeout) throws DataChannelException {
            Socket socket = null;
            try {
                socket = SocketChannel.open().socket(); // channel-backed, as passive data connections
                socket.bind(new InetSocketAddress(localAddress, 0));
                socket.connect(target, DataSetup.millis(timeout));
                return socket;
            } catch (IOException e) {
                closeQuietly(socket);
                throw new DataChannelException(DataChannelException.Reason.CANNOT_CONNECT, e);
            }
        }

        @Override
        public void close() {
            // nothing is open before the transfer
        }
    }

    private static int millis(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    public static void closeQuietly(Closeable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing left to save
        }
    }
}
