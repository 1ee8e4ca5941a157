package dev.ftpkit.server.internal.data;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * One listening passive port and the sessions waiting on it. A shared listener serves at most one session per
 * client address and hands each accepted connection to the session of its source address, so a small port range
 * serves many clients; an exclusive one (kernel-chosen ports, or {@code pasv_promiscuous}) serves one session and
 * fails its transfer when a connection comes from another address (RFC 2577 §5).
 *
 * <p>No thread of its own: one waiting session at a time accepts, in slices, and hands over what it accepted;
 * connections for sessions not yet waiting stay in the kernel's backlog.
 */
final class PassiveListener {

    /** How long one accept blocks on a shared port, so a session that left stops accepting for the others. */
    private static final Duration SHARED_ACCEPT_SLICE = Duration.ofMillis(200);

    private final ServerSocket socket;
    private final InetAddress bindAddress;
    private final boolean exclusive;
    private final boolean promiscuous;
    private final DataPeers peers;
    /**
     * The pool's lock. The last session to leave closes the listener and gives its port back under it, in one step:
     * a lease, made under the same lock, never finds the port's listener closing (and the range exhausted with it).
     */
    private final Object portLock;
    private final Runnable retire;
    private final Map<InetAddress, PassiveLease> waiting = new HashMap<>();
    private boolean accepting;
    private boolean closed;

    PassiveListener(ServerSocket socket, InetAddress bindAddress, boolean exclusive, boolean promiscuous,
                    DataPeers peers, Object portLock, Runnable retire) {
        this.socket = socket;
        this.bindAddress = bindAddress;
        this.exclusive = exclusive;
        this.promiscuous = promiscuous;
        this.peers = peers;
        this.portLock = portLock;
        this.retire = retire;
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Adds a session waiting for a connection from {@code client}; null if this listener cannot take it. */
    synchronized PassiveLease join(InetAddress bind, InetAddress client) {
        if (closed || !bindAddress.equals(bind) || waiting.containsKey(client) || (exclusive && !waiting.isEmpty())) {
            return null;
        }
        PassiveLease lease = new PassiveLease(this, client);
        waiting.put(client, lease);
        return lease;
    }

    /** Removes a waiting session; the last one closes the listener and gives its port back. */
    void leave(PassiveLease lease) {
        Socket undelivered;
        synchronized (portLock) { // taken before this listener's, in the order a lease takes them
            synchronized (this) {
                if (waiting.get(lease.client()) != lease) {
                    return;
                }
                waiting.remove(lease.client());
                undelivered = lease.take();
                closed |= waiting.isEmpty();
                notifyAll();
                if (closed) {
                    DataSetup.closeQuietly(socket); // also ends an exclusive accept blocked in another thread (ABOR)
                    retire.run();
                }
            }
        }
        DataSetup.closeQuietly(undelivered);
    }

    /** Waits for the lease's connection, accepting for all waiting sessions while nobody else does. */
    Socket accept(PassiveLease lease, Duration timeout) throws DataChannelException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) { // ends with the connection, the deadline, or the session leaving
            long left;
            synchronized (this) {
                Socket mine = lease.take();
                if (mine != null) {
                    return mine;
                }
                lease.rethrowFailure();
                left = deadline - System.nanoTime();
                if (waiting.get(lease.client()) != lease || left <= 0) {
                    throw new DataChannelException(DataChannelException.Reason.CANNOT_CONNECT,
                            new SocketTimeoutException("no data connection within " + timeout));
                }
                if (accepting) {
                    waitQuietly(left);
                    continue;
                }
                accepting = true;
            }
            acceptOnce(Duration.ofNanos(exclusive ? left : Math.min(left, SHARED_ACCEPT_SLICE.toNanos())));
        }
    }

    private void acceptOnce(Duration slice) throws DataChannelException {
        Socket accepted = null;
        InetAddress client = null;
        try {
            socket.setSoTimeout((int) Math.max(1, slice.toMillis()));
            accepted = socket.accept();
            client = peers.clientOf(accepted);
        } catch (SocketTimeoutException e) {
            // nothing yet: the loop checks the deadline and whether the session still waits
        } catch (IOException e) {
            if (accepted == null) {
                synchronized (this) {
                    accepting = false;
                    notifyAll();
                }
                throw new DataChannelException(DataChannelException.Reason.CANNOT_CONNECT, e);
            }
            DataSetup.closeQuietly(accepted); // a bad PROXY header on a data connection
            accepted = null;
        }
        synchronized (this) {
            accepting = false;
            notifyAll();
            if (accepted != null) {
                route(accepted, client);
            }
        }
    }

    /** Hands a connection to the session waiting for its client, under the lock. */
    private void route(Socket accepted, InetAddress client) {
        if (exclusive) {
            PassiveLease only = waiting.values().stream().findFirst().orElse(null);
            if (only == null) {
                DataSetup.resetQuietly(accepted);
            } else if (promiscuous || only.client().equals(client)) {
                only.deliver(accepted);
            } else {
                // vsftpd pasv_promiscuous=NO: a data connection from another host than the control connection's
                // is a hijack attempt (RFC 2577 §5); drop it and fail the transfer
                DataSetup.resetQuietly(accepted);
                only.fail(new DataChannelException(DataChannelException.Reason.FOREIGN_ADDRESS, null));
            }
            return;
        }
        PassiveLease owner = waiting.get(client);
        if (owner == null || !owner.deliver(accepted)) {
            // no session waits for this address (a thief, or a second connection): it cannot take anyone's data
            DataSetup.resetQuietly(accepted);
        }
    }

    private void waitQuietly(long nanos) {
        try {
            wait(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
