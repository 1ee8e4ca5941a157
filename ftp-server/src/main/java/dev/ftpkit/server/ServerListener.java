package dev.ftpkit.server;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;

/**
 * Observes sessions: connect, login, commands, transfers, disconnect. Every method does nothing by default.
 * Methods run on the session's threads and should return quickly; one that throws is logged and ignored (the
 * session goes on). To refuse something, use a {@link ServerHook}.
 */
public interface ServerListener {

    /** A listener that ignores every event. */
    ServerListener NONE = new ServerListener() {
    };

    /**
     * A listener that tells each of {@code listeners} every event, in order; one that throws is logged and the
     * others are still told (e.g. metrics, an xferlog and an audit log side by side).
     *
     * @param listeners the listeners
     * @return the combined listener
     */
    static ServerListener all(ServerListener... listeners) {
        return new dev.ftpkit.server.internal.CompositeListener(java.util.List.of(listeners));
    }

    /**
     * A client connected (before the greeting).
     *
     * @param session the new session
     */
    default void connected(FtpSession session) {
    }

    /**
     * A login succeeded.
     *
     * @param session the session
     * @param account the account
     */
    default void loggedIn(FtpSession session, Account account) {
    }

    /**
     * A login failed.
     *
     * @param session  the session
     * @param userName the name given to USER
     */
    default void loginFailed(FtpSession session, String userName) {
    }

    /**
     * A command line arrived and was parsed, before it is handled: with {@link #replySent} the exact dialogue in
     * order, e.g. for a transcript.
     *
     * @param session the session
     * @param command the command ({@code toString()} masks a password)
     */
    default void commandReceived(FtpSession session, Command command) {
    }

    /**
     * A reply went out on the control connection: every one, the greeting, preliminary replies (150), final replies
     * and the 421 of a closing session included.
     *
     * @param session the session
     * @param reply   the reply as sent
     */
    default void replySent(FtpSession session, Reply reply) {
    }

    /**
     * A command got its final reply.
     *
     * @param session the session
     * @param command the command ({@code toString()} masks a password)
     * @param reply   the final reply
     */
    default void commandHandled(FtpSession session, Command command, Reply reply) {
    }

    /**
     * A transfer began (the data connection is open).
     *
     * @param session the session
     * @param verb    the command
     * @param path    the path as named by the client
     */
    default void transferStarted(FtpSession session, String verb, String path) {
    }

    /**
     * A transfer ended.
     *
     * @param session the session
     * @param event   what was transferred
     */
    default void transferEnded(FtpSession session, TransferEvent event) {
    }

    /**
     * The control connection closed.
     *
     * @param session the session
     */
    default void disconnected(FtpSession session) {
    }
}
