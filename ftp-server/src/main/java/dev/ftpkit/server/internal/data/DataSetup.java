package dev.ftpkit.server.internal.data;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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

    /** A place on a passive port leased from the pool; accepts one connection from the expected client. */
    final class Passive implements DataSetup {
        private final PassiveLease lease;

        Passive(PassiveLease lease) {
            this.lease = lease;
        }

        int port() {
            return lease.port();
        }

        @Override
        public Socket open(Duration timeout) throws DataChannelException {
            try {
                return lease.accept(timeout);
            } finally {
                close();
            }
        }

        @Override
        public void close() {
            lease.close();
        }
    }

    /**
     * Ends a data connection that must not carry anyone's data with a reset, not a clean close: an FTP server at the
     * other end (an FXP target whose source refused it) must not store an empty file as if it were the whole data.
     *
     * @param socket the refused connection
     */
    static void resetQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException ignored) {
            // closed already: nothing to reset
        }
        closeQuietly(socket);
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
