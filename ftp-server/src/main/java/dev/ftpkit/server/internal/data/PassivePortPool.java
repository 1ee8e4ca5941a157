package dev.ftpkit.server.internal.data;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Leases places on passive listening ports from the configured range (vsftpd's pasv_min_port..pasv_max_port).
 * With a range, a port is shared: sessions whose clients have different addresses wait on the same listener, which
 * tells their data connections apart by source address ({@link PassiveListener}); a second session from an address
 * already waiting on a port gets another port. A port goes back to the range when its last session leaves.
 * Without a range every session gets a port of its own from the system's ephemeral ports ({@link EphemeralPorts});
 * with {@code promiscuous} (any source accepted) nothing can be told apart, so every port serves one session. An
 * exhausted range is a {@link DataChannelException} ({@code PASSIVE_PORTS_EXHAUSTED}).
 */
public final class PassivePortPool {

    /** Connections for sessions that share a port and have not reached their accept yet wait here. */
    private static final int SHARED_BACKLOG = 64;

    private final int min;
    private final int max;
    private final boolean promiscuous;
    private final DataPeers peers;
    private final EphemeralPorts ephemeral;
    private final BitSet leased = new BitSet();
    private final Map<Integer, PassiveListener> open = new HashMap<>();
    private int next;

    /**
     * A pool over {@code min..max}, or over the kernel's ephemeral ports when {@code min} is 0.
     *
     * @param min         the lowest port, or 0
     * @param max         the highest port, or 0
     * @param promiscuous whether a data connection may come from any address (no sharing then)
     * @param peers       how the client of an accepted data connection is known
     */
    public PassivePortPool(int min, int max, boolean promiscuous, DataPeers peers) {
        this(min, max, promiscuous, peers, min == 0 ? EphemeralPorts.ofSystem() : null);
    }

    PassivePortPool(int min, int max, boolean promiscuous, DataPeers peers, EphemeralPorts ephemeral) {
        this.ephemeral = ephemeral;
        this.min = min;
        this.max = max;
        this.promiscuous = promiscuous;
        this.peers = peers;
    }

    /**
     * A place on a listening port for a data connection from {@code client}.
     *
     * @param bindAddress the local address to listen on (the control connection's local address)
     * @param client      the address the data connection must come from
     * @param anySource   whether it may come from anywhere (an FXP account: the other server connects): such a
     *                    lease has a port of its own, since no source address tells it from others
     * @return the lease; close it when done
     * @throws DataChannelException if every port of the range is taken, for this client
     */
    public PassiveLease lease(InetAddress bindAddress, InetAddress client, boolean anySource)
            throws DataChannelException {
        boolean promiscuousLease = promiscuous || anySource;
        if (min == 0) {
            try {
                return exclusive(bindEphemeral(bindAddress), bindAddress, client, promiscuousLease, () -> { });
            } catch (IOException e) {
                throw exhausted(e);
            }
        }
        return leaseInRange(bindAddress, client, promiscuousLease);
    }

    /**
     * Tries every port of the range once, in turn from where the last lease stopped. One pass under the lock, so
     * leases made at the same time cannot move {@code next} under it and send it to the same ports again.
     */
    private synchronized PassiveLease leaseInRange(InetAddress bindAddress, InetAddress client,
                                                   boolean promiscuousLease) throws DataChannelException {
        int size = max - min + 1;
        for (int tries = 0; tries < size; tries++) {
            int index = next;
            next = (next + 1) % size;
            PassiveLease lease = leasePort(min + index, bindAddress, client, promiscuousLease);
            if (lease != null) {
                return lease;
            }
        }
        throw exhausted(null);
    }

    /** Joins or opens one port; null if it cannot take this client. */
    private PassiveLease leasePort(int port, InetAddress bindAddress, InetAddress client, boolean promiscuousLease) {
        int index = port - min;
        PassiveListener listener = open.get(port);
        if (listener != null) {
            return promiscuousLease ? null : listener.join(bindAddress, client);
        }
        if (leased.get(index)) {
            return null; // an exclusive lease
        }
        ServerSocket socket;
        try {
            socket = bind(bindAddress, port, promiscuousLease ? 1 : SHARED_BACKLOG);
        } catch (IOException taken) {
            return null; // used by another program: try the next one
        }
        leased.set(index);
        if (promiscuousLease) {
            return exclusive(socket, bindAddress, client, true, () -> free(port));
        }
        listener = new PassiveListener(socket, bindAddress, false, false, peers, this, () -> retire(port));
        open.put(port, listener);
        return listener.join(bindAddress, client);
    }

    private PassiveLease exclusive(ServerSocket socket, InetAddress bindAddress, InetAddress client,
                                   boolean promiscuousLease, Runnable retire) {
        return new PassiveListener(socket, bindAddress, true, promiscuousLease, peers, this, retire)
                .join(bindAddress, client);
    }

    private synchronized void retire(int port) {
        open.remove(port);
        free(port);
    }

    private synchronized void free(int port) {
        leased.clear(port - min);
    }

    /**
     * How many ports of the range are in use now (always 0 without a range).
     *
     * @return the count
     */
    public synchronized int leasedCount() {
        return leased.cardinality();
    }

    /** A port of the ephemeral range that is free to listen on; the kernel's choice if none of a few tries is. */
    private ServerSocket bindEphemeral(InetAddress bindAddress) throws IOException {
        for (int i = 0; i < EphemeralPorts.TRIES; i++) {
            try {
                return bind(bindAddress, ephemeral.pick(), 1);
            } catch (BindException taken) {
                // a listener or a live connection holds it: another
            }
        }
        return bind(bindAddress, 0, 1);
    }

    private static ServerSocket bind(InetAddress bindAddress, int port, int backlog) throws IOException {
        // channel-backed, so an accepted data connection has a SocketChannel for direct-buffer uploads
        ServerSocketChannel channel = ServerSocketChannel.open();
        try {
            ServerSocket listener = channel.socket();
            // also on port 0: the connections it accepts inherit the flag, so their TIME_WAIT does not keep the
            // port from the next listener that binds it by number
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(bindAddress, port), backlog);
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
