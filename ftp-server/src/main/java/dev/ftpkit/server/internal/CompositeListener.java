package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;

import java.util.List;
import java.util.function.Consumer;

/**
 * Several listeners as one ({@link ServerListener#all}). A listener that throws is logged and skipped, so one
 * broken log cannot silence the metrics beside it or break the session.
 */
public final class CompositeListener implements ServerListener {

    private static final System.Logger LOG = System.getLogger(CompositeListener.class.getName());

    private final List<ServerListener> listeners;

    /**
     * Combines listeners.
     *
     * @param listeners told in this order
     */
    public CompositeListener(List<ServerListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    private void each(Consumer<ServerListener> event) {
        for (ServerListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "listener " + listener + " failed", e);
            }
        }
    }

    @Override
    public void connected(FtpSession session) {
        each(l -> l.connected(session));
    }

    @Override
    public void loggedIn(FtpSession session, Account account) {
        each(l -> l.loggedIn(session, account));
    }

    @Override
    public void loginFailed(FtpSession session, String userName) {
        each(l -> l.loginFailed(session, userName));
    }

    @Override
    public void commandReceived(FtpSession session, Command command) {
        each(l -> l.commandReceived(session, command));
    }

    @Override
    public void replySent(FtpSession session, Reply reply) {
        each(l -> l.replySent(session, reply));
    }

    @Override
    public void commandHandled(FtpSession session, Command command, Reply reply) {
        each(l -> l.commandHandled(session, command, reply));
    }

    @Override
    public void transferStarted(FtpSession session, String verb, String path) {
        each(l -> l.transferStarted(session, verb, path));
    }

    @Override
    public void transferEnded(FtpSession session, TransferEvent event) {
        each(l -> l.transferEnded(session, event));
    }

    @Override
    public void disconnected(FtpSession session) {
        each(l -> l.disconnected(session));
    }
}
