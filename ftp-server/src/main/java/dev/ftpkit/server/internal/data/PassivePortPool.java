package dev.ftpkit.server.internal.data;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.util.BitSet;

/**
 * Leases passive listening ports from the configured range (vsftpd's pasv_min_port..pasv_max_port), one per data
 * connection, and takes them back when the listener closes. Without a range the kernel picks ephemeral ports.
 * An exhausted range is a {@link DataChannelException} ({@code PASSIVE_PORTS_EXHAUSTED}).
 */
public final class PassivePortPool {

    private final int min;
    private final int max;
    private final BitSet leased;
    private int next;

    /**
     * A pool over {@code min..max}, or over the kernel's ephemeral ports when {@code min} is 0.
     *
     * @param min the lowest port, or 0
     * @param max the highest port, or 0
     */
    public PassivePortPool(int min, int max) {
        this.min = min;
        this.max = max;
        this.leased = new BitSet();
    }

    /**
     * Binds a listener on a free port of the range.
     *
     * @param bindAddress the local address to bind (the control connection's local address)
     * @return the bound listener; give it back with {@link #release(ServerSocket)}
     * @throws DataChannelException if every port of the range is leased or taken
     */
    public ServerSocket lease(InetAddress bindAddress) throws DataChannelException {
        if (min == 0) {
            try {
                return bind(bindAddress, 0);
            } catch (IOException e) {
                throw exhausted(e);
            }
        }
        int size = max - min + 1;
        for (int tries = 0; tries < size; tries++) {
            int port = claim();
            if (port < 0) {
                break;
            }
            try {
                return bind(bindAddress, port);
            } catch (IOException taken) {
                free(port); // used by another program: try the next one
            }
        }
        throw exhausted(null);
    }

    /**
     * Closes the listener and returns its port to the pool.
     *
     * @param listener a listener from {@link #lease(InetAddress)}
     */
    public void release(ServerSocket listener) {
        int port = listener.getLocalPort();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing a listener cannot lose data
        }
        if (min != 0 && port >= min && port <= max) {
            free(port);
        }
    }

    /**
     * How many ports are leased now (always 0 without a range).
     *
     * @return the count
     */
    public synchronized int leasedCount() {
        return leased.cardinality();
    }

    private synchronized int claim() {
        int size = max - min + 1;
        for (int i = 0; i < size; i++) {
            int index = (next + i) % size;
            if (!leased.get(index)) {
                leased.set(index);
                next = (index + 1) % size;
                return min + index;
            }
        }
        return -1;
    }

    private synchronized void free(int port) {
        leased.clear(port - min);
    }

    private static ServerSocket bind(InetAddress bindAddress, int port) throws IOException {
        // channel-backed, so an accepted data connection has a SocketChannel for direct-buffer uploads
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            ServerSocket listener = channel.socket();
            listener.setReuseAddress(port != 0);
            listener.bind(new InetSocketAddress(bindAddress, port), 1);
            return listener;
        } catch (IOException e) {
            channel.close();
            throw e instanceof BindException ? e : new BindException(String.valueOf(e.getMessage()));
        }
    }

    private static DataChannelException exhausted(IOException cause) {
        return new DataChannelException(DataChannelException.Reason.PASSIVE_PORTS_EXHAUSTED, cause);
    }
}
