package dev.ftpkit.server.internal;

import dev.ftpkit.server.ProxyProtocolSettings;
import dev.ftpkit.server.internal.data.DataSetup;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.function.BiConsumer;

/**
 * The door of a server behind a load balancer: takes control connections only from trusted proxies, reads each
 * one's PROXY header on a thread of its own (the acceptor never waits for a peer), and admits the connection with
 * the client address the header names. Anything else is closed without a greeting: a client that could reach the
 * server directly must not pose as any address it likes, and an FTP greeting would tell a scanner what runs here.
 */
final class ProxyGate {

    private static final System.Logger LOG = System.getLogger(ProtocolLog.SESSION_LOGGER);

    private final ProxyProtocolSettings settings;
    private final ThreadFactory threads;
    /** Headers being read at once; past this, a flood of silent connections is shed at the door. */
    private final Semaphore pending;

    ProxyGate(ProxyProtocolSettings settings, ThreadFactory threads, int maxPending) {
        this.settings = settings;
        this.threads = threads;
        this.pending = new Semaphore(maxPending);
    }

    /**
     * Called on the acceptor thread with a fresh connection; {@code admit} gets it with its client's address.
     */
    void pass(Socket connection, BiConsumer<Socket, InetSocketAddress> admit) {
        if (!settings.trusts(connection.getInetAddress())) {
            refuse(connection, "not from a trusted proxy");
            return;
        }
        if (!pending.tryAcquire()) {
            refuse(connection, "too many PROXY headers being read");
            return;
        }
        try {
            threads.newThread(() -> readThenAdmit(connection, admit)).start();
        } catch (RuntimeException | OutOfMemoryError e) {
            pending.release();
            refuse(connection, "no thread to read its PROXY header: " + e);
        }
    }

    private void readThenAdmit(Socket connection, BiConsumer<Socket, InetSocketAddress> admit) {
        InetSocketAddress client;
        try {
            client = ProxyHeaderReader.clientOf(connection, settings.headerTimeout());
        } catch (IOException e) {
            refuse(connection, e.toString());
            return;
        } finally {
            pending.release();
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "PROXY header from " + ProtocolLog.peer(
                connection.getRemoteSocketAddress()) + " names client " + ProtocolLog.peer(client));
        admit.accept(connection, client);
    }

    private static void refuse(Socket connection, String why) {
        LOG.log(System.Logger.Level.DEBUG, () -> "connection from " + ProtocolLog.peer(
                connection.getRemoteSocketAddress()) + " closed without a greeting: " + why);
        DataSetup.closeQuietly(connection);
    }
}
