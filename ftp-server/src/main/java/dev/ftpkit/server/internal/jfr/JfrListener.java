package dev.ftpkit.server.internal.jfr;

import dev.ftpkit.core.Command;
import dev.ftpkit.core.Reply;
import dev.ftpkit.server.Account;
import dev.ftpkit.server.FtpSession;
import dev.ftpkit.server.ServerListener;
import dev.ftpkit.server.TransferEvent;
import dev.ftpkit.server.internal.jfr.ServerJfrEvents.CommandEvent;
import dev.ftpkit.server.internal.jfr.ServerJfrEvents.LoginEvent;
import dev.ftpkit.server.internal.jfr.ServerJfrEvents.SessionEvent;
import jdk.jfr.EventType;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emits the server's JFR events, then tells the embedder's listener. While no recording asks for an event type,
 * each event costs one check of {@link EventType#isEnabled()} and allocates nothing. Sessions and transfers begun
 * before a recording started are not recorded.
 */
public final class JfrListener implements ServerListener {

    private static final EventType SESSION = EventType.getEventType(SessionEvent.class);
    private static final EventType LOGIN = EventType.getEventType(LoginEvent.class);
    private static final EventType TRANSFER = EventType.getEventType(ServerJfrEvents.TransferEvent.class);
    private static final EventType COMMAND = EventType.getEventType(CommandEvent.class);

    private final ServerListener next;
    private final Map<FtpSession, SessionEvent> sessions = new ConcurrentHashMap<>();
    private final Map<FtpSession, ServerJfrEvents.TransferEvent> transfers = new ConcurrentHashMap<>();

    /**
     * Wraps the embedder's listener.
     *
     * @param next told every event after the JFR event is emitted
     */
    public JfrListener(ServerListener next) {
        this.next = next;
    }

    @Override
    public void connected(FtpSession session) {
        if (SESSION.isEnabled()) {
            SessionEvent event = new SessionEvent();
            event.session = session.id();
            event.client = session.clientAddress().getAddress().getHostAddress();
            event.begin();
            sessions.put(session, event);
        }
        next.connected(session);
    }

    @Override
    public void loggedIn(FtpSession session, Account account) {
        SessionEvent open = sessions.get(session);
        if (open != null) {
            open.user = account.name();
        }
        login(session, account.name(), true);
        next.loggedIn(session, account);
    }

    @Override
    public void loginFailed(FtpSession session, String userName) {
        login(session, userName, false);
        next.loginFailed(session, userName);
    }

    private static void login(FtpSession session, String user, boolean success) {
        if (LOGIN.isEnabled()) {
            LoginEvent event = new LoginEvent();
            event.session = session.id();
            event.client = session.clientAddress().getAddress().getHostAddress();
            event.user = user;
            event.success = success;
            event.commit();
        }
    }

    @Override
    public void commandReceived(FtpSession session, Command command) {
        next.commandReceived(session, command);
    }

    @Override
    public void replySent(FtpSession session, Reply reply) {
        next.replySent(session, reply);
    }

    @Override
    public void commandHandled(FtpSession session, Command command, Reply reply) {
        if (COMMAND.isEnabled()) {
            CommandEvent event = new CommandEvent();
            event.session = session.id();
            event.verb = command.verb();
            event.replyCode = reply.codeValue();
            event.commit();
        }
        next.commandHandled(session, command, reply);
    }

    @Override
    public void transferStarted(FtpSession session, String verb, String path) {
        if (TRANSFER.isEnabled()) {
            ServerJfrEvents.TransferEvent event = new ServerJfrEvents.TransferEvent();
            event.begin();
            transfers.put(session, event);
        }
        next.transferStarted(session, verb, path);
    }

    @Override
    public void transferEnded(FtpSession session, TransferEvent ended) {
        ServerJfrEvents.TransferEvent event = transfers.isEmpty() ? null : transfers.remove(session);
        if (event != null) {
            event.end();
            if (event.shouldCommit()) {
                event.session = session.id();
                event.user = session.account().map(Account::name).orElse("");
                event.verb = ended.verb();
                event.path = ended.path();
                event.direction = ended.direction().name().toLowerCase(Locale.ROOT);
                event.bytes = ended.bytes();
                event.success = ended.success();
                event.commit();
            }
        }
        next.transferEnded(session, ended);
    }

    @Override
    public void disconnected(FtpSession session) {
        transfers.remove(session);
        SessionEvent event = sessions.isEmpty() ? null : sessions.remove(session);
        if (event != null) {
            event.commit();
        }
        next.disconnected(session);
    }
}
