package dev.ftpkit.server.internal;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;

/**
 * Calls the configured {@link ServerListener} so that a listener that throws is logged and ignored: an observer
 * never drops the client's connection or changes a reply.
 */
public final class SafeListener implements ServerListener {

    private static final System.Logger LOG = System.getLogger(SafeListener.class.getName());

    private final ServerListener listener;

    private SafeListener(ServerListener listener) {
        this.listener = listener;
    }

    /**
     * Wraps a listener, unless it is {@link ServerListener#NONE} or already wrapped.
     *
     * @param listener the configured listener
     * @return a listener whose methods never throw
     */
    public static ServerListener wrap(ServerListener listener) {
        return listener == ServerListener.NONE || listener instanceof SafeListener ? listener : new SafeListener(listener);
    }

    private void guard(String event, FtpSession session, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException | LinkageError | AssertionError e) {
            LOG.log(System.Logger.Level.WARNING, "listener failed on " + event + " of session " + session.id(), e);
        }
    }

    @Override
    public void connected(FtpSession session) {
        guard("connected", session, () -> listener.connected(session));
    }

    @Override
    public void loggedIn(FtpSession session, Account account) {
        guard("loggedIn", session, () -> listener.loggedIn(session, account));
    }

    @Override
    public void loginFailed(FtpSession session, String userName) {
        guard("loginFailed", session, () -> listener.loginFailed(session, userName));
    }

    @Override
    public void commandHandled(FtpSession session, Command command, Reply reply) {
        guard("commandHandled", session, () -> listener.commandHandled(session, command, reply));
    }

    @Override
    public void transferStarted(FtpSession session, String verb, String path) {
        guard("transferStarted", session, () -> listener.transferStarted(session, verb, path));
    }

    @Override
    public void transferEnded(FtpSession session, TransferEvent event) {
        guard("transferEnded", session, () -> listener.transferEnded(session, event));
    }

    @Override
    public void disconnected(FtpSession session) {
        guard("disconnected", session, () -> listener.disconnected(session));
    }
}
