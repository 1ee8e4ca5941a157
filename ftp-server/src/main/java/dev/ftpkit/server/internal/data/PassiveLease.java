package dev.ftpkit.server.internal.data;

import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * One session's place on a passive port: the port to advertise, and the data connection from the session's client
 * once it arrives. Closing it gives the place back (and the port, when no other session waits on it).
 */
public final class PassiveLease implements AutoCloseable {

    private final PassiveListener listener;
    private final InetAddress client;
    // guarded by the listener
    private Socket delivered;
    private DataChannelException failure;

    PassiveLease(PassiveListener listener, InetAddress client) {
        this.listener = listener;
        this.client = client;
    }

    /**
     * The port to advertise.
     *
     * @return the listening port
     */
    public int port() {
        return listener.port();
    }

    InetAddress client() {
        return client;
    }

    /**
     * Waits for the client's data connection.
     *
     * @param timeout how long to wait
     * @return the connected socket
     * @throws DataChannelException if none came in time, or a foreign one came to an exclusive port
     */
    public Socket accept(Duration timeout) throws DataChannelException {
        return listener.accept(this, timeout);
    }

    /** Stops waiting; an undelivered connection is closed. */
    @Override
    public void close() {
        listener.leave(this);
    }

    boolean deliver(Socket socket) {
        if (delivered != null || failure != null) {
            return false;
        }
        delivered = socket;
        return true;
    }

    void fail(DataChannelException e) {
        failure = e;
    }

    Socket take() {
        Socket socket = delivered;
        delivered = null;
        return socket;
    }

    void rethrowFailure() throws DataChannelException {
        if (failure != null) {
            throw failure;
        }
    }
}
